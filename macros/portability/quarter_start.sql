{#- First day (a date) of the calendar quarter holding a date or timestamp. -#}
{% macro quarter_start(expr) -%}
    cast({{ dbt.date_trunc('quarter', 'cast(' ~ expr ~ ' as date)') }} as date)
{%- endmacro %}
