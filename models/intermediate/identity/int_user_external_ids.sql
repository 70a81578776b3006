{#-
    Every source identity of a person (domain.md §1): `buddy` -> the Buddy user UUID;
    `kintell` -> the normalised email; `ecornell` / `itslearning` / `generic` -> the
    normalised email. Only identities seen in records that take part at as_of_date.
-#}
with people as (
    select * from {{ ref('int_people') }}
),

buddy_accounts as (
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

kintell_emails as (
    select {{ csr_analytics.normalize_email('email') }} as email
    from kintell_users
    where
        joined_kg_at is null
        or {{ csr_analytics.is_on_or_before_as_of('joined_kg_at') }}
    union all
    select {{ csr_analytics.normalize_email('participant_email') }} as email
    from kintell_sessions
    where
        {{ csr_analytics.is_on_or_before_as_of('coalesce(completed_at, scheduled_at)') }}
    union all
    select {{ csr_analytics.normalize_email('volunteer_email') }} as email
    from kintell_sessions
    where
        {{ csr_analytics.is_on_or_before_as_of('coalesce(completed_at, scheduled_at)') }}
),

upskilling_emails as (
    select
        provider,
        {{ csr_analytics.normalize_email('user_email') }} as email
    from course_records
    where {{ csr_analytics.is_on_or_before_as_of('updated_at') }}
    union all
    select
        provider,
        {{ csr_analytics.normalize_email('user_email') }} as email
    from credentials
    where {{ csr_analytics.is_on_or_before_as_of('issued_at') }}
),

identities as (
    select
        'buddy' as provider,  -- noqa: RF04
        account_id as external_id,
        csr_user_id
    from buddy_accounts
    union all
    select distinct
        'kintell' as provider,  -- noqa: RF04
        email as external_id,
        {{ csr_analytics.csr_user_id('email') }} as csr_user_id
    from kintell_emails
    union all
    select distinct
        provider,
        email as external_id,
        {{ csr_analytics.csr_user_id('email') }} as csr_user_id
    from upskilling_emails
),

final as (
    select
        identities.provider,
        identities.external_id,
        identities.csr_user_id
    from identities
    inner join people
        on identities.csr_user_id = people.csr_user_id
)

select * from final
