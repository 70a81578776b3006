{#-
    One row per Buddy account (Buddy user UUID) as of as_of_date: its most recent
    accepted export row among those whose joined_at is on or before as_of_date. The
    account's person is the one of its current email (the most recent export wins when
    an account's email changed; dq_identity_conflicts lists it). last_loaded_at: when an
    accepted row of the account was last loaded (any export date).
-#}
with users as (
    select * from {{ ref('stg_buddy__users') }}
),

as_of_users as (
    select * from users
    where {{ csr_analytics.is_on_or_before_as_of('joined_at') }}
),

ranked as (
    select
        as_of_users.*,
        {{ csr_analytics.observation_rank(['user_id']) }} as observation_rank
    from as_of_users
),

current_rows as (
    select * from ranked
    where observation_rank = 1
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
        current_rows.user_id as account_id,
        {{ csr_analytics.csr_user_id('current_rows.email') }} as csr_user_id,
        {{ csr_analytics.normalize_email('current_rows.email') }} as email,
        current_rows.role,
        current_rows.joined_at,
        current_rows.left_at,
        current_rows._observed_at as observed_at,
        loads.last_loaded_at
    from current_rows
    inner join loads
        on current_rows.user_id = loads.user_id
)

select * from final
