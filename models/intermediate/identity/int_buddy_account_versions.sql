{#-
    Every version of a Buddy account (Buddy user UUID) up to as_of_date: one row per
    account and date on which what a build would know of it changes - each distinct
    joined_at date among its accepted export rows. The version valid from such a date
    (until the next one, valid_to, exclusive; null = still valid at as_of_date) is the
    account as a build with that as_of_date sees it: its most recent accepted export row
    among those whose joined_at is on or before that date, with the person
    (csr_user_id) of that row's email. int_buddy_accounts is the version valid at
    as_of_date; the status history reads the version valid on each of its dates.
-#}
with users as (
    select * from {{ ref('stg_buddy__users') }}
    where {{ csr_analytics.is_on_or_before_as_of('joined_at') }}
),

change_dates as (
    select distinct
        user_id,
        cast(joined_at as date) as valid_from
    from users
),

visible_rows as (
    select
        change_dates.valid_from,
        users.*
    from change_dates
    inner join users
        on
            change_dates.user_id = users.user_id
            and {{ csr_analytics.is_on_or_before_as_of(
                'users.joined_at', 'change_dates.valid_from'
            ) }}
),

ranked as (
    select
        visible_rows.*,
        {{ csr_analytics.observation_rank(['user_id', 'valid_from']) }} as observation_rank
    from visible_rows
),

current_rows as (
    select * from ranked
    where observation_rank = 1
),

final as (
    select
        user_id as account_id,
        valid_from,
        lead(valid_from) over (
            partition by user_id
            order by valid_from
        ) as valid_to,
        {{ csr_analytics.csr_user_id('email') }} as csr_user_id,
        {{ csr_analytics.normalize_email('email') }} as email,
        role,
        joined_at,
        left_at,
        _observed_at as observed_at
    from current_rows
)

select * from final
