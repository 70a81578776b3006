{#- Trimmed text, empty string -> null ("empty string = missing"). -#}
{% macro clean_text(expr) -%}
    nullif(trim({{ expr }}), '')
{%- endmacro %}
