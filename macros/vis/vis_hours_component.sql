{#-
    H, the hours component of the VIS (vis.md §2), from weighted hours h:
    100 × min(1, ln(1 + h) / ln(1 + hours_cap)), in numeric(18, 6). `ln` returns a double
    on DuckDB: each logarithm is cast back to numeric(18, 6) before they are combined.
-#}
{% macro vis_hours_component(weighted_hours) -%}
    cast(100 * least(
        cast(1 as numeric(18, 6)),
        {{ csr_analytics.safe_divide(
            csr_analytics.vis_ln_numeric('1 + ' ~ weighted_hours),
            csr_analytics.vis_ln_numeric('1 + ' ~ var('hours_cap'))
        ) }}
    ) as numeric(18, 6))
{%- endmacro %}
