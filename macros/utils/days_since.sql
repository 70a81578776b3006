{#- "Days since X": as_of_date - date(X) in whole days. -#}
{% macro days_since(expr) -%}
    {{ csr_analytics.date_diff_days(expr, csr_analytics.as_of_date()) }}
{%- endmacro %}
