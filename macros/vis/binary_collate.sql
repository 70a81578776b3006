{#- A text expression compared byte by byte, for tie-breaks where order decides a result
    (PostgreSQL sorts text by the database's locale; DuckDB already sorts binary). -#}
{% macro binary_collate(expr) -%}
    {{ return(adapter.dispatch('binary_collate', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro default__binary_collate(expr) -%}
    {{ expr }}
{%- endmacro %}

{% macro postgres__binary_collate(expr) -%}
    ({{ expr }} collate "C")
{%- endmacro %}
