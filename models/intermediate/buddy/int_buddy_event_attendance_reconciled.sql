{#-
    One row per formal Buddy event and attending account, reconciled from the export rows
    and the buddy.event.attended webhooks: each field from the most recent observation
    that has it (domain.md §3). The account resolves to its person through
    int_buddy_accounts.
-#}
{%- set value_columns = [
    'match_id',
    'event_type',
    'event_format',
    'attended_at',
    'duration_minutes',
    'attendee_count',
] -%}

with observations as (
    select * from {{ ref('stg_buddy__event_attendance') }}
),

as_of_observations as (
    select * from observations
    where {{ csr_analytics.is_on_or_before_as_of('attended_at') }}
),

accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

ranked as (
    select
        as_of_observations.*,
        {{ csr_analytics.observation_rank(['event_id', 'user_id']) }} as _observation_rank
    from as_of_observations
),

keys as (
    select
        event_id,
        user_id,
        {{ csr_analytics.latest_value_ranks(value_columns) }},
        {{ csr_analytics.feed_counts() }}
    from ranked
    group by
        event_id,
        user_id
),

latest_values as (
    select
        keys.event_id,
        keys.user_id,
        {{ csr_analytics.latest_values('ranked', 'keys', value_columns) }}
    from keys
    inner join ranked
        on
            keys.event_id = ranked.event_id
            and keys.user_id = ranked.user_id
    group by
        keys.event_id,
        keys.user_id
),

loads as (
    select
        event_id,
        user_id,
        max(_loaded_at) as last_loaded_at
    from observations
    group by
        event_id,
        user_id
),

final as (
    select
        latest_values.event_id,
        latest_values.user_id as account_id,
        accounts.csr_user_id as user_id,
        accounts.role as account_role,
        latest_values.match_id,
        latest_values.event_type,
        latest_values.event_format,
        latest_values.attended_at,
        latest_values.duration_minutes,
        latest_values.attendee_count,
        keys.export_observations_count > 0 as in_export,
        keys.webhook_observations_count > 0 as in_webhooks,
        loads.last_loaded_at
    from latest_values
    inner join keys
        on
            latest_values.event_id = keys.event_id
            and latest_values.user_id = keys.user_id
    inner join loads
        on
            latest_values.event_id = loads.event_id
            and latest_values.user_id = loads.user_id
    left join accounts
        on latest_values.user_id = accounts.account_id
)

select * from final
