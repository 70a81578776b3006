{#- True when the text expression contains something that looks like an email address. -#}
{% macro contains_email(expr) -%}
    {{ return(adapter.dispatch('contains_email', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro default__contains_email(expr) -%}
    regexp_like({{ expr }}, '{{ csr_analytics.email_pattern() }}')
{%- endmacro %}

{% macro postgres__contains_email(expr) -%}
    ({{ expr }} ~ '{{ csr_analytics.email_pattern() }}')
{%- endmacro %}

{% macro duckdb__contains_email(expr) -%}
    regexp_matches({{ expr }}, '{{ csr_analytics.email_pattern() }}')
{%- endmacro %}
