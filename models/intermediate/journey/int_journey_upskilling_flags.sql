{#-
    The upskilling keys of the journey flags (domain.md §6), one row per person with an
    upskilling enrollment: learner role, joined_at (enrolled_at as a date) and the number
    of courses whose current state is completed.
-#}
with enrollments as (
    select * from {{ ref('int_program_enrollments') }}
    where program_type = 'upskilling'
),

program_roles as (
    select * from {{ ref('int_journey_program_roles') }}
    where program_type = 'upskilling'
),

course_records as (
    select * from {{ ref('int_course_records') }}
),

completed_courses as (
    select
        csr_user_id,
        count(*) as courses_completed
    from course_records
    where
        is_current
        and status = 'completed'
    group by csr_user_id
),

final as (
    select
        enrollments.csr_user_id,
        coalesce(program_roles.holds_beneficiary_role, false) as is_upskilling_learner,
        cast(enrollments.enrolled_at as date) as upskilling_joined_at,
        cast(coalesce(completed_courses.courses_completed, 0) as integer)
            as upskilling_courses_completed,
        enrollments.status as upskilling_status
    from enrollments
    left join program_roles
        on enrollments.csr_user_id = program_roles.csr_user_id
    left join completed_courses
        on enrollments.csr_user_id = completed_courses.csr_user_id
)

select * from final
