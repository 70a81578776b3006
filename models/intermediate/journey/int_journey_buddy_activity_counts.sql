{#-
    Per person, what they did in Buddy besides their matches (domain.md §6): formal
    events attended, informal events logged on their matches (an informal event on an
    unknown match counts for no one), skill sessions taught or learned, milestones reached.
-#}
with events as (
    select * from {{ ref('int_buddy_events_reconciled') }}
),

event_attendance as (
    select * from {{ ref('int_buddy_event_attendance_reconciled') }}
),

skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
),

milestones as (
    select * from {{ ref('int_buddy_milestones_reconciled') }}
),

formal_events as (
    select
        user_id as csr_user_id,
        count(distinct event_id) as formal_events_count
    from event_attendance
    where user_id is not null
    group by user_id
),

informal_event_people as (
    select
        event_id,
        participant_user_id as csr_user_id
    from events
    where participant_user_id is not null
    union all
    select
        event_id,
        buddy_user_id as csr_user_id
    from events
    where buddy_user_id is not null
),

informal_events as (
    select
        csr_user_id,
        count(distinct event_id) as informal_events_count
    from informal_event_people
    group by csr_user_id
),

skill_session_people as (
    select
        session_id,
        teacher_user_id as csr_user_id
    from skill_sessions
    where teacher_user_id is not null
    union all
    select
        session_id,
        learner_user_id as csr_user_id
    from skill_sessions
    where learner_user_id is not null
),

skill_session_counts as (
    select
        csr_user_id,
        count(distinct session_id) as skill_sessions_count
    from skill_session_people
    group by csr_user_id
),

milestone_counts as (
    select
        user_id as csr_user_id,
        count(*) as milestones_count
    from milestones
    where user_id is not null
    group by user_id
),

people as (
    select csr_user_id from formal_events
    union
    select csr_user_id from informal_events
    union
    select csr_user_id from skill_session_counts
    union
    select csr_user_id from milestone_counts
),

final as (
    select
        people.csr_user_id,
        coalesce(formal_events.formal_events_count, 0)
        + coalesce(informal_events.informal_events_count, 0) as events_count,
        coalesce(skill_session_counts.skill_sessions_count, 0) as skill_sessions_count,
        coalesce(milestone_counts.milestones_count, 0) as milestones_count
    from people
    left join formal_events
        on people.csr_user_id = formal_events.csr_user_id
    left join informal_events
        on people.csr_user_id = informal_events.csr_user_id
    left join skill_session_counts
        on people.csr_user_id = skill_session_counts.csr_user_id
    left join milestone_counts
        on people.csr_user_id = milestone_counts.csr_user_id
)

select * from final
