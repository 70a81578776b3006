{#-
    Program metrics at as_of_date (domain.md §8): one row per program type, always all of
    them (seeds/program_types). Enrollment counts from int_program_enrollments;
    completion_rate = completed / total (null when there are none). The tracked metrics
    (seeds/program_metrics says which program tracks which) count every activity up to
    as_of_date; a metric a program does not track is null.
-#}
with program_types as (
    select * from {{ ref('program_types') }}
),

tracked_metrics as (
    select * from {{ ref('program_metrics') }}
),

enrollments as (
    select * from {{ ref('int_program_enrollments') }}
),

activities as (
    select * from {{ ref('int_program_metric_activities') }}
),

enrollment_counts as (
    select
        program_type,
        count(distinct case when status = 'active' then csr_user_id end)
            as participants_active,
        count(*) as enrollments_total,
        sum(case when status = 'active' then 1 else 0 end) as enrollments_active,
        sum(case when status = 'completed' then 1 else 0 end) as enrollments_completed,
        sum(case when status = 'dropped' then 1 else 0 end) as enrollments_dropped
    from enrollments
    group by program_type
),

activity_totals as (
    select
        program_type,
        {{ csr_analytics.program_metric_aggregates() }}
    from activities
    group by program_type
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
        program_types.program_type,
        {{ csr_analytics.as_of_date() }} as as_of_date,
        cast(coalesce(enrollment_counts.participants_active, 0) as integer)
            as participants_active,
        cast(coalesce(enrollment_counts.enrollments_total, 0) as integer)
            as enrollments_total,
        cast(coalesce(enrollment_counts.enrollments_active, 0) as integer)
            as enrollments_active,
        cast(coalesce(enrollment_counts.enrollments_completed, 0) as integer)
            as enrollments_completed,
        cast(coalesce(enrollment_counts.enrollments_dropped, 0) as integer)
            as enrollments_dropped,
        cast(
            round({{ csr_analytics.safe_divide(
                'enrollment_counts.enrollments_completed',
                'enrollment_counts.enrollments_total'
            ) }}, 4)
            as numeric(10, 4)
        ) as completion_rate,
        {{ csr_analytics.program_metric_values('activity_totals', 'tracking') }}
    from program_types
    left join enrollment_counts
        on program_types.program_type = enrollment_counts.program_type
    left join activity_totals
        on program_types.program_type = activity_totals.program_type
    left join tracking
        on program_types.program_type = tracking.program_type
)

select * from final
