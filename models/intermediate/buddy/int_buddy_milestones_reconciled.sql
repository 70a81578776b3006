{#-
    One row per Buddy account and milestone reached, reconciled from the export rows and
    the buddy.milestone.reached webhooks: each field from the most recent observation
    that has it (domain.md §3). The account resolves to its person through
    int_buddy_accounts.
-#}
with observations as (
    {{ csr_analytics.buddy_observations('base_buddy__milestones', 'reached_at') }}
),

accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

ranked as (
    select
        observations.*,
        {{ csr_analytics.observation_rank(['user_id', 'milestone_id']) }}
            as _observation_rank
    from observations
),

latest_values as (
    {{ csr_analytics.latest_observed_values('ranked', ['user_id', 'milestone_id'], [
        'milestone_category', 'reached_at', 'points', 'target_role',
    ]) }}
),

feeds as (
    {{ csr_analytics.observation_feeds('ranked', ['user_id', 'milestone_id']) }}
),

final as (
    select
        latest_values.user_id as account_id,
        latest_values.milestone_id,
        accounts.csr_user_id as user_id,
        accounts.role as account_role,
        latest_values.milestone_category,
        latest_values.reached_at,
        latest_values.points,
        latest_values.target_role,
        feeds.export_observations_count > 0 as in_export,
        feeds.webhook_observations_count > 0 as in_webhooks
    from latest_values
    inner join feeds
        on latest_values.user_id = feeds.user_id
            and latest_values.milestone_id = feeds.milestone_id
    left join accounts
        on latest_values.user_id = accounts.account_id
)

select * from final
