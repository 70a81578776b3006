{#-
    The aggregate of one tracked metric over rows of int_program_metric_activities
    (program_type, metric, metric_value): a sum for counts and hours, the mean of the
    values for means (null when there are none).
-#}
{% macro program_metric_aggregate(metric, kind) -%}
    {%- set value = "case when metric = '" ~ metric ~ "' then metric_value end" -%}
    {%- if kind == 'mean' -%}
    {{ csr_analytics.safe_divide('sum(' ~ value ~ ')', 'count(' ~ value ~ ')') }}
    {%- else -%}
    sum({{ value }})
    {%- endif -%}
{%- endmacro %}
