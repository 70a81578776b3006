{#- Text -> normalised email, or null when the normalised text is not an email address
    (email_pattern, matched whole). -#}
{% macro parse_email(expr) -%}
    (case
        when {{ csr_analytics.regex_match(
            csr_analytics.normalize_email(expr), '^' ~ csr_analytics.email_pattern() ~ '$') }}
            then {{ csr_analytics.normalize_email(expr) }}
    end)
{%- endmacro %}
