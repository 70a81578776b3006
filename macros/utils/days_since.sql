{#- "Days since X": as_of_date - date(X) in whole days, or the evaluation date `as_of` (a
    SQL date expression) - date(X) when one is given. -#}
{% macro days_since(expr, as_of=none) -%}
    {{ csr_analytics.date_diff_days(
        expr, as_of if as_of is not none else csr_analytics.as_of_date()
    ) }}
{%- endmacro %}
