with enrollments as (
    select * from {{ ref('int_program_enrollments') }}
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
        open_spells_count,
        {{ csr_analytics.as_of_date() }} as as_of_date
    from enrollments
)

select * from final
