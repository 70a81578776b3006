{#- A failure or warning code when a condition holds, else null. -#}
{% macro check_condition(condition, code) -%}
    case when {{ condition }} then '{{ code }}' end
{%- endmacro %}
