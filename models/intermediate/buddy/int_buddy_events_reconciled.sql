{#-
    One row per informal Buddy event (logged on a match), reconciled from the export rows
    and the buddy.event.logged webhooks: each field from the most recent observation that
    has it (domain.md §3). The match's two sides come from the reconciled match; they are
    null when the match is unknown.
-#}
with observations as (
    {{ csr_analytics.buddy_observations('base_buddy__events', 'event_date') }}
),

matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

ranked as (
    select
        observations.*,
        {{ csr_analytics.observation_rank(['event_id']) }} as _observation_rank
    from observations
),

latest_values as (
    {{ csr_analytics.latest_observed_values('ranked', ['event_id'], [
        'match_id', 'event_type', 'event_date',
    ]) }}
),

feeds as (
    {{ csr_analytics.observation_feeds('ranked', ['event_id']) }}
),

final as (
    select
        latest_values.event_id,
        latest_values.match_id,
        latest_values.event_type,
        latest_values.event_date,
        matches.participant_user_id,
        matches.buddy_user_id,
        matches.match_id is not null as is_known_match,
        feeds.export_observations_count > 0 as in_export,
        feeds.webhook_observations_count > 0 as in_webhooks
    from latest_values
    inner join feeds
        on latest_values.event_id = feeds.event_id
    left join matches
        on latest_values.match_id = matches.match_id
)

select * from final
