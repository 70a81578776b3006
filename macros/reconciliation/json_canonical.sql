{#- JSON text in one canonical spelling per engine (parsed, re-serialised), so that two
    spellings of the same array compare equal; null stays null. -#}
{% macro json_canonical(expr) -%}
    {{ return(adapter.dispatch('json_canonical', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro postgres__json_canonical(expr) -%}
    cast(cast({{ expr }} as jsonb) as text)
{%- endmacro %}

{% macro duckdb__json_canonical(expr) -%}
    cast(json({{ expr }}) as varchar)
{%- endmacro %}
