{#-
    One row per Buddy match, reconciled from the export rows and the match webhooks
    (domain.md §3). The match exists if either feed has an accepted observation of it;
    each field takes the value of the most recent observation that has it. The match is
    ended when some observation says it ended with an ended_at on or before as_of_date:
    ended_at / end_reason come from the most recent such observation, and a later
    observation that says active does not reopen it. An end after as_of_date is not
    known yet. A match.ended webhook has no matched_at: when no observation has one,
    ended_at minus the reported duration stands in (is_matched_at_derived). The
    duration of an ended match is computed from its dates (they win over the reported
    duration_days). Duplicate deliveries of a webhook count once.
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
    select * from {{ ref('int_buddy_match_observations') }}
),

all_observations as (
    select * from {{ ref('stg_buddy__matches') }}
),

accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

ranked as (
    select
        observations.*,
        {{ csr_analytics.observation_rank(['match_id']) }} as _observation_rank
    from observations
),

keys as (
    select
        match_id,
        {{ csr_analytics.latest_value_ranks(value_columns) }},
        {{ csr_analytics.feed_counts() }}
    from ranked
    group by match_id
),

latest_values as (
    select
        keys.match_id,
        {{ csr_analytics.latest_values('ranked', 'keys', value_columns) }}
    from keys
    inner join ranked
        on keys.match_id = ranked.match_id
    group by keys.match_id
),

ended_observations as (
    select
        match_id,
        ended_at,
        end_reason,
        duration_days,
        row_number() over (
            partition by match_id
            order by _observation_rank
        ) as end_rank
    from ranked
    where status = 'ended'
),

latest_end as (
    select * from ended_observations
    where end_rank = 1
),

loads as (
    select
        match_id,
        max(_loaded_at) as last_loaded_at
    from all_observations
    group by match_id
),

resolved as (
    select
        latest_values.match_id,
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
        on latest_values.match_id = latest_end.match_id
),

final as (
    select
        resolved.match_id,
        resolved.participant_account_id,
        resolved.buddy_account_id,
        participants.csr_user_id as participant_user_id,
        buddies.csr_user_id as buddy_user_id,
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
        keys.last_observed_at,
        loads.last_loaded_at
    from resolved
    inner join keys
        on resolved.match_id = keys.match_id
    inner join loads
        on resolved.match_id = loads.match_id
    left join accounts as participants
        on resolved.participant_account_id = participants.account_id
    left join accounts as buddies
        on resolved.buddy_account_id = buddies.account_id
)

select * from final
