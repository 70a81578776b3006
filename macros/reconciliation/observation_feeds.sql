{#-
    Per key: how many observations each feed holds (after duplicate deliveries were
    counted once) and when the key was last observed.
-#}
{% macro observation_feeds(relation, key_columns) -%}
    select
        {%- for key in key_columns %}
        {{ key }},
        {%- endfor %}
        sum(case when _feed = 'export' then 1 else 0 end) as export_observations_count,
        sum(case when _feed = 'webhook' then 1 else 0 end) as webhook_observations_count,
        max(_observed_at) as last_observed_at
    from {{ relation }}
    group by {{ key_columns | join(', ') }}
{%- endmacro %}
