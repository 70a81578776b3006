{#-
    Enrollment status history: every enrollment's status, status_reason and rule at
    every month end from its start up to as_of_date, and at as_of_date itself - the
    same five rules as fct_program_enrollments, evaluated on each date from what a build
    with that as_of_date sees (int_program_enrollment_history). Backfilled in one build;
    a date on which the enrollment did not exist yet has no row.
-#}
with enrollment_history as (
    select * from {{ ref('int_program_enrollment_history') }}
),

status_dates as (
    select * from {{ ref('int_status_dates') }}
),

final as (
    select
        enrollment_history.enrollment_id,
        enrollment_history.status_date,
        status_dates.is_month_end,
        status_dates.is_as_of_date,
        enrollment_history.csr_user_id,
        enrollment_history.program_type,
        enrollment_history.role,
        enrollment_history.csr_role,
        enrollment_history.enrolled_at,
        enrollment_history.status,
        enrollment_history.status_reason,
        enrollment_history.status_rule,
        enrollment_history.completed_at,
        enrollment_history.last_activity_at,
        enrollment_history.spells_count,
        enrollment_history.open_spells_count
    from enrollment_history
    inner join status_dates
        on enrollment_history.status_date = status_dates.status_date
)

select * from final
