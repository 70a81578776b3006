{#- A date (or the UTC date of a timestamp) as 'YYYY-MM-DD' text; null stays null. -#}
{% macro iso_date_text(expr) -%}
    {{ return(adapter.dispatch('iso_date_text', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro postgres__iso_date_text(expr) -%}
    to_char(cast({{ expr }} as date), 'YYYY-MM-DD')
{%- endmacro %}

{% macro duckdb__iso_date_text(expr) -%}
    strftime(cast({{ expr }} as date), '%Y-%m-%d')
{%- endmacro %}
