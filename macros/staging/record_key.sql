{#- The natural key as text: each column's typed value (else its cleaned text), '|'-joined. -#}
{% macro record_key(columns) -%}
    {%- for column in columns -%}
    coalesce(cast({{ column }} as text), {{ column }}__text, '')
    {{- "\n        || '|' || " if not loop.last -}}
    {%- endfor -%}
{%- endmacro %}
