{#-
    One person per normalised email (domain.md §1). People come from Buddy accounts
    (their current email), Kintell members and session emails, upskilling course records
    and credentials, and company_users; an email seen only in q2q or employment files
    creates no person (dq_identity_conflicts lists it). first_seen_at is the earliest
    business timestamp of those records (course records: started_at or updated_at).
-#}
with buddy_accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

kintell_users as (
    select * from {{ ref('stg_kintell__users') }}
),

kintell_sessions as (
    select * from {{ ref('stg_kintell__sessions') }}
),

course_records as (
    select * from {{ ref('stg_upskilling__course_records') }}
),

credentials as (
    select * from {{ ref('stg_upskilling__credentials') }}
),

company_users as (
    select * from {{ ref('stg_platform__company_users') }}
),

kintell_session_sides as (
    select
        {{ csr_analytics.normalize_email('participant_email') }} as email,
        coalesce(completed_at, scheduled_at) as seen_at
    from kintell_sessions
    union all
    select
        {{ csr_analytics.normalize_email('volunteer_email') }} as email,
        coalesce(completed_at, scheduled_at) as seen_at
    from kintell_sessions
),

sightings as (
    select
        {{ csr_analytics.normalize_email('email') }} as email,
        joined_at as seen_at
    from buddy_accounts
    union all
    select
        {{ csr_analytics.normalize_email('email') }} as email,
        joined_kg_at as seen_at
    from kintell_users
    where
        joined_kg_at is null
        or {{ csr_analytics.is_on_or_before_as_of('joined_kg_at') }}
    union all
    select
        email,
        seen_at
    from kintell_session_sides
    where {{ csr_analytics.is_on_or_before_as_of('seen_at') }}
    union all
    select
        {{ csr_analytics.normalize_email('user_email') }} as email,
        case
            when started_at < updated_at then started_at
            else updated_at
        end as seen_at
    from course_records
    where {{ csr_analytics.is_on_or_before_as_of('updated_at') }}
    union all
    select
        {{ csr_analytics.normalize_email('user_email') }} as email,
        issued_at as seen_at
    from credentials
    where {{ csr_analytics.is_on_or_before_as_of('issued_at') }}
    union all
    select
        {{ csr_analytics.normalize_email('user_email') }} as email,
        joined_at as seen_at
    from company_users
    where
        joined_at is null
        or {{ csr_analytics.is_on_or_before_as_of('joined_at') }}
),

people as (
    select
        email,
        min(seen_at) as first_seen_at
    from sightings
    where email is not null
    group by email
),

final as (
    select
        {{ csr_analytics.csr_user_id('email') }} as csr_user_id,
        email,
        first_seen_at
    from people
)

select * from final
