{#-
    No two csr_user_id share a normalised email (domain.md §1): every email of a person,
    a Buddy account or an email-keyed identity is normalised, and one normalised email
    maps to exactly one csr_user_id - the UUID of that email.
-#}
with person_emails as (
    select
        email,
        csr_user_id
    from {{ ref('int_people') }}
    union all
    select
        email,
        csr_user_id
    from {{ ref('int_buddy_accounts') }}
    union all
    select
        external_id as email,
        csr_user_id
    from {{ ref('int_user_external_ids') }}
    where provider <> 'buddy'
),

ids_per_email as (
    select
        {{ csr_analytics.normalize_email('email') }} as normalised_email,
        count(distinct csr_user_id) as csr_user_ids_count
    from person_emails
    group by {{ csr_analytics.normalize_email('email') }}
),

shared_emails as (
    select
        normalised_email,
        'several csr_user_id' as problem
    from ids_per_email
    where csr_user_ids_count > 1
),

wrong_ids as (
    select
        email as normalised_email,
        'email not normalised or id not derived from it' as problem
    from person_emails
    where
        email <> {{ csr_analytics.normalize_email('email') }}
        or csr_user_id <> {{ csr_analytics.csr_user_id('email') }}
)

select * from shared_emails
union all
select * from wrong_ids
