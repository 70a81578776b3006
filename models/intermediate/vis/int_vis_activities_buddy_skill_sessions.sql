{#- Buddy skill sessions, credited to each side that is a buddy (teacher, learner or
    both); the participant is the other side when that side is a beneficiary. -#}
with skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
    where {{ csr_analytics.is_on_or_before_as_of('completed_at') }}
),

taught as (
    select
        'buddy_skill_session:' || session_id as activity_key,
        'buddy_skill_session' as activity_source,
        'skill_session' as activity_type,
        'buddy' as program_type,
        teacher_user_id as volunteer_user_id,
        case
            when learner_account_role = 'participant' then learner_user_id
        end as participant_user_id,
        completed_at as occurred_at,
        skill_category as source_value,
        duration_minutes
    from skill_sessions
    where teacher_account_role = 'buddy'
),

learned as (
    select
        'buddy_skill_session:' || session_id as activity_key,
        'buddy_skill_session' as activity_source,
        'skill_session' as activity_type,
        'buddy' as program_type,
        learner_user_id as volunteer_user_id,
        case
            when teacher_account_role = 'participant' then teacher_user_id
        end as participant_user_id,
        completed_at as occurred_at,
        skill_category as source_value,
        duration_minutes
    from skill_sessions
    where learner_account_role = 'buddy'
),

final as (
    select * from taught
    union all
    select * from learned
)

select * from final
