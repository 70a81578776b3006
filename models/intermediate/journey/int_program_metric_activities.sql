{#-
    The activities behind the tracked metrics of domain.md §8, long-form: one row per
    program, metric and activity, at its business timestamp, with the value it adds
    (1 for counts, hours for volunteer_hours, the 0-1 rating for mean_rating) and the
    company it is credited to. The company is that of the person on the volunteering
    side of the activity on the UTC date it happened (exports.md: an activity is credited
    to the company the volunteer belonged to on that day): the match's buddy for
    matches, informal events and check-ins, the teacher for skill sessions, the Kintell
    volunteer for sessions; for the activities of one person (formal events attended,
    milestones, courses, credentials), that person. Null = no company (or an informal
    event whose match is unknown).
-#}
with buddy_activities as (
    select * from {{ ref('int_buddy_metric_activities') }}
),

kintell_sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

course_records as (
    select * from {{ ref('int_course_records') }}
),

credentials as (
    select * from {{ ref('stg_upskilling__credentials') }}
),

company_memberships as (
    select * from {{ ref('int_company_memberships') }}
),

held_sessions as (
    select * from kintell_sessions
    where is_held
),

courses as (
    select
        spell_id,
        csr_user_id,
        min(coalesce(started_at, updated_at)) as started_at,
        max(
            case
                when is_current and status = 'completed'
                    then coalesce(completed_at, updated_at)
            end
        ) as completed_at
    from course_records
    group by
        spell_id,
        csr_user_id
),

activities as (
    select
        program_type,
        metric,
        activity_key,
        credited_user_id,
        occurred_at,
        metric_value
    from buddy_activities
    union all
    select
        program_type,
        'sessions_held' as metric,
        session_id as activity_key,
        volunteer_user_id as credited_user_id,
        session_at as occurred_at,
        cast(1 as numeric(38, 12)) as metric_value
    from held_sessions
    union all
    select
        program_type,
        'volunteer_hours' as metric,
        session_id as activity_key,
        volunteer_user_id as credited_user_id,
        session_at as occurred_at,
        {{ csr_analytics.safe_divide('coalesce(duration_minutes, 0)', 60) }}
            as metric_value
    from held_sessions
    union all
    select
        program_type,
        'mean_rating' as metric,
        session_id as activity_key,
        volunteer_user_id as credited_user_id,
        session_at as occurred_at,
        cast(rating_normalized as numeric(38, 12)) as metric_value
    from held_sessions
    where rating_normalized is not null
    union all
    select
        'upskilling' as program_type,
        'courses_started' as metric,
        spell_id as activity_key,
        csr_user_id as credited_user_id,
        started_at as occurred_at,
        cast(1 as numeric(38, 12)) as metric_value
    from courses
    union all
    select
        'upskilling' as program_type,
        'courses_completed' as metric,
        spell_id as activity_key,
        csr_user_id as credited_user_id,
        completed_at as occurred_at,
        cast(1 as numeric(38, 12)) as metric_value
    from courses
    where completed_at is not null
    union all
    select
        'upskilling' as program_type,
        'credentials_issued' as metric,
        credential_id as activity_key,
        {{ csr_analytics.uuid_from_text('user_email') }} as credited_user_id,
        issued_at as occurred_at,
        cast(1 as numeric(38, 12)) as metric_value
    from credentials
    where {{ csr_analytics.is_on_or_before_as_of('issued_at') }}
),

final as (
    select
        activities.program_type,
        activities.metric,
        activities.activity_key,
        activities.credited_user_id,
        company_memberships.company_id,
        activities.occurred_at,
        activities.metric_value
    from activities
    left join company_memberships
        on {{ csr_analytics.company_on_day(
            'company_memberships', 'activities.credited_user_id', 'activities.occurred_at'
        ) }}
)

select * from final
