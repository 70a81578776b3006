{#- True when the (lower-cased) text is a UUID. -#}
{% macro is_uuid(expr) -%}
    {{ csr_analytics.regex_match(expr, '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') }}
{%- endmacro %}
