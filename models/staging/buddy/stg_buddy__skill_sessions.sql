{#-
    Every accepted observation of the Buddy skill sessions entity from both feeds — export rows
    at their file's export date and webhook events at their timestamp, each delivery of
    an event once — with its lineage (_feed, _observed_at, _load_id, _source_line).
    is_superseded marks the observations a later one of the same key replaces. The
    reconciliation of the two feeds (int_buddy_skill_sessions_reconciled, dq_reconciliation) reads
    the whole history from here.
-#}
with skill_sessions as (
    select * from {{ ref('base_buddy__skill_sessions') }}
),

final as (
    select
        _record_key,
        session_id,
        skill_id,
        skill_name,
        teacher_id,
        learner_id,
        completed_at,
        skill_category,
        match_id,
        scheduled_at,
        duration_minutes,
        format,
        proficiency_level,
        teacher_rating,
        learner_rating,
        teacher_comment,
        learner_comment,
        learner_progress,
        sdg_goals,
        valuation_points,
        {{ csr_analytics.lineage_columns() }},
        is_superseded
    from skill_sessions
    where is_accepted
)

select * from final
