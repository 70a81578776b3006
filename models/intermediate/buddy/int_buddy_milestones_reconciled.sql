{#-
    One row per Buddy account and milestone reached, reconciled from the export rows and
    the buddy.milestone.reached webhooks: each field from the most recent observation
    that has it (domain.md §3). The account resolves to its person through
    int_buddy_accounts.
-#}
{%- set value_columns = [
    'milestone_category',
    'reached_at',
    'points',
    'target_role',
] -%}

with observations as (
    select * from {{ ref('stg_buddy__milestones') }}
),

as_of_observations as (
    select * from observations
    where {{ csr_analytics.is_on_or_before_as_of('reached_at') }}
),

accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

ranked as (
    select
        as_of_observations.*,
        {{ csr_analytics.observation_rank(['user_id', 'milestone_id']) }} as _observation_rank
    from as_of_observations
),

keys as (
    select
        user_id,
        milestone_id,
        {{ csr_analytics.latest_value_ranks(value_columns) }},
        {{ csr_analytics.feed_counts() }}
    from ranked
    group by
        user_id,
        milestone_id
),

latest_values as (
    select
        keys.user_id,
        keys.milestone_id,
        {{ csr_analytics.latest_values('ranked', 'keys', value_columns) }}
    from keys
    inner join ranked
        on
            keys.user_id = ranked.user_id
            and keys.milestone_id = ranked.milestone_id
    group by
        keys.user_id,
        keys.milestone_id
),

loads as (
    select
        user_id,
        milestone_id,
        max(_loaded_at) as last_loaded_at
    from observations
    group by
        user_id,
        milestone_id
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
        keys.export_observations_count > 0 as in_export,
        keys.webhook_observations_count > 0 as in_webhooks,
        loads.last_loaded_at
    from latest_values
    inner join keys
        on
            latest_values.user_id = keys.user_id
            and latest_values.milestone_id = keys.milestone_id
    inner join loads
        on
            latest_values.user_id = loads.user_id
            and latest_values.milestone_id = loads.milestone_id
    left join accounts
        on latest_values.user_id = accounts.account_id
)

select * from final
