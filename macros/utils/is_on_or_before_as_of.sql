{#- The as_of_date cut-off: the UTC date of the business timestamp is <= as_of_date. -#}
{% macro is_on_or_before_as_of(expr) -%}
    (cast({{ expr }} as date) <= {{ csr_analytics.as_of_date() }})
{%- endmacro %}
