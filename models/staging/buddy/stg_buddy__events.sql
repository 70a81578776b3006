{#-
    Every accepted observation of the Buddy events entity from both feeds — export rows
    at their file's export date and webhook events at their timestamp, each delivery of
    an event once — with its lineage (_feed, _observed_at, _load_id, _source_line).
    is_superseded marks the observations a later one of the same key replaces. The
    reconciliation of the two feeds (int_buddy_events_reconciled, dq_reconciliation) reads
    the whole history from here.
-#}
with events as (
    select * from {{ ref('base_buddy__events') }}
),

final as (
    select
        _record_key,
        event_id,
        match_id,
        event_type,
        event_date,
        description,
        location,
        attendees,
        {{ csr_analytics.lineage_columns() }},
        is_superseded
    from events
    where is_accepted
)

select * from final
