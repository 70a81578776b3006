{#-
    Every version of a Buddy match up to as_of_date, reconciled from the export rows and
    the match webhooks (domain.md §3): one row per match and date its history changes
    (valid_from; valid_to = the next one, exclusive, null = still valid at as_of_date),
    from its observations as they stand on that date
    (int_buddy_match_observation_versions). The match exists if either feed has an
    accepted observation of it; each field takes the value of the most recent
    observation that has it. The match is ended when some observation says it ended (by
    that date): ended_at / end_reason come from the most recent such observation, and a
    later observation that says active does not reopen it. A match.ended webhook has no
    matched_at: when no observation has one, ended_at minus the reported duration stands
    in (is_matched_at_derived). The duration of an ended match is computed from its
    dates (they win over the reported duration_days). Duplicate deliveries of a webhook
    count once. int_buddy_matches_reconciled is the version valid at as_of_date; the
    status history reads the version valid on each of its dates.
-#}
{%- set value_columns = [
    'participant_id',
    'buddy_id',
    'matched_at',
    'status',
    'duration_days',
    'sessions_completed',
    'events_attended',
] -%}

with observations as (
    select * from {{ ref('int_buddy_match_observation_versions') }}
),

ranked as (
    select
        observations.*,
        {{ csr_analytics.observation_rank(['match_id', 'valid_from']) }} as _observation_rank
    from observations
),

keys as (
    select
        match_id,
        valid_from,
        max(valid_to) as valid_to,
        {{ csr_analytics.latest_value_ranks(value_columns) }},
        {{ csr_analytics.feed_counts() }}
    from ranked
    group by
        match_id,
        valid_from
),

latest_values as (
    select
        keys.match_id,
        keys.valid_from,
        {{ csr_analytics.latest_values('ranked', 'keys', value_columns) }}
    from keys
    inner join ranked
        on
            keys.match_id = ranked.match_id
            and keys.valid_from = ranked.valid_from
    group by
        keys.match_id,
        keys.valid_from
),

ended_observations as (
    select
        match_id,
        valid_from,
        ended_at,
        end_reason,
        duration_days,
        row_number() over (
            partition by match_id, valid_from
            order by _observation_rank
        ) as end_rank
    from ranked
    where status = 'ended'
),

latest_end as (
    select * from ended_observations
    where end_rank = 1
),

resolved as (
    select
        latest_values.match_id,
        latest_values.valid_from,
        latest_values.participant_id as participant_account_id,
        latest_values.buddy_id as buddy_account_id,
        coalesce(
            latest_values.matched_at,
            {{ csr_analytics.add_days(
                'latest_end.ended_at',
                '-1 * coalesce(latest_end.duration_days, latest_values.duration_days, 0)'
            ) }}
        ) as matched_at,
        latest_values.matched_at is null as is_matched_at_derived,
        case
            when latest_end.match_id is not null then 'ended'
            else coalesce(latest_values.status, 'active')
        end as status,
        latest_end.ended_at,
        latest_end.end_reason,
        latest_values.sessions_completed,
        latest_values.events_attended
    from latest_values
    left join latest_end
        on
            latest_values.match_id = latest_end.match_id
            and latest_values.valid_from = latest_end.valid_from
),

final as (
    select
        resolved.match_id,
        resolved.valid_from,
        keys.valid_to,
        resolved.participant_account_id,
        resolved.buddy_account_id,
        resolved.matched_at,
        resolved.is_matched_at_derived,
        resolved.status,
        resolved.ended_at,
        resolved.end_reason,
        case
            when resolved.status = 'ended'
                then {{
                    csr_analytics.date_diff_days(
                        'resolved.matched_at', 'resolved.ended_at'
                    )
                }}
        end as duration_days,
        resolved.status <> 'ended' as is_open,
        keys.export_observations_count > 0 as in_export,
        keys.webhook_observations_count > 0 as in_webhooks,
        keys.export_observations_count,
        keys.webhook_observations_count,
        resolved.sessions_completed,
        resolved.events_attended,
        keys.last_observed_at
    from resolved
    inner join keys
        on
            resolved.match_id = keys.match_id
            and resolved.valid_from = keys.valid_from
)

select * from final
