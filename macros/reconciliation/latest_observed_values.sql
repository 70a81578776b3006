{#-
    "Each field takes the value of the most recent observation that has it" (domain.md
    §3), as two column lists for a model's own CTEs. The observations carry
    `_observation_rank` (1 = the most recent of its key, observation_rank()):

    latest_value_ranks(columns)          per key (an aggregate): the best rank holding a
                                         value, one `<column>__rank` per column
    latest_values(observed, ranks, columns)  per key (an aggregate over the key's
                                         observations joined to its ranks): the value at
                                         that rank

    Portable on purpose: PostgreSQL has no IGNORE NULLS in window functions. Value
    columns must be text, numbers, dates or timestamps (max() is not defined on booleans
    everywhere).
-#}
{% macro latest_value_ranks(columns) -%}
    {%- for column in columns -%}
        min(case when {{ column }} is not null then _observation_rank end) as {{ column }}__rank
        {{- ",\n        " if not loop.last }}
    {%- endfor -%}
{%- endmacro %}

{% macro latest_values(observed, ranks, columns) -%}
    {%- for column in columns -%}
        max(case
            when {{ observed }}._observation_rank = {{ ranks }}.{{ column }}__rank
                then {{ observed }}.{{ column }}
        end) as {{ column }}
        {{- ",\n        " if not loop.last }}
    {%- endfor -%}
{%- endmacro %}

{#- Per key (an aggregate over its observations): how many observations each feed holds
    and when the key was last observed. -#}
{% macro feed_counts() -%}
    sum(case when _feed = 'export' then 1 else 0 end) as export_observations_count,
        sum(case when _feed = 'webhook' then 1 else 0 end) as webhook_observations_count,
        max(_observed_at) as last_observed_at
{%- endmacro %}
