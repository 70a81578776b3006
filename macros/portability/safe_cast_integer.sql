{#- Text -> integer, or null unless the text is a plain decimal integer (no sign but '-',
    no decimals, at most 9 digits). DuckDB's try_cast would round '1.5'; the gate stops it. -#}
{% macro safe_cast_integer(expr) -%}
    (case
        when {{ csr_analytics.regex_match(expr, '^-?[0-9]{1,9}$') }}
            then cast({{ expr }} as integer)
    end)
{%- endmacro %}
