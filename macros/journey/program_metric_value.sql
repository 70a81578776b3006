{#-
    A tracked metric's published value (domain.md §8): its aggregate, typed by kind
    (count: integer, 0 when none; hours: numeric(18, 2), 0 when none; mean:
    numeric(10, 4), null when nothing to average), or null when the program does not
    track the metric (tracked_expr false).
-#}
{% macro program_metric_value(aggregate_expr, kind, tracked_expr) -%}
    case
        when {{ tracked_expr }}
        {%- if kind == 'count' %}
            then cast(coalesce({{ aggregate_expr }}, 0) as integer)
        {%- elif kind == 'hours' %}
            then cast(round(coalesce({{ aggregate_expr }}, 0), 2) as numeric(18, 2))
        {%- else %}
            then cast(round({{ aggregate_expr }}, 4) as numeric(10, 4))
        {%- endif %}
    end
{%- endmacro %}
