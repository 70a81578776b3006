{#- A text expression that sorts in binary (byte) order, whatever the database collation:
    used where the order of strings decides a result (tie-breaks). -#}
{% macro binary_order(expr) -%}
    {{ return(adapter.dispatch('binary_order', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro default__binary_order(expr) -%}
    {{ expr }}
{%- endmacro %}

{% macro postgres__binary_order(expr) -%}
    ({{ expr }} collate "C")
{%- endmacro %}

{% macro duckdb__binary_order(expr) -%}
    {#- DuckDB compares strings byte by byte unless a collation is asked for -#}
    {{ expr }}
{%- endmacro %}
