{#-
    is_accepted (no failure) and is_superseded (accepted, and a later accepted row of
    the same natural key exists) for a relation that has _failures and the lineage columns.
-#}
{% macro mark_accepted(relation, key_expr) -%}
    select
        {{ relation }}.*,
        {{ relation }}._failures is null as is_accepted,
        (
            {{ relation }}._failures is null
            and row_number() over (
                partition by {{ relation }}._failures is null, {{ key_expr }}
                order by {{ csr_analytics.observation_order() }}
            ) > 1
        ) as is_superseded
    from {{ relation }}
{%- endmacro %}
