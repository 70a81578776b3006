{#-
    What ties a participant to a volunteer in a program (vis.md §2): each spell on the
    volunteer side (a Buddy match as the buddy, a Kintell pair as tutor or mentor) with
    its beneficiary, and each Buddy skill session the volunteer taught to a beneficiary.
-#}
with spells as (
    select * from {{ ref('int_participation_spells') }}
),

skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
),

program_vis_components as (
    select * from {{ ref('program_vis_components') }}
),

vis_programs as (
    select distinct program_type
    from program_vis_components
),

volunteer_spells as (
    select
        spells.program_type,
        spells.csr_user_id as volunteer_user_id,
        spells.counterpart_user_id as participant_user_id,
        'spell:' || spells.spell_id as relation_key,
        'spell' as relation_type,
        spells.started_at,
        spells.ended_at,
        spells.is_open
    from spells
    inner join vis_programs
        on spells.program_type = vis_programs.program_type
    where
        spells.csr_role = 'volunteer'
        and spells.counterpart_user_id is not null
        and {{ csr_analytics.is_on_or_before_as_of('spells.started_at') }}
),

taught_skill_sessions as (
    select
        'buddy' as program_type,
        teacher_user_id as volunteer_user_id,
        learner_user_id as participant_user_id,
        'buddy_skill_session:' || session_id as relation_key,
        'skill_session' as relation_type,
        completed_at as started_at,
        completed_at as ended_at,
        false as is_open
    from skill_sessions
    where
        teacher_account_role = 'buddy'
        and learner_account_role = 'participant'
        and {{ csr_analytics.is_on_or_before_as_of('completed_at') }}
),

final as (
    select * from volunteer_spells
    union all
    select * from taught_skill_sessions
)

select * from final
