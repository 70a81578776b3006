{#-
    One row per Buddy feedback, reconciled from the export rows and the
    buddy.feedback.submitted webhooks: each field from the most recent observation that
    has it (domain.md §3). Ratings are on the 0-1 scale. The feedback text stays in
    staging.
-#}
{%- set value_columns = [
    'match_id',
    'from_role',
    'rating',
    'submitted_at',
    'communication',
    'helpfulness',
    'engagement',
] -%}

with observations as (
    select * from {{ ref('stg_buddy__feedback') }}
),

as_of_observations as (
    select * from observations
    where {{ csr_analytics.is_on_or_before_as_of('submitted_at') }}
),

ranked as (
    select
        as_of_observations.*,
        {{ csr_analytics.observation_rank(['feedback_id']) }} as _observation_rank
    from as_of_observations
),

keys as (
    select
        feedback_id,
        {{ csr_analytics.latest_value_ranks(value_columns) }},
        {{ csr_analytics.feed_counts() }}
    from ranked
    group by
        feedback_id
),

latest_values as (
    select
        keys.feedback_id,
        {{ csr_analytics.latest_values('ranked', 'keys', value_columns) }}
    from keys
    inner join ranked
        on
            keys.feedback_id = ranked.feedback_id
    group by
        keys.feedback_id
),

loads as (
    select
        feedback_id,
        max(_loaded_at) as last_loaded_at
    from observations
    group by
        feedback_id
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
        keys.export_observations_count > 0 as in_export,
        keys.webhook_observations_count > 0 as in_webhooks,
        loads.last_loaded_at
    from latest_values
    inner join keys
        on
            latest_values.feedback_id = keys.feedback_id
    inner join loads
        on
            latest_values.feedback_id = loads.feedback_id
)

select * from final
