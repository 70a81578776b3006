{#- A day within a period of `relation` (its valid_from and valid_to, both inclusive; null
    = open at that end): the rule of the exchange-rate periods (int_sroi_fx_rates) and of
    the employee hour costs. -#}
{% macro is_within_period(relation, day) -%}
    (
        {{ relation }}.valid_from is null
        or {{ day }} >= {{ relation }}.valid_from
    )
    and (
        {{ relation }}.valid_to is null
        or {{ day }} <= {{ relation }}.valid_to
    )
{%- endmacro %}
