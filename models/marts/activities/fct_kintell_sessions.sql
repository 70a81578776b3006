{#-
    One row per Kintell session of the mentorship and language programs (held or only
    scheduled): participant and volunteer, when it was scheduled and held, how long, the
    participant's rating on the 0-1 scale, the CEFR level assessed (language), and the
    volunteer's company on the session's day. Feedback texts stay in staging.
-#}
with sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

final as (
    select
        sessions.session_id,
        sessions.program_type,
        sessions.spell_id,
        sessions.participant_user_id,
        sessions.volunteer_user_id,
        memberships.company_id,
        sessions.scheduled_at,
        sessions.completed_at,
        sessions.session_at,
        sessions.is_held,
        sessions.duration_minutes,
        cast(sessions.rating_normalized as numeric(18, 6)) as rating_normalized,
        sessions.cefr_level,
        sessions.cefr_step
    from sessions
    left join memberships
        on {{ csr_analytics.company_on_day(
            'memberships', 'sessions.volunteer_user_id', 'sessions.session_at'
        ) }}
)

select * from final
