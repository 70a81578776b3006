{#-
    Every volunteer activity of every program with its credited volunteer (vis.md §1):
    one CTE per source, then minutes (the source's duration, else the default of the
    hour-category map), hour category and weight, weighted hours, and the volunteer's
    company on the day. A new source is one more CTE in the union.
-#}
with events as (
    select * from {{ ref('int_buddy_events_reconciled') }}
),

attendance as (
    select * from {{ ref('int_buddy_event_attendance_reconciled') }}
),

skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
),

checkins as (
    select * from {{ ref('int_buddy_checkins_reconciled') }}
),

matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

kintell_sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

hour_category_map as (
    select * from {{ ref('hour_category_map') }}
),

hour_categories as (
    select * from {{ ref('hour_categories') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

buddy_events as (
    -- informal events: the match's buddy; an event on an unknown match counts for no one
    select
        'buddy_event:' || event_id as activity_key,
        'buddy_event' as activity_source,
        'informal_event' as activity_type,
        'buddy' as program_type,
        buddy_user_id as volunteer_user_id,
        participant_user_id,
        event_date as occurred_at,
        event_type as source_value,
        cast(null as integer) as duration_minutes
    from events
    where buddy_user_id is not null
),

buddy_attendance as (
    -- formal events: the attending user when they attended with a buddy account; the
    -- participant of the event's match (none without a match)
    select
        'buddy_attendance:' || attendance.event_id || ':' || attendance.account_id
            as activity_key,
        'buddy_attendance' as activity_source,
        'formal_event' as activity_type,
        'buddy' as program_type,
        attendance.user_id as volunteer_user_id,
        matches.participant_user_id,
        attendance.attended_at as occurred_at,
        attendance.event_type as source_value,
        attendance.duration_minutes
    from attendance
    left join matches
        on attendance.match_id = matches.match_id
    where
        attendance.account_role = 'buddy'
        and attendance.user_id is not null
),

buddy_skill_sessions_taught as (
    -- skill sessions: the teacher when a buddy; the learner is the participant when a
    -- beneficiary
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

buddy_skill_sessions_learned as (
    -- ... and the learner when a buddy too; the teacher is the participant when a
    -- beneficiary
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

buddy_checkins as (
    -- check-ins: the match's buddy
    select
        'buddy_checkin:' || checkins.checkin_id as activity_key,
        'buddy_checkin' as activity_source,
        'checkin' as activity_type,
        'buddy' as program_type,
        matches.buddy_user_id as volunteer_user_id,
        matches.participant_user_id,
        checkins.checkin_date as occurred_at,
        cast(null as text) as source_value,
        cast(null as integer) as duration_minutes
    from checkins
    inner join matches
        on checkins.match_id = matches.match_id
    where matches.buddy_user_id is not null
),

kintell_held_sessions as (
    -- Kintell sessions that were held: the tutor or mentor
    select
        'kintell_session:' || session_id as activity_key,
        'kintell_session' as activity_source,
        'session' as activity_type,
        program_type,
        volunteer_user_id,
        participant_user_id,
        session_at as occurred_at,
        cast(null as text) as source_value,
        duration_minutes
    from kintell_sessions
    where
        is_held
        and volunteer_user_id is not null
),

activities as (
    select * from buddy_events
    union all
    select * from buddy_attendance
    union all
    select * from buddy_skill_sessions_taught
    union all
    select * from buddy_skill_sessions_learned
    union all
    select * from buddy_checkins
    union all
    select * from kintell_held_sessions
),

activities_to_date as (
    select * from activities
    where {{ csr_analytics.is_on_or_before_as_of('occurred_at') }}
),

categorised as (
    -- the map row for the source's value, else the source's catch-all row ('*')
    select
        activities_to_date.*,
        coalesce(exact_map.hour_category, fallback_map.hour_category) as hour_category,
        coalesce(exact_map.default_minutes, fallback_map.default_minutes)
            as default_minutes
    from activities_to_date
    left join hour_category_map as exact_map
        on
            activities_to_date.activity_source = exact_map.activity_source
            and lower(activities_to_date.source_value) = exact_map.source_value
    left join hour_category_map as fallback_map
        on
            activities_to_date.activity_source = fallback_map.activity_source
            and fallback_map.source_value = '*'
),

weighted as (
    select
        categorised.*,
        cast(
            coalesce(categorised.duration_minutes, categorised.default_minutes) as integer
        ) as minutes,
        categorised.duration_minutes is null as is_default_minutes,
        cast(hour_categories.weight as numeric(6, 3)) as hour_weight
    from categorised
    left join hour_categories
        on categorised.hour_category = hour_categories.hour_category
),

with_company as (
    -- the company the volunteer belonged to on the activity's UTC date
    select
        weighted.*,
        memberships.company_id
    from weighted
    left join memberships
        on {{ csr_analytics.company_on_day(
            'memberships', 'weighted.volunteer_user_id', 'weighted.occurred_at'
        ) }}
),

final as (
    select
        activity_key,
        volunteer_user_id,
        activity_source,
        activity_type,
        program_type,
        participant_user_id,
        company_id,
        occurred_at,
        cast(occurred_at as date) as activity_date,
        minutes,
        is_default_minutes,
        hour_category,
        hour_weight,
        cast(
            {{ csr_analytics.safe_divide('minutes * hour_weight', 60) }}
            as numeric(18, 6)
        ) as weighted_hours
    from with_company
)

select * from final
