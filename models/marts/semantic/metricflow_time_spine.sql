{#-
    The day time spine MetricFlow joins metrics to (one row per day, 2015-01-01 up to
    2039-12-31), built with dbt's own date_spine macro so that it is the same on every
    engine.
-#}

with

days as (
    {{ dbt.date_spine(
        datepart='day',
        start_date="cast('2015-01-01' as date)",
        end_date="cast('2040-01-01' as date)"
    ) }}
),

final as (
    select cast(date_day as date) as date_day
    from days
)

select * from final
