{#-
    The Buddy activities behind the tracked metrics of domain.md §8 (match_count,
    events_attended, checkins_completed, skills_shared, milestones_reached), long-form:
    one row per metric and activity, at its business timestamp, with the value it adds
    (1) and the person it is credited to — the person on the volunteering side: the
    match's buddy for matches, informal events and check-ins, the teacher for skill
    sessions; the person themselves for formal events attended and milestones. Null for
    an informal event or check-in whose match is unknown. int_program_metric_activities
    adds the other programs and the company of the day.
-#}
with matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

events as (
    select * from {{ ref('int_buddy_events_reconciled') }}
),

event_attendance as (
    select * from {{ ref('int_buddy_event_attendance_reconciled') }}
),

skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
),

checkins as (
    select * from {{ ref('int_buddy_checkins_reconciled') }}
),

milestones as (
    select * from {{ ref('int_buddy_milestones_reconciled') }}
),

final as (
    select
        'buddy' as program_type,
        'match_count' as metric,
        match_id as activity_key,
        buddy_user_id as credited_user_id,
        matched_at as occurred_at,
        cast(1 as numeric(38, 12)) as metric_value
    from matches
    union all
    select
        'buddy' as program_type,
        'events_attended' as metric,
        'informal|' || event_id as activity_key,
        buddy_user_id as credited_user_id,
        event_date as occurred_at,
        cast(1 as numeric(38, 12)) as metric_value
    from events
    union all
    select
        'buddy' as program_type,
        'events_attended' as metric,
        'formal|' || event_id || '|' || account_id as activity_key,
        user_id as credited_user_id,
        attended_at as occurred_at,
        cast(1 as numeric(38, 12)) as metric_value
    from event_attendance
    union all
    select
        'buddy' as program_type,
        'checkins_completed' as metric,
        checkins.checkin_id as activity_key,
        matches.buddy_user_id as credited_user_id,
        checkins.checkin_date as occurred_at,
        cast(1 as numeric(38, 12)) as metric_value
    from checkins
    left join matches
        on checkins.match_id = matches.match_id
    union all
    select
        'buddy' as program_type,
        'skills_shared' as metric,
        session_id as activity_key,
        teacher_user_id as credited_user_id,
        completed_at as occurred_at,
        cast(1 as numeric(38, 12)) as metric_value
    from skill_sessions
    union all
    select
        'buddy' as program_type,
        'milestones_reached' as metric,
        account_id || '|' || cast(milestone_id as text) as activity_key,
        user_id as credited_user_id,
        reached_at as occurred_at,
        cast(1 as numeric(38, 12)) as metric_value
    from milestones
)

select * from final
