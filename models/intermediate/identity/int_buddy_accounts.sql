{#-
    One row per Buddy account (Buddy user UUID) as of as_of_date: its most recent
    accepted export row among those whose joined_at is on or before as_of_date. The
    account's person is the one of its current email (the most recent export wins when
    an account's email changed; dq_identity_conflicts lists it).
-#}
with users as (
    select * from {{ ref('base_buddy__users') }}
    where is_accepted
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

final as (
    select
        user_id as account_id,
        {{ csr_analytics.csr_user_id('email') }} as csr_user_id,
        {{ csr_analytics.normalize_email('email') }} as email,
        role,
        joined_at,
        left_at,
        _observed_at as observed_at
    from current_rows
)

select * from final
