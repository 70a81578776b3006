{#-
    One row per milestone a Buddy account reached: the person, the account's role, the
    milestone's category and points, when, and the person's company on that day. Titles
    and badges stay in staging.
-#}
with milestones as (
    select * from {{ ref('int_buddy_milestones_reconciled') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

final as (
    select
        milestones.account_id,
        milestones.milestone_id,
        milestones.user_id as csr_user_id,
        milestones.account_role,
        memberships.company_id,
        milestones.milestone_category,
        milestones.target_role,
        milestones.points,
        milestones.reached_at,
        milestones.in_export,
        milestones.in_webhooks
    from milestones
    left join memberships
        on {{ csr_analytics.company_on_day(
            'memberships', 'milestones.user_id', 'milestones.reached_at'
        ) }}
)

select * from final
