{#-
    One row per Buddy feedback, reconciled from the export rows and the
    buddy.feedback.submitted webhooks: each field from the most recent observation that
    has it (domain.md §3). Ratings are on the 0-1 scale. The feedback text stays in
    staging.
-#}
with observations as (
    {{ csr_analytics.buddy_observations('base_buddy__feedback', 'submitted_at') }}
),

ranked as (
    select
        observations.*,
        {{ csr_analytics.observation_rank(['feedback_id']) }} as _observation_rank
    from observations
),

latest_values as (
    {{ csr_analytics.latest_observed_values('ranked', ['feedback_id'], [
        'match_id', 'from_role', 'rating', 'submitted_at', 'communication', 'helpfulness',
        'engagement',
    ]) }}
),

feeds as (
    {{ csr_analytics.observation_feeds('ranked', ['feedback_id']) }}
),

final as (
    select
        latest_values.feedback_id,
        latest_values.match_id,
        latest_values.from_role,
        latest_values.rating,
        latest_values.submitted_at,
        latest_values.communication,
        latest_values.helpfulness,
        latest_values.engagement,
        feeds.export_observations_count > 0 as in_export,
        feeds.webhook_observations_count > 0 as in_webhooks
    from latest_values
    inner join feeds
        on latest_values.feedback_id = feeds.feedback_id
)

select * from final
