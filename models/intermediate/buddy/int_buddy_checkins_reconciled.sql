{#-
    One row per Buddy check-in, reconciled from the export rows and the
    buddy.checkin.completed webhooks: each field from the most recent observation that
    has it (domain.md §3). mood_rank: great 5, good 4, okay 3, struggling 2, difficult 1.
-#}
with observations as (
    {{ csr_analytics.buddy_observations('base_buddy__checkins', 'checkin_date') }}
),

ranked as (
    select
        observations.*,
        {{ csr_analytics.observation_rank(['checkin_id']) }} as _observation_rank
    from observations
),

latest_values as (
    {{ csr_analytics.latest_observed_values('ranked', ['checkin_id'], [
        'match_id', 'checkin_date', 'mood',
    ]) }}
),

feeds as (
    {{ csr_analytics.observation_feeds('ranked', ['checkin_id']) }}
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
        feeds.export_observations_count > 0 as in_export,
        feeds.webhook_observations_count > 0 as in_webhooks
    from latest_values
    inner join feeds
        on latest_values.checkin_id = feeds.checkin_id
)

select * from final
