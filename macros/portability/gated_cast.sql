{#-
    A cast of a value that a regex gate has already proven castable, written inside the
    gate's `case when`. PostgreSQL evaluates a case branch only for the rows that reach
    it; DuckDB may compute an expression for every row before it selects (common
    subexpressions), so there the cast is a try_cast and can never stop a build. Both
    give the same value for every row the gate lets through.
-#}
{% macro gated_cast(expr, data_type='integer') -%}
    {{ return(adapter.dispatch('gated_cast', 'csr_analytics')(expr, data_type)) }}
{%- endmacro %}

{% macro default__gated_cast(expr, data_type) -%}
    cast({{ expr }} as {{ data_type }})
{%- endmacro %}

{% macro duckdb__gated_cast(expr, data_type) -%}
    try_cast({{ expr }} as {{ data_type }})
{%- endmacro %}
