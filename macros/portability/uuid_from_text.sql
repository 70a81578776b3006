{#- Deterministic UUID (8-4-4-4-12) from the md5 of a text; same on every engine. -#}
{% macro uuid_from_text(expr) -%}
    {%- set h = 'md5(' ~ expr ~ ')' -%}
    (substr({{ h }}, 1, 8) || '-' || substr({{ h }}, 9, 4) || '-' || substr({{ h }}, 13, 4)
        || '-' || substr({{ h }}, 17, 4) || '-' || substr({{ h }}, 21, 12))
{%- endmacro %}
