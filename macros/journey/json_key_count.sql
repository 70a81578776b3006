{#- The number of top-level keys of a JSON object. -#}
{% macro json_key_count(json_expr) -%}
    {{ return(adapter.dispatch('json_key_count', 'csr_analytics')(json_expr)) }}
{%- endmacro %}

{% macro postgres__json_key_count(json_expr) -%}
    (select count(*) from jsonb_object_keys(cast({{ json_expr }} as jsonb)))
{%- endmacro %}

{% macro duckdb__json_key_count(json_expr) -%}
    len(json_keys(cast({{ json_expr }} as json)))
{%- endmacro %}
