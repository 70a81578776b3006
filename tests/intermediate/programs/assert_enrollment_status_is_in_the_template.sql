{#- Every enrollment's status is one of the states its program's template lists. -#}
with enrollments as (
    select * from {{ ref('int_program_enrollments') }}
),

enrollment_states as (
    select * from {{ ref('program_enrollment_states') }}
),

final as (
    select
        enrollments.enrollment_id,
        enrollments.program_type,
        enrollments.status
    from enrollments
    left join enrollment_states
        on enrollments.program_type = enrollment_states.program_type
            and enrollments.status = enrollment_states.status
    where enrollment_states.program_type is null
)

select * from final
