{#-
    The Buddy keys of the journey flags (domain.md §6), one row per person with a Buddy
    enrollment, typed (the mart turns them into JSON). Events = formal events attended +
    informal events on their matches (an informal event with an unknown match counts for
    no one); check-ins = check-ins on their matches; first match = their earliest
    matched_at on either side, any status. A person dropped by rule 1 (left the program)
    has no active match, no check-in due and no feedback pending.
-#}
{%- set checkin_due_days = var('checkin_due_days') -%}
{%- set feedback_pending_days = var('feedback_pending_days') -%}
{#- buddy_stage thresholds: each stage also requires the ones before it -#}
{%- set connected = {'events': 3, 'checkins': 4} -%}
{%- set integrated = {'events': 10, 'checkins': 12, 'days': 90} -%}
{%- set thriving = {'events': 20, 'skill_sessions': 3, 'days': 180} -%}

with enrollments as (
    select * from {{ ref('int_program_enrollments') }}
    where program_type = 'buddy'
),

program_roles as (
    select * from {{ ref('int_journey_program_roles') }}
    where program_type = 'buddy'
),

last_synced as (
    select * from {{ ref('int_journey_buddy_last_synced') }}
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

person_matches as (
    select
        match_id,
        participant_user_id as csr_user_id,
        'participant' as side,
        matched_at,
        is_open,
        ended_at
    from matches
    where participant_user_id is not null
    union all
    select
        match_id,
        buddy_user_id as csr_user_id,
        'buddy' as side,
        matched_at,
        is_open,
        ended_at
    from matches
    where buddy_user_id is not null
),

latest_checkins as (
    select
        match_id,
        max(checkin_date) as latest_checkin_at
    from checkins
    group by match_id
),

feedback_sides as (
    select distinct
        match_id,
        from_role
    from feedback
),

match_states as (
    select
        person_matches.csr_user_id,
        person_matches.match_id,
        person_matches.matched_at,
        person_matches.is_open,
        (
            person_matches.is_open
            and {{ csr_analytics.days_since(
                'coalesce(latest_checkins.latest_checkin_at, person_matches.matched_at)'
            ) }} > {{ checkin_due_days }}
        ) as is_checkin_due,
        (
            {{ csr_analytics.days_since('person_matches.matched_at') }}
            >= {{ feedback_pending_days }}
            and (
                person_matches.is_open
                or {{ csr_analytics.days_since('person_matches.ended_at') }}
                <= {{ feedback_pending_days }}
            )
            and feedback_sides.match_id is null
        ) as is_feedback_pending
    from person_matches
    left join latest_checkins
        on person_matches.match_id = latest_checkins.match_id
    left join feedback_sides
        on
            person_matches.match_id = feedback_sides.match_id
            and person_matches.side = feedback_sides.from_role
),

match_summary as (
    select
        csr_user_id,
        count(distinct match_id) as match_count,
        min(matched_at) as first_matched_at,
        max(case when is_open then 1 else 0 end) = 1 as has_open_match,
        max(case when is_checkin_due then 1 else 0 end) = 1 as has_checkin_due,
        max(case when is_feedback_pending then 1 else 0 end) = 1 as has_feedback_pending
    from match_states
    group by csr_user_id
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

checkin_counts as (
    select
        person_matches.csr_user_id,
        count(distinct checkins.checkin_id) as checkins_count
    from person_matches
    inner join checkins
        on person_matches.match_id = checkins.match_id
    group by person_matches.csr_user_id
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

person_counts as (
    select
        enrollments.csr_user_id,
        enrollments.enrolled_at,
        enrollments.status,
        coalesce(enrollments.status_reason = 'left_program', false) as has_left_program,
        coalesce(program_roles.holds_beneficiary_role, false) as is_buddy_participant,
        coalesce(program_roles.holds_volunteer_role, false) as is_buddy_volunteer,
        last_synced.buddy_last_synced,
        cast(coalesce(match_summary.match_count, 0) as integer) as match_count,
        cast(
            coalesce(formal_events.formal_events_count, 0)
            + coalesce(informal_events.informal_events_count, 0)
            as integer
        ) as events_count,
        cast(coalesce(checkin_counts.checkins_count, 0) as integer) as checkins_count,
        cast(coalesce(skill_session_counts.skill_sessions_count, 0) as integer)
            as skill_sessions_count,
        cast(coalesce(milestone_counts.milestones_count, 0) as integer)
            as milestones_count,
        coalesce(match_summary.has_open_match, false) as has_open_match,
        coalesce(match_summary.has_checkin_due, false) as has_checkin_due,
        coalesce(match_summary.has_feedback_pending, false) as has_feedback_pending,
        {{ csr_analytics.days_since('match_summary.first_matched_at') }}
            as days_since_first_match
    from enrollments
    left join program_roles
        on enrollments.csr_user_id = program_roles.csr_user_id
    left join last_synced
        on enrollments.csr_user_id = last_synced.csr_user_id
    left join match_summary
        on enrollments.csr_user_id = match_summary.csr_user_id
    left join formal_events
        on enrollments.csr_user_id = formal_events.csr_user_id
    left join informal_events
        on enrollments.csr_user_id = informal_events.csr_user_id
    left join checkin_counts
        on enrollments.csr_user_id = checkin_counts.csr_user_id
    left join skill_session_counts
        on enrollments.csr_user_id = skill_session_counts.csr_user_id
    left join milestone_counts
        on enrollments.csr_user_id = milestone_counts.csr_user_id
),

stages as (
    select
        person_counts.*,
        events_count >= 1 as reached_first_meeting,
        (
            events_count >= {{ connected.events }}
            and checkins_count >= {{ connected.checkins }}
        ) as meets_connected,
        (
            events_count >= {{ integrated.events }}
            and checkins_count >= {{ integrated.checkins }}
            and coalesce(days_since_first_match >= {{ integrated.days }}, false)
        ) as meets_integrated,
        (
            events_count >= {{ thriving.events }}
            and skill_sessions_count >= {{ thriving.skill_sessions }}
            and coalesce(days_since_first_match >= {{ thriving.days }}, false)
        ) as meets_thriving
    from person_counts
),

final as (
    select
        csr_user_id,
        is_buddy_participant,
        is_buddy_volunteer,
        cast(enrolled_at as date) as buddy_joined_at,
        buddy_last_synced,
        match_count as buddy_match_count,
        events_count as buddy_events_count,
        checkins_count as buddy_checkins_count,
        skill_sessions_count as buddy_skill_sessions_count,
        milestones_count as buddy_milestones_count,
        has_open_match and not has_left_program as buddy_match_active,
        has_checkin_due and not has_left_program as buddy_checkin_due,
        has_feedback_pending and not has_left_program as buddy_feedback_pending,
        case
            when reached_first_meeting and meets_connected and meets_integrated
                and meets_thriving
                then 'thriving'
            when reached_first_meeting and meets_connected and meets_integrated
                then 'integrated'
            when reached_first_meeting and meets_connected
                then 'connected'
            when reached_first_meeting
                then 'first_meeting'
        end as buddy_stage,
        status as buddy_status
    from stages
)

select * from final
