{#-
    Enrollments (domain.md §5): one row per person and program, with the person's role,
    enrolled_at, last_activity_at and the status at as_of_date - the as_of_date of
    int_program_enrollment_history, where the five status rules are written out once.
-#}
with enrollment_history as (
    select * from {{ ref('int_program_enrollment_history') }}
    where status_date = {{ csr_analytics.as_of_date() }}
),

final as (
    select
        enrollment_id,
        csr_user_id,
        program_type,
        role,
        csr_role,
        enrolled_at,
        status,
        status_reason,
        status_rule,
        completed_at,
        last_activity_at,
        spells_count,
        open_spells_count
    from enrollment_history
)

select * from final
