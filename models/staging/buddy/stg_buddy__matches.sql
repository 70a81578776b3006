with matches as (
    select * from {{ ref('base_buddy__matches') }}
),

final as (
    select
        match_id,
        participant_id,
        buddy_id,
        matched_at,
        status,
        ended_at,
        end_reason,
        duration_days,
        sessions_completed,
        events_attended,
        {{ csr_analytics.lineage_columns() }}
    from matches
    where is_accepted and not is_superseded
)

select * from final
