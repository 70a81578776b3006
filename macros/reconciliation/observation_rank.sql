{#-
    Rank of an observation within its key, 1 = the most recent: observation time (none
    = the oldest), the webhook after the export at equal times, then the later load,
    then the later line (domain.md §3, staging's observation_order()).
-#}
{% macro observation_rank(key_columns) -%}
    row_number() over (
        partition by {{ key_columns | join(', ') }}
        order by {{ csr_analytics.observation_order() }}
    )
{%- endmacro %}
