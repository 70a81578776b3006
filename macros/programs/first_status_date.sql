{#-
    The status history's dates (int_status_dates) are every month end before as_of_date,
    and as_of_date. A thing dated `expr` (on or before as_of_date) is first seen on the
    first of them on or after its date: its month's end, or as_of_date in as_of_date's
    month.
-#}
{% macro first_status_date(expr) -%}
    case
        when {{ csr_analytics.month_end(expr) }} < {{ csr_analytics.as_of_date() }}
            then {{ csr_analytics.month_end(expr) }}
        else {{ csr_analytics.as_of_date() }}
    end
{%- endmacro %}
