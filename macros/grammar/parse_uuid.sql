{#- Text -> lower-case UUID text, or null when it is not a UUID. -#}
{% macro parse_uuid(expr) -%}
    (case
        when {{ csr_analytics.is_uuid(csr_analytics.ascii_lower(expr)) }}
            then {{ csr_analytics.ascii_lower(expr) }}
    end)
{%- endmacro %}
