{#-
    What looks like an email address anywhere in a text (the same on PostgreSQL AREs and
    DuckDB's RE2): used to redact data-quality output and to scan the published schemas.
-#}
{% macro email_pattern() -%}
    [A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}
{%- endmacro %}
