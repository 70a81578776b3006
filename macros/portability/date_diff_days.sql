{#- Whole days from the UTC date of start to the UTC date of finish (finish - start). -#}
{% macro date_diff_days(start, finish) -%}
    {{ return(adapter.dispatch('date_diff_days', 'csr_analytics')(start, finish)) }}
{%- endmacro %}

{% macro postgres__date_diff_days(start, finish) -%}
    (cast({{ finish }} as date) - cast({{ start }} as date))
{%- endmacro %}

{% macro duckdb__date_diff_days(start, finish) -%}
    date_diff('day', cast({{ start }} as date), cast({{ finish }} as date))
{%- endmacro %}
