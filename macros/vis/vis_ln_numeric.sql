{#- ln(x) as numeric(18, 6) on every engine (DuckDB's ln returns a double). -#}
{% macro vis_ln_numeric(expr) -%}
    cast(ln(cast({{ expr }} as numeric(18, 6))) as numeric(18, 6))
{%- endmacro %}
