{#-
    The Buddy keys of the journey flags (domain.md §6), one row per person with a Buddy
    enrollment, typed (the mart turns them into JSON). Events = formal events attended +
    informal events on their matches (an informal event with an unknown match counts for
    no one); check-ins = check-ins on their matches; first match = their earliest
    matched_at on either side, any status. A person dropped by rule 1 (left the program)
    has no active match, no check-in due and no feedback pending.
-#}
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

match_summary as (
    select * from {{ ref('int_journey_buddy_match_states') }}
),

activity_counts as (
    select * from {{ ref('int_journey_buddy_activity_counts') }}
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
        cast(coalesce(activity_counts.events_count, 0) as integer) as events_count,
        cast(coalesce(match_summary.checkins_count, 0) as integer) as checkins_count,
        cast(coalesce(activity_counts.skill_sessions_count, 0) as integer)
            as skill_sessions_count,
        cast(coalesce(activity_counts.milestones_count, 0) as integer)
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
    left join activity_counts
        on enrollments.csr_user_id = activity_counts.csr_user_id
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
