{#- Text -> numeric(precision, scale), or null unless the text is a plain decimal number
    with '.' as the separator ('4,5', '1e3' and '' are rejected on every engine). -#}
{% macro safe_cast_numeric(expr, precision=18, scale=6) -%}
    (case
        when {{ csr_analytics.regex_match(expr, '^-?([0-9]{1,12}([.][0-9]*)?|[.][0-9]+)$') }}
            then cast({{ expr }} as numeric({{ precision }}, {{ scale }}))
    end)
{%- endmacro %}
