{#- Text -> itself when it is JSON of the given type ('array' or 'object'), else null. -#}
{% macro parse_json(expr, json_type) -%}
    (case when {{ csr_analytics.json_type_of(expr) }} = '{{ json_type }}' then {{ expr }} end)
{%- endmacro %}
