{#- Text -> itself when it is one of the values (case-sensitive), else null. -#}
{% macro parse_enum(expr, values, case_insensitive=false) -%}
    {%- if case_insensitive -%}
    (case when lower({{ expr }}) in ({% for v in values %}'{{ v | lower }}'{{ ", " if not loop.last }}{% endfor %}) then lower({{ expr }}) end)
    {%- else -%}
    (case when {{ expr }} in ({% for v in values %}'{{ v }}'{{ ", " if not loop.last }}{% endfor %}) then {{ expr }} end)
    {%- endif -%}
{%- endmacro %}
