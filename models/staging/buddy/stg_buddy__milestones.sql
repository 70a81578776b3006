{#-
    Every accepted observation of the Buddy milestones entity from both feeds — export rows
    at their file's export date and webhook events at their timestamp, each delivery of
    an event once — with its lineage (_feed, _observed_at, _load_id, _source_line).
    is_superseded marks the observations a later one of the same key replaces. The
    reconciliation of the two feeds (int_buddy_milestones_reconciled, dq_reconciliation) reads
    the whole history from here.
-#}
with milestones as (
    select * from {{ ref('base_buddy__milestones') }}
),

final as (
    select
        _record_key,
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
        {{ csr_analytics.lineage_columns() }},
        is_superseded
    from milestones
    where is_accepted
)

select * from final
