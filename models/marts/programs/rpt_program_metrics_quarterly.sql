{#-
    The tracked activity metrics of domain.md §8 per program, company and calendar
    quarter, up to as_of_date: one row per combination with at least one activity.
    company_id is the company the activity is credited to on the day it happened (see
    int_program_metric_activities; null = no company). A metric the program does not
    track (seeds/program_metrics) is null.
-#}
with tracked_metrics as (
    select * from {{ ref('program_metrics') }}
),

activities as (
    select * from {{ ref('int_program_metric_activities') }}
),

quarterly_activities as (
    select
        activities.*,
        {{ csr_analytics.quarter_start('occurred_at') }} as quarter_start
    from activities
),

activity_totals as (
    select
        program_type,
        company_id,
        quarter_start,
        {{ csr_analytics.program_metric_aggregates() }}
    from quarterly_activities
    group by
        program_type,
        company_id,
        quarter_start
),

tracking as (
    select
        program_type,
        {{ csr_analytics.program_metric_tracking_flags() }}
    from tracked_metrics
    group by program_type
),

final as (
    select
        activity_totals.program_type,
        activity_totals.company_id,
        activity_totals.quarter_start,
        {{ csr_analytics.as_of_date() }} as as_of_date,
        {{ csr_analytics.program_metric_values('activity_totals', 'tracking') }}
    from activity_totals
    left join tracking
        on activity_totals.program_type = tracking.program_type
)

select * from final
