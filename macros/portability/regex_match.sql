{#- True when the text expression matches the (POSIX/RE2-compatible) pattern. -#}
{% macro regex_match(expr, pattern) -%}
    {{ return(adapter.dispatch('regex_match', 'csr_analytics')(expr, pattern)) }}
{%- endmacro %}

{% macro default__regex_match(expr, pattern) -%}
    regexp_like({{ expr }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__regex_match(expr, pattern) -%}
    ({{ expr }} ~ '{{ pattern }}')
{%- endmacro %}

{% macro duckdb__regex_match(expr, pattern) -%}
    regexp_full_match({{ expr }}, '{{ pattern }}')
{%- endmacro %}
