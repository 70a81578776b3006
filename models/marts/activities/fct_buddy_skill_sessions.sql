{#-
    One row per Buddy skill-share session: teacher and learner (people and their account
    roles), the skill's id and category, when, for how long, the ratings each side gave
    (0-1), the learner's progress, and the teacher's company on that day (the teaching
    side volunteers). Skill names and comments stay in staging.
-#}
with skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

final as (
    select
        skill_sessions.session_id,
        skill_sessions.match_id,
        skill_sessions.teacher_user_id,
        skill_sessions.learner_user_id,
        skill_sessions.teacher_account_role,
        skill_sessions.learner_account_role,
        memberships.company_id,
        skill_sessions.skill_id,
        skill_sessions.skill_category,
        skill_sessions.completed_at,
        skill_sessions.duration_minutes,
        skill_sessions.proficiency_level,
        skill_sessions.teacher_rating,
        skill_sessions.learner_rating,
        skill_sessions.learner_progress,
        skill_sessions.valuation_points,
        skill_sessions.in_export,
        skill_sessions.in_webhooks
    from skill_sessions
    left join memberships
        on {{ csr_analytics.company_on_day(
            'memberships', 'skill_sessions.teacher_user_id', 'skill_sessions.completed_at'
        ) }}
)

select * from final
