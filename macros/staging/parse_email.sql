{#- Text -> normalised email, or null when the normalised text is not an email address. -#}
{% macro parse_email(expr) -%}
    (case
        when {{ csr_analytics.regex_match(csr_analytics.normalize_email(expr),
            '^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:].]+$') }}
            then {{ csr_analytics.normalize_email(expr) }}
    end)
{%- endmacro %}
