{#-
    One row per informal Buddy event (logged on a match), reconciled from the export rows
    and the buddy.event.logged webhooks: each field from the most recent observation that
    has it (domain.md §3). The match's two sides come from the reconciled match; they are
    null when the match is unknown.
-#}
{%- set value_columns = [
    'match_id',
    'event_type',
    'event_date',
] -%}

with observations as (
    select * from {{ ref('stg_buddy__events') }}
),

as_of_observations as (
    select * from observations
    where {{ csr_analytics.is_on_or_before_as_of('event_date') }}
),

matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

ranked as (
    select
        as_of_observations.*,
        {{ csr_analytics.observation_rank(['event_id']) }} as _observation_rank
    from as_of_observations
),

keys as (
    select
        event_id,
        {{ csr_analytics.latest_value_ranks(value_columns) }},
        {{ csr_analytics.feed_counts() }}
    from ranked
    group by
        event_id
),

latest_values as (
    select
        keys.event_id,
        {{ csr_analytics.latest_values('ranked', 'keys', value_columns) }}
    from keys
    inner join ranked
        on
            keys.event_id = ranked.event_id
    group by
        keys.event_id
),

loads as (
    select
        event_id,
        max(_loaded_at) as last_loaded_at
    from observations
    group by
        event_id
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
        keys.export_observations_count > 0 as in_export,
        keys.webhook_observations_count > 0 as in_webhooks,
        loads.last_loaded_at
    from latest_values
    inner join keys
        on
            latest_values.event_id = keys.event_id
    inner join loads
        on
            latest_values.event_id = loads.event_id
    left join matches
        on latest_values.match_id = matches.match_id
)

select * from final
