{#- The person of an email (domain.md §1): the UUID of the normalised email. Staging has
    normalised emails already; normalising again is harmless and keeps the rule whole. -#}
{% macro csr_user_id(email_expr) -%}
    {{ csr_analytics.uuid_from_text(csr_analytics.normalize_email(email_expr)) }}
{%- endmacro %}
