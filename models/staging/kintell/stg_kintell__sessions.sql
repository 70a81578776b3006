with sessions as (
    select * from {{ ref('base_kintell__sessions') }}
),

final as (
    select
        session_id,
        session_type,
        participant_email,
        volunteer_email,
        scheduled_at,
        completed_at,
        duration_minutes,
        rating,
        feedback_text,
        language_level,
        topics,
        focus_area,
        goals_discussed,
        metadata,
        program_type,
        cefr_level,
        rating_normalized,
        {{ csr_analytics.lineage_columns() }}
    from sessions
    where is_accepted and not is_superseded
)

select * from final
