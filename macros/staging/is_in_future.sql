{#- An export row's business timestamp more than future_tolerance_hours after its file's
    export date (no check for webhooks or files without an export date). -#}
{% macro is_in_future(ts_expr) -%}
    (_feed = 'export' and _observed_at is not null and {{ ts_expr }} > {{ dbt.dateadd('hour', var('future_tolerance_hours'), '_observed_at') }})
{%- endmacro %}
