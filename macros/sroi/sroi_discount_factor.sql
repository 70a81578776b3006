{#-
    The factor that discounts a value of year t to the present: 1 / (1 + rate) ^ t, as
    numeric(18, 12) (sroi.md §4; the rate is the discount_rate variable, 0.035 by default).
    present value = sum over t = 1 ... duration of sroi_year_value x sroi_discount_factor.
-#}
{% macro sroi_discount_factor(year_number, discount_rate=none) -%}
    {%- set rate = discount_rate if discount_rate is not none else var('discount_rate') -%}
    cast(
        {{ csr_analytics.safe_divide(
            '1',
            csr_analytics.power_numeric(
                '1 + cast(' ~ rate ~ ' as numeric(18, 12))', year_number
            )
        ) }}
        as numeric(18, 12)
    )
{%- endmacro %}
