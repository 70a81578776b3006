{#-
    The cross-program keys of the journey flags (domain.md §6), one row per person
    (every person, enrolled or not): programs with an enrollment of any status, active
    ones, the latest activity in any program, and followup_needed: an active enrollment
    and no activity in any program for at least followup_days days (no activity at all
    counts).
-#}
with people as (
    select * from {{ ref('int_people') }}
),

enrollments as (
    select * from {{ ref('int_program_enrollments') }}
),

enrollment_summary as (
    select
        csr_user_id,
        count(*) as programs_count,
        sum(case when status = 'active' then 1 else 0 end) as active_programs_count,
        max(last_activity_at) as last_activity_at
    from enrollments
    group by csr_user_id
),

final as (
    select
        people.csr_user_id,
        cast(coalesce(enrollment_summary.programs_count, 0) as integer) as programs_count,
        cast(coalesce(enrollment_summary.active_programs_count, 0) as integer)
            as active_programs_count,
        enrollment_summary.last_activity_at,
        (
            coalesce(enrollment_summary.active_programs_count, 0) > 0
            and coalesce(
                {{ csr_analytics.days_since('enrollment_summary.last_activity_at') }}
                >= {{ var('followup_days') }},
                true
            )
        ) as followup_needed
    from people
    left join enrollment_summary
        on people.csr_user_id = enrollment_summary.csr_user_id
)

select * from final
