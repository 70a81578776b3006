{#- The value's text with white space at either end removed (whitespace.sql); an empty
    value is missing (null). Every staged value starts here. -#}
{% macro clean_text(expr) -%}
    nullif({{ csr_analytics.trim_whitespace(expr) }}, '')
{%- endmacro %}
