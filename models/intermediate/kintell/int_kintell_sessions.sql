{#-
    One row per Kintell session (mentorship and language) whose session time is on or
    before as_of_date. Session time = completed_at, else scheduled_at (domain.md §0); a
    session is held when it has a completed_at. People are their normalised emails'
    csr_user_id. spell_id identifies the (program, participant, volunteer) pair: the md5
    of `program|participant email|volunteer email`, formatted as a UUID (domain.md §4).
-#}
with sessions as (
    select * from {{ ref('stg_kintell__sessions') }}
),

timed as (
    select
        sessions.*,
        {{ csr_analytics.normalize_email('participant_email') }} as participant_key,
        {{ csr_analytics.normalize_email('volunteer_email') }} as volunteer_key,
        coalesce(completed_at, scheduled_at) as session_at
    from sessions
),

as_of_sessions as (
    select * from timed
    where {{ csr_analytics.is_on_or_before_as_of('session_at') }}
),

final as (
    select
        session_id,
        program_type,
        {{ csr_analytics.csr_user_id('participant_email') }} as participant_user_id,
        {{ csr_analytics.csr_user_id('volunteer_email') }} as volunteer_user_id,
        scheduled_at,
        completed_at,
        session_at,
        completed_at is not null as is_held,
        duration_minutes,
        rating_normalized,
        cefr_level,
        case cefr_level
            when 'A1' then 1
            when 'A2' then 2
            when 'B1' then 3
            when 'B2' then 4
            when 'C1' then 5
            when 'C2' then 6
        end as cefr_step,
        {{ csr_analytics.uuid_from_text(
            "program_type || '|' || participant_key || '|' || volunteer_key"
        ) }} as spell_id
    from as_of_sessions
)

select * from final
