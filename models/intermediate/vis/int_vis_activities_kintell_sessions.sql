{#- Held Kintell sessions (mentorship and language), credited to the tutor or mentor. -#}
with sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

held as (
    select
        'kintell_session:' || session_id as activity_key,
        'kintell_session' as activity_source,
        'session' as activity_type,
        program_type,
        volunteer_user_id,
        participant_user_id,
        session_at as occurred_at,
        cast(null as text) as source_value,
        duration_minutes
    from sessions
    where
        is_held
        and volunteer_user_id is not null
        and {{ csr_analytics.is_on_or_before_as_of('session_at') }}
),

final as (
    select * from held
)

select * from final
