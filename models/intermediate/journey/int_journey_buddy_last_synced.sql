{#-
    buddy_last_synced (domain.md §6): per person, the latest _loaded_at over the accepted
    Buddy rows (export rows and webhook events) about any of their accounts: the account
    itself, its matches (either side), and the events, check-ins and feedback on those
    matches, the formal events it attended, the skill sessions it taught or learned and
    the milestones it reached. Only rows about an entity that exists at as_of_date take
    part (the reconciled models apply the cut-off).
-#}
with buddy_accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

matches as (
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

feedback as (
    select * from {{ ref('int_buddy_feedback_reconciled') }}
),

milestones as (
    select * from {{ ref('int_buddy_milestones_reconciled') }}
),

user_rows as (
    select
        user_id,
        max(_loaded_at) as loaded_at
    from {{ ref('base_buddy__users') }}
    where is_accepted
    group by user_id
),

match_rows as (
    select
        match_id,
        max(_loaded_at) as loaded_at
    from {{ ref('base_buddy__matches') }}
    where is_accepted
    group by match_id
),

event_rows as (
    select
        event_id,
        max(_loaded_at) as loaded_at
    from {{ ref('base_buddy__events') }}
    where is_accepted
    group by event_id
),

attendance_rows as (
    select
        event_id,
        user_id,
        max(_loaded_at) as loaded_at
    from {{ ref('base_buddy__event_attendance') }}
    where is_accepted
    group by
        event_id,
        user_id
),

skill_session_rows as (
    select
        session_id,
        max(_loaded_at) as loaded_at
    from {{ ref('base_buddy__skill_sessions') }}
    where is_accepted
    group by session_id
),

checkin_rows as (
    select
        checkin_id,
        max(_loaded_at) as loaded_at
    from {{ ref('base_buddy__checkins') }}
    where is_accepted
    group by checkin_id
),

feedback_rows as (
    select
        feedback_id,
        max(_loaded_at) as loaded_at
    from {{ ref('base_buddy__feedback') }}
    where is_accepted
    group by feedback_id
),

milestone_rows as (
    select
        user_id,
        milestone_id,
        max(_loaded_at) as loaded_at
    from {{ ref('base_buddy__milestones') }}
    where is_accepted
    group by
        user_id,
        milestone_id
),

match_sides as (
    select
        match_id,
        participant_account_id as account_id
    from matches
    union all
    select
        match_id,
        buddy_account_id as account_id
    from matches
),

match_scoped_rows as (
    select
        match_rows.match_id,
        match_rows.loaded_at
    from match_rows
    inner join matches
        on match_rows.match_id = matches.match_id
    union all
    select
        events.match_id,
        event_rows.loaded_at
    from event_rows
    inner join events
        on event_rows.event_id = events.event_id
    union all
    select
        checkins.match_id,
        checkin_rows.loaded_at
    from checkin_rows
    inner join checkins
        on checkin_rows.checkin_id = checkins.checkin_id
    union all
    select
        feedback.match_id,
        feedback_rows.loaded_at
    from feedback_rows
    inner join feedback
        on feedback_rows.feedback_id = feedback.feedback_id
),

account_rows as (
    select
        user_rows.user_id as account_id,
        user_rows.loaded_at
    from user_rows
    union all
    select
        match_sides.account_id,
        match_scoped_rows.loaded_at
    from match_scoped_rows
    inner join match_sides
        on match_scoped_rows.match_id = match_sides.match_id
    union all
    select
        event_attendance.account_id,
        attendance_rows.loaded_at
    from attendance_rows
    inner join event_attendance
        on
            attendance_rows.event_id = event_attendance.event_id
            and attendance_rows.user_id = event_attendance.account_id
    union all
    select
        skill_sessions.teacher_account_id as account_id,
        skill_session_rows.loaded_at
    from skill_session_rows
    inner join skill_sessions
        on skill_session_rows.session_id = skill_sessions.session_id
    union all
    select
        skill_sessions.learner_account_id as account_id,
        skill_session_rows.loaded_at
    from skill_session_rows
    inner join skill_sessions
        on skill_session_rows.session_id = skill_sessions.session_id
    union all
    select
        milestones.account_id,
        milestone_rows.loaded_at
    from milestone_rows
    inner join milestones
        on
            milestone_rows.user_id = milestones.account_id
            and milestone_rows.milestone_id = milestones.milestone_id
),

final as (
    select
        buddy_accounts.csr_user_id,
        max(account_rows.loaded_at) as buddy_last_synced
    from account_rows
    inner join buddy_accounts
        on account_rows.account_id = buddy_accounts.account_id
    group by buddy_accounts.csr_user_id
)

select * from final
