{#-
    The aggregate columns of the tracked metrics (program_activity_metrics()), one per
    metric and named after it, over rows of int_program_metric_activities (metric,
    metric_value) grouped by a report's grain: a sum for counts and hours, the mean of
    the values for means (null when there are none). Comma-separated, no trailing comma.
-#}
{% macro program_metric_aggregates() -%}
    {%- for metric, kind in csr_analytics.program_activity_metrics() %}
        {%- set value = "case when metric = '" ~ metric ~ "' then metric_value end" %}
        {%- if kind == 'mean' %}
    {{ csr_analytics.safe_divide('sum(' ~ value ~ ')', 'count(' ~ value ~ ')') }}
        as {{ metric }}{{ "," if not loop.last }}
        {%- else %}
    sum({{ value }}) as {{ metric }}{{ "," if not loop.last }}
        {%- endif %}
    {%- endfor %}
{%- endmacro %}
