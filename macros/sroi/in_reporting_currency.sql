{#- An amount converted into the reporting currency at `rate` (reporting currency per unit,
    int_sroi_fx_rates), at full precision: what investments and hour costs are worth. -#}
{% macro in_reporting_currency(amount, rate) -%}
    cast(
        cast({{ amount }} as numeric(38, 2))
        * cast({{ rate }} as numeric(38, 6))
        as numeric(38, 12)
    )
{%- endmacro %}
