{#- First day (a date) of the calendar year holding a date or timestamp. -#}
{% macro year_start(expr) -%}
    cast({{ dbt.date_trunc('year', 'cast(' ~ expr ~ ' as date)') }} as date)
{%- endmacro %}
