{#- A JSON object from a list of (key, sql expression) pairs; null values stay as JSON null.
    The result is of the engine's JSON type (jsonb on PostgreSQL, json on DuckDB). -#}
{% macro json_build_object(pairs) -%}
    {{ return(adapter.dispatch('json_build_object', 'csr_analytics')(pairs)) }}
{%- endmacro %}

{% macro postgres__json_build_object(pairs) -%}
    jsonb_build_object(
        {%- for key, value in pairs %}
        '{{ key }}', {{ value }}{{ "," if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}

{% macro duckdb__json_build_object(pairs) -%}
    json_object(
        {%- for key, value in pairs %}
        '{{ key }}', {{ value }}{{ "," if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}
