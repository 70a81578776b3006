{#-
    One row per upskilling course record — the course's status history: each status a
    provider recorded (enrolled, in_progress, completed, dropped) at its updated_at, with
    is_current on the latest record of the course (the course's state), the learner, and
    the learner's company on that day. Course names stay in staging.
-#}
with course_records as (
    select * from {{ ref('int_course_records') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

final as (
    select
        course_records.spell_id,
        course_records.csr_user_id,
        course_records.provider,
        course_records.course_id,
        course_records.updated_at,
        memberships.company_id,
        course_records.status,
        course_records.progress_percent,
        course_records.started_at,
        course_records.completed_at,
        course_records.final_score,
        course_records.is_current
    from course_records
    left join memberships
        on {{ csr_analytics.company_on_day(
            'memberships', 'course_records.csr_user_id', 'course_records.updated_at'
        ) }}
)

select * from final
