{#-
    One row per Buddy check-in, reconciled from the export rows and the
    buddy.checkin.completed webhooks: each field from the most recent observation that
    has it (domain.md §3). mood_rank: great 5, good 4, okay 3, struggling 2, difficult 1.
-#}
{%- set value_columns = [
    'match_id',
    'checkin_date',
    'mood',
] -%}

with observations as (
    select * from {{ ref('stg_buddy__checkins') }}
),

as_of_observations as (
    select * from observations
    where {{ csr_analytics.is_on_or_before_as_of('checkin_date') }}
),

ranked as (
    select
        as_of_observations.*,
        {{ csr_analytics.observation_rank(['checkin_id']) }} as _observation_rank
    from as_of_observations
),

keys as (
    select
        checkin_id,
        {{ csr_analytics.latest_value_ranks(value_columns) }},
        {{ csr_analytics.feed_counts() }}
    from ranked
    group by
        checkin_id
),

latest_values as (
    select
        keys.checkin_id,
        {{ csr_analytics.latest_values('ranked', 'keys', value_columns) }}
    from keys
    inner join ranked
        on
            keys.checkin_id = ranked.checkin_id
    group by
        keys.checkin_id
),

loads as (
    select
        checkin_id,
        max(_loaded_at) as last_loaded_at
    from observations
    group by
        checkin_id
),

final as (
    select
        latest_values.checkin_id,
        latest_values.match_id,
        latest_values.checkin_date,
        latest_values.mood,
        case latest_values.mood
            when 'great' then 5
            when 'good' then 4
            when 'okay' then 3
            when 'struggling' then 2
            when 'difficult' then 1
        end as mood_rank,
        keys.export_observations_count > 0 as in_export,
        keys.webhook_observations_count > 0 as in_webhooks,
        loads.last_loaded_at
    from latest_values
    inner join keys
        on
            latest_values.checkin_id = keys.checkin_id
    inner join loads
        on
            latest_values.checkin_id = loads.checkin_id
)

select * from final
