with milestones as (
    select * from {{ ref('base_buddy__milestones') }}
),

final as (
    select
        milestone_id,
        user_id,
        milestone_title,
        milestone_category,
        reached_at,
        points,
        badge_icon,
        target_role,
        progress,
        metadata,
        {{ csr_analytics.lineage_columns() }}
    from milestones
    where is_accepted and not is_superseded
)

select * from final
