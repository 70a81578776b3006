{#-
    Every accepted observation of the Buddy feedback entity from both feeds — export rows
    at their file's export date and webhook events at their timestamp, each delivery of
    an event once — with its lineage (_feed, _observed_at, _load_id, _source_line).
    is_superseded marks the observations a later one of the same key replaces. The
    reconciliation of the two feeds (int_buddy_feedback_reconciled, dq_reconciliation) reads
    the whole history from here.
-#}
with feedback as (
    select * from {{ ref('base_buddy__feedback') }}
),

final as (
    select
        _record_key,
        feedback_id,
        match_id,
        from_role,
        rating,
        submitted_at,
        feedback_text,
        communication,
        helpfulness,
        engagement,
        {{ csr_analytics.lineage_columns() }},
        is_superseded
    from feedback
    where is_accepted
)

select * from final
