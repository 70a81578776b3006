{#- An email as compared and keyed everywhere (domain.md §1): white space at either end
    removed (whitespace.sql, zero-width characters included), ASCII letters lower-cased
    (ascii_lower: the same on every engine); empty -> null. Nothing fancier. -#}
{% macro normalize_email(expr) -%}
    nullif({{ csr_analytics.ascii_lower(csr_analytics.trim_whitespace(expr)) }}, '')
{%- endmacro %}
