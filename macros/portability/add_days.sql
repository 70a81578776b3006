{#- A date or timestamp plus a whole number of days (negative to go back). Keeps the type. -#}
{% macro add_days(expr, days) -%}
    {{ return(adapter.dispatch('add_days', 'csr_analytics')(expr, days)) }}
{%- endmacro %}

{% macro postgres__add_days(expr, days) -%}
    ({{ expr }} + cast({{ days }} as integer) * interval '1 day')
{%- endmacro %}

{% macro duckdb__add_days(expr, days) -%}
    ({{ expr }} + to_days(cast({{ days }} as integer)))
{%- endmacro %}
