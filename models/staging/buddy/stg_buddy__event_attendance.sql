{#-
    Every accepted observation of the Buddy event attendance entity from both feeds — export rows
    at their file's export date and webhook events at their timestamp, each delivery of
    an event once — with its lineage (_feed, _observed_at, _load_id, _source_line).
    is_superseded marks the observations a later one of the same key replaces. The
    reconciliation of the two feeds (int_buddy_event_attendance_reconciled, dq_reconciliation) reads
    the whole history from here.
-#}
with event_attendance as (
    select * from {{ ref('base_buddy__event_attendance') }}
),

final as (
    select
        _record_key,
        event_id,
        user_id,
        event_title,
        event_type,
        event_format,
        attended_at,
        match_id,
        location,
        duration_minutes,
        attendee_count,
        organizer,
        categories,
        sdg_goals,
        {{ csr_analytics.lineage_columns() }},
        is_superseded
    from event_attendance
    where is_accepted
)

select * from final
