{#-
    The published tracked-metric columns (domain.md §8), one per metric and named after
    it, from the aggregates of program_metric_aggregates() in relation `totals` and the
    flags of program_metric_tracking_flags() in relation `tracking`: counts as integer
    (0 when none), hours as numeric(18, 2) (0 when none), means as numeric(10, 4) (null
    when nothing to average); null when the program does not track the metric.
    Comma-separated, no trailing comma.
-#}
{% macro program_metric_values(totals, tracking) -%}
    {%- for metric, kind in csr_analytics.program_activity_metrics() %}
    case
        when coalesce({{ tracking }}.tracks_{{ metric }}, false)
        {%- if kind == 'count' %}
            then cast(coalesce({{ totals }}.{{ metric }}, 0) as integer)
        {%- elif kind == 'hours' %}
            then cast(round(coalesce({{ totals }}.{{ metric }}, 0), 2) as numeric(18, 2))
        {%- else %}
            then cast(round({{ totals }}.{{ metric }}, 4) as numeric(10, 4))
        {%- endif %}
    end as {{ metric }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}
