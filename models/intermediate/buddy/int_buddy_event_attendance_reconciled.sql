{#-
    One row per formal Buddy event and attending account, reconciled from the export rows
    and the buddy.event.attended webhooks: each field from the most recent observation
    that has it (domain.md §3). The account resolves to its person through
    int_buddy_accounts.
-#}
with observations as (
    {{ csr_analytics.buddy_observations('base_buddy__event_attendance', 'attended_at') }}
),

accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

ranked as (
    select
        observations.*,
        {{ csr_analytics.observation_rank(['event_id', 'user_id']) }} as _observation_rank
    from observations
),

latest_values as (
    {{ csr_analytics.latest_observed_values('ranked', ['event_id', 'user_id'], [
        'match_id', 'event_type', 'event_format', 'attended_at', 'duration_minutes',
        'attendee_count',
    ]) }}
),

feeds as (
    {{ csr_analytics.observation_feeds('ranked', ['event_id', 'user_id']) }}
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
        feeds.export_observations_count > 0 as in_export,
        feeds.webhook_observations_count > 0 as in_webhooks
    from latest_values
    inner join feeds
        on latest_values.event_id = feeds.event_id
            and latest_values.user_id = feeds.user_id
    left join accounts
        on latest_values.user_id = accounts.account_id
)

select * from final
