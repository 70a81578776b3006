{#- Failure (or warning) codes joined by ', '; null when there is none. -#}
{% macro code_list(codes) -%}
    nullif(concat_ws(', '
        {%- for code in codes %},
        {{ code }}
        {%- endfor %}
    ), '')
{%- endmacro %}
