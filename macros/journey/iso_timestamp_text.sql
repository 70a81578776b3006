{#- A UTC timestamp (no time zone) as 'YYYY-MM-DDTHH:MM:SSZ' text, to the whole second
    (fractions are cut, not rounded); null stays null. -#}
{% macro iso_timestamp_text(expr) -%}
    {{ return(adapter.dispatch('iso_timestamp_text', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro postgres__iso_timestamp_text(expr) -%}
    to_char(cast({{ expr }} as timestamp), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
{%- endmacro %}

{% macro duckdb__iso_timestamp_text(expr) -%}
    strftime(cast({{ expr }} as timestamp), '%Y-%m-%dT%H:%M:%SZ')
{%- endmacro %}
