{#-
    One boolean column tracks_<metric> per tracked metric (program_activity_metrics()),
    over rows of seeds/program_metrics (program_type, metric) grouped by program_type:
    true when the program tracks the metric. Comma-separated, no trailing comma.
-#}
{% macro program_metric_tracking_flags() -%}
    {%- for metric, kind in csr_analytics.program_activity_metrics() %}
    max(case when metric = '{{ metric }}' then 1 else 0 end) = 1
        as tracks_{{ metric }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}
