{#- Last day (a date) of the calendar month holding a date or timestamp. -#}
{% macro month_end(expr) -%}
    cast({{ dbt.dateadd(
        'day', -1, dbt.dateadd('month', 1, dbt.date_trunc('month', 'cast(' ~ expr ~ ' as date)'))
    ) }} as date)
{%- endmacro %}
