{#-
    The identity conflicts of domain.md §1, listed, never hidden - and how they were
    resolved:
    - shared_account_email (conflict): several Buddy accounts share one email - one
      person, every account maps to the same csr_user_id; one row per account;
    - account_email_changed (conflict): one Buddy account seen with different emails
      across exports - the most recent export wins; one row per account and earlier
      email (related_user_id = the id that email would have);
    - email_without_person (warning): an email seen only in q2q or employment files
      creates no person and its rows take no part; one row per source and email.
    No email is published here: people are their csr_user_id, records their lineage.
-#}
with users as (
    select * from {{ ref('stg_buddy__users') }}
),

accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

people as (
    select * from {{ ref('int_people') }}
),

outcome_scores as (
    select * from {{ ref('stg_q2q__outcome_scores') }}
),

employment_outcomes as (
    select * from {{ ref('stg_platform__employment_outcomes') }}
),

shared_emails as (
    select
        csr_user_id,
        count(*) as accounts_count
    from accounts
    group by csr_user_id
    having count(*) > 1
),

shared_account_email as (
    select
        'shared_account_email' as conflict_type,
        'conflict' as severity,
        accounts.csr_user_id,
        'buddy' as provider,  -- noqa: RF04
        accounts.account_id as external_id,
        cast(null as text) as related_user_id,
        shared_emails.accounts_count as records_count,
        accounts.joined_at as first_seen_at,
        accounts.observed_at as last_seen_at,
        'every account maps to the one person' as resolution
    from accounts
    inner join shared_emails
        on accounts.csr_user_id = shared_emails.csr_user_id
),

as_of_user_rows as (
    select * from users
    where {{ csr_analytics.is_on_or_before_as_of('joined_at') }}
),

earlier_emails as (
    select
        as_of_user_rows.user_id as account_id,
        as_of_user_rows.email,
        count(*) as rows_count,
        min(as_of_user_rows._observed_at) as first_seen_at,
        max(as_of_user_rows._observed_at) as last_seen_at
    from as_of_user_rows
    inner join accounts
        on as_of_user_rows.user_id = accounts.account_id
    where {{ csr_analytics.normalize_email('as_of_user_rows.email') }} <> accounts.email
    group by
        as_of_user_rows.user_id,
        as_of_user_rows.email
),

account_email_changed as (
    select
        'account_email_changed' as conflict_type,
        'conflict' as severity,
        accounts.csr_user_id,
        'buddy' as provider,  -- noqa: RF04
        accounts.account_id as external_id,
        {{ csr_analytics.csr_user_id('earlier_emails.email') }} as related_user_id,
        earlier_emails.rows_count as records_count,
        earlier_emails.first_seen_at,
        earlier_emails.last_seen_at,
        'the email of the most recent export wins' as resolution
    from earlier_emails
    inner join accounts
        on earlier_emails.account_id = accounts.account_id
),

outcome_emails as (
    select
        'q2q' as provider,  -- noqa: RF04
        {{ csr_analytics.normalize_email('user_email') }} as email,
        measured_at as seen_at
    from outcome_scores
    where {{ csr_analytics.is_on_or_before_as_of('measured_at') }}
    union all
    select
        'employment' as provider,  -- noqa: RF04
        {{ csr_analytics.normalize_email('user_email') }} as email,
        employed_at as seen_at
    from employment_outcomes
    where {{ csr_analytics.is_on_or_before_as_of('employed_at') }}
),

emails_without_person as (
    select
        outcome_emails.provider,
        {{ csr_analytics.csr_user_id('outcome_emails.email') }} as csr_user_id,
        count(*) as records_count,
        min(outcome_emails.seen_at) as first_seen_at,
        max(outcome_emails.seen_at) as last_seen_at
    from outcome_emails
    left join people
        on outcome_emails.email = people.email
    where people.email is null
    group by
        outcome_emails.provider,
        outcome_emails.email
),

email_without_person as (
    select
        'email_without_person' as conflict_type,
        'warning' as severity,
        csr_user_id,
        provider,
        cast(null as text) as external_id,
        cast(null as text) as related_user_id,
        records_count,
        first_seen_at,
        last_seen_at,
        'no person created; its rows take no part' as resolution
    from emails_without_person
),

conflicts as (
    select * from shared_account_email
    union all
    select * from account_email_changed
    union all
    select * from email_without_person
),

final as (
    select
        {{ csr_analytics.uuid_from_text(
            "conflict_type || '|' || provider || '|' || csr_user_id || '|'"
            ~ " || coalesce(external_id, '') || '|' || coalesce(related_user_id, '')"
        ) }} as conflict_id,
        conflict_type,
        severity,
        csr_user_id,
        provider,
        external_id,
        related_user_id,
        cast(records_count as integer) as records_count,
        first_seen_at,
        last_seen_at,
        resolution
    from conflicts
)

select * from final
