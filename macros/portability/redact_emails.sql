{#- The text expression with every email-looking part replaced by '[email]'. -#}
{% macro redact_emails(expr) -%}
    {{ return(adapter.dispatch('redact_emails', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro default__redact_emails(expr) -%}
    regexp_replace({{ expr }}, '{{ csr_analytics.email_pattern() }}', '[email]', 'g')
{%- endmacro %}
