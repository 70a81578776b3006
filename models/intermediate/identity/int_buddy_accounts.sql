{#-
    One row per Buddy account (Buddy user UUID) as of as_of_date: its version valid at
    as_of_date (int_buddy_account_versions) - its most recent accepted export row among
    those whose joined_at is on or before as_of_date. The account's person is the one of
    its current email (the most recent export wins when an account's email changed;
    dq_identity_conflicts lists it). last_loaded_at: when an accepted row of the account
    was last loaded (any export date).
-#}
with account_versions as (
    select * from {{ ref('int_buddy_account_versions') }}
    where valid_to is null
),

users as (
    select * from {{ ref('stg_buddy__users') }}
),

loads as (
    select
        user_id,
        max(_loaded_at) as last_loaded_at
    from users
    group by user_id
),

final as (
    select
        account_versions.account_id,
        account_versions.csr_user_id,
        account_versions.email,
        account_versions.role,
        account_versions.joined_at,
        account_versions.left_at,
        account_versions.observed_at,
        loads.last_loaded_at
    from account_versions
    inner join loads
        on account_versions.account_id = loads.user_id
)

select * from final
