{#-
    The tracked activity metrics of domain.md §8, in report order, each with how it
    aggregates the metric_value of int_program_metric_activities: count (a whole number
    of activities), hours (a sum, 2 decimals) or mean (4 decimals; null when there is
    nothing to average). Which program tracks which metric is data: seeds/program_metrics.
-#}
{% macro program_activity_metrics() -%}
    {{ return([
        ('match_count', 'count'),
        ('events_attended', 'count'),
        ('checkins_completed', 'count'),
        ('skills_shared', 'count'),
        ('milestones_reached', 'count'),
        ('sessions_held', 'count'),
        ('volunteer_hours', 'hours'),
        ('mean_rating', 'mean'),
        ('courses_started', 'count'),
        ('courses_completed', 'count'),
        ('credentials_issued', 'count'),
    ]) }}
{%- endmacro %}
