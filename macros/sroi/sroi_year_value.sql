{#-
    The value of an outcome in year t of its duration: impact x (1 - drop_off) ^ (t - 1)
    (sroi.md §4). Year 1 is the impact itself.
-#}
{% macro sroi_year_value(impact, drop_off, year_number) -%}
    cast(
        cast({{ impact }} as numeric(38, 12))
        * cast(
            {{ csr_analytics.power_numeric(
                '1 - (' ~ drop_off ~ ')', '(' ~ year_number ~ ') - 1'
            ) }}
            as numeric(18, 12)
        )
        as numeric(38, 12)
    )
{%- endmacro %}
