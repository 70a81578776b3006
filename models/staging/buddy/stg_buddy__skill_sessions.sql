with skill_sessions as (
    select * from {{ ref('base_buddy__skill_sessions') }}
),

final as (
    select
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
        {{ csr_analytics.lineage_columns() }}
    from skill_sessions
    where is_accepted and not is_superseded
)

select * from final
