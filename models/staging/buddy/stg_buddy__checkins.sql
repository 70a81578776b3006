{#-
    Every accepted observation of the Buddy checkins entity from both feeds — export rows
    at their file's export date and webhook events at their timestamp, each delivery of
    an event once — with its lineage (_feed, _observed_at, _load_id, _source_line).
    is_superseded marks the observations a later one of the same key replaces. The
    reconciliation of the two feeds (int_buddy_checkins_reconciled, dq_reconciliation) reads
    the whole history from here.
-#}
with checkins as (
    select * from {{ ref('base_buddy__checkins') }}
),

final as (
    select
        _record_key,
        checkin_id,
        match_id,
        checkin_date,
        mood,
        notes,
        question_responses,
        {{ csr_analytics.lineage_columns() }},
        is_superseded
    from checkins
    where is_accepted
)

select * from final
