{#-
    Activity in a program (domain.md §5): one row per person, program and activity, at
    its business timestamp. Each program maps its own records in its own CTE; the
    activity types are listed in the program_activity_types seed. activity_key is
    unique per person and program: the activity type and the source record's key.
-#}
with buddy_matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

buddy_events as (
    select * from {{ ref('int_buddy_events_reconciled') }}
),

buddy_event_attendance as (
    select * from {{ ref('int_buddy_event_attendance_reconciled') }}
),

buddy_skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
),

buddy_checkins as (
    select * from {{ ref('int_buddy_checkins_reconciled') }}
),

buddy_feedback as (
    select * from {{ ref('int_buddy_feedback_reconciled') }}
),

buddy_milestones as (
    select * from {{ ref('int_buddy_milestones_reconciled') }}
),

kintell_sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

course_records as (
    select * from {{ ref('int_course_records') }}
),

-- buddy: both sides of a match share the activity on the match
buddy_match_sides as (
    select
        match_id,
        participant_user_id as csr_user_id
    from buddy_matches

    union all

    select
        match_id,
        buddy_user_id as csr_user_id
    from buddy_matches
),

buddy_match_activities as (
    select
        participant_user_id as csr_user_id,
        'match_started' as activity_type,
        'match_started:' || match_id as activity_key,
        matched_at as occurred_at
    from buddy_matches

    union all

    select
        buddy_user_id as csr_user_id,
        'match_started' as activity_type,
        'match_started:' || match_id as activity_key,
        matched_at as occurred_at
    from buddy_matches

    union all

    select
        participant_user_id as csr_user_id,
        'match_ended' as activity_type,
        'match_ended:' || match_id as activity_key,
        ended_at as occurred_at
    from buddy_matches
    where not is_open

    union all

    select
        buddy_user_id as csr_user_id,
        'match_ended' as activity_type,
        'match_ended:' || match_id as activity_key,
        ended_at as occurred_at
    from buddy_matches
    where not is_open
),

buddy_informal_event_activities as (
    select
        participant_user_id as csr_user_id,
        'informal_event' as activity_type,
        'informal_event:' || event_id as activity_key,
        event_date as occurred_at
    from buddy_events

    union all

    select
        buddy_user_id as csr_user_id,
        'informal_event' as activity_type,
        'informal_event:' || event_id as activity_key,
        event_date as occurred_at
    from buddy_events
),

buddy_formal_event_activities as (
    select
        user_id as csr_user_id,
        'formal_event' as activity_type,
        'formal_event:' || event_id || ':' || account_id as activity_key,
        attended_at as occurred_at
    from buddy_event_attendance
),

buddy_skill_session_activities as (
    select
        teacher_user_id as csr_user_id,
        'skill_session' as activity_type,
        'skill_session:' || session_id as activity_key,
        completed_at as occurred_at
    from buddy_skill_sessions

    union all

    select
        learner_user_id as csr_user_id,
        'skill_session' as activity_type,
        'skill_session:' || session_id as activity_key,
        completed_at as occurred_at
    from buddy_skill_sessions
),

buddy_checkin_activities as (
    select
        buddy_match_sides.csr_user_id,
        'checkin' as activity_type,
        'checkin:' || buddy_checkins.checkin_id as activity_key,
        buddy_checkins.checkin_date as occurred_at
    from buddy_checkins
    inner join buddy_match_sides
        on buddy_checkins.match_id = buddy_match_sides.match_id
),

buddy_feedback_activities as (
    select
        buddy_match_sides.csr_user_id,
        'feedback' as activity_type,
        'feedback:' || buddy_feedback.feedback_id as activity_key,
        buddy_feedback.submitted_at as occurred_at
    from buddy_feedback
    inner join buddy_match_sides
        on buddy_feedback.match_id = buddy_match_sides.match_id
),

buddy_milestone_activities as (
    select
        user_id as csr_user_id,
        'milestone' as activity_type,
        'milestone:' || account_id || ':' || cast(milestone_id as text) as activity_key,
        reached_at as occurred_at
    from buddy_milestones
),

buddy_activities as (
    select
        'buddy' as program_type,
        *
    from buddy_match_activities
    union all
    select
        'buddy' as program_type,
        *
    from buddy_informal_event_activities
    union all
    select
        'buddy' as program_type,
        *
    from buddy_formal_event_activities
    union all
    select
        'buddy' as program_type,
        *
    from buddy_skill_session_activities
    union all
    select
        'buddy' as program_type,
        *
    from buddy_checkin_activities
    union all
    select
        'buddy' as program_type,
        *
    from buddy_feedback_activities
    union all
    select
        'buddy' as program_type,
        *
    from buddy_milestone_activities
),

-- mentorship, language: every session of theirs (held or not), either side
kintell_activities as (
    select
        program_type,
        participant_user_id as csr_user_id,
        'session' as activity_type,
        'session:' || session_id as activity_key,
        session_at as occurred_at
    from kintell_sessions

    union all

    select
        program_type,
        volunteer_user_id as csr_user_id,
        'session' as activity_type,
        'session:' || session_id as activity_key,
        session_at as occurred_at
    from kintell_sessions
),

-- upskilling: every course record (the status history), at its updated_at
upskilling_activities as (
    select
        'upskilling' as program_type,
        csr_user_id,
        'course_record' as activity_type,
        'course_record:' || spell_id || ':' || cast(updated_at as text) as activity_key,
        updated_at as occurred_at
    from course_records
),

all_activities as (
    select * from buddy_activities
    union all
    select * from kintell_activities
    union all
    select * from upskilling_activities
),

final as (
    select
        csr_user_id,
        program_type,
        activity_key,
        activity_type,
        occurred_at
    from all_activities
    where
        csr_user_id is not null
        and occurred_at is not null
        and {{ csr_analytics.is_on_or_before_as_of('occurred_at') }}
)

select * from final
