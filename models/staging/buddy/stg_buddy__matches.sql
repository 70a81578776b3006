{#-
    Every accepted observation of the Buddy matches entity from both feeds — export rows
    at their file's export date and webhook events at their timestamp, each delivery of
    an event once — with its lineage (_feed, _observed_at, _load_id, _source_line).
    is_superseded marks the observations a later one of the same key replaces. The
    reconciliation of the two feeds (int_buddy_matches_reconciled, dq_reconciliation) reads
    the whole history from here.
-#}
with matches as (
    select * from {{ ref('base_buddy__matches') }}
),

final as (
    select
        _record_key,
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
        {{ csr_analytics.lineage_columns() }},
        is_superseded
    from matches
    where is_accepted
)

select * from final
