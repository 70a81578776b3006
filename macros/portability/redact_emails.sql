{#- The text with every email address in it (email_pattern) replaced by '[email]'. -#}
{% macro redact_emails(expr) -%}
    regexp_replace({{ expr }}, '{{ csr_analytics.email_pattern() }}', '[email]', 'g')
{%- endmacro %}

{#- A record key (its parts '|'-joined, record_key.sql) with every email in a part
    replaced by '[email]'. A '|' may stand inside an email's local part, so the parts are
    fenced with a control character (which no email holds) while the emails are replaced:
    the key's other parts stay readable. -#}
{% macro redact_record_key(expr) -%}
    replace(
        {{ csr_analytics.redact_emails("replace(" ~ expr ~ ", '|', chr(1) || '|' || chr(1))") }},
        chr(1) || '|' || chr(1),
        '|'
    )
{%- endmacro %}
