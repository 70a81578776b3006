{#- numerator / denominator as numeric(38, 12); null when the denominator is 0 or null. -#}
{% macro safe_divide(numerator, denominator) -%}
    cast(
        cast({{ numerator }} as numeric(38, 12))
        / nullif(cast({{ denominator }} as numeric(38, 12)), 0)
        as numeric(38, 12)
    )
{%- endmacro %}
