{#- ln(x) as numeric(18, 6), computed in double precision on every engine (DuckDB's ln
    is a double anyway; PostgreSQL's numeric ln is far slower) and cast back. -#}
{% macro vis_ln_numeric(expr) -%}
    cast(ln(cast({{ expr }} as double precision)) as numeric(18, 6))
{%- endmacro %}
