{#- A Jinja string as a SQL string literal (single quotes doubled). -#}
{% macro sql_text(value) -%}
    '{{ value | string | replace("'", "''") }}'
{%- endmacro %}
