{#-
    Participation spells (domain.md §4): one row per program, spell and person, in one
    shape for every program. Each program maps its data onto that shape in its own
    CTE, naming the side of each person (beneficiary or volunteer); the program's role
    name comes from the program_roles seed. A new program adds one mapping CTE to the
    union (docs/adding_a_program.md).
-#}
with buddy_matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

kintell_sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

course_records as (
    select * from {{ ref('int_course_records') }}
),

program_roles as (
    select * from {{ ref('program_roles') }}
),

-- buddy: each match is a spell of its participant and of its buddy; open unless ended
buddy_match_spells as (
    select
        match_id as spell_id,
        participant_user_id,
        buddy_user_id,
        matched_at as started_at,
        case when not is_open then ended_at end as ended_at,
        case when not is_open then end_reason end as end_reason,
        is_open
    from buddy_matches
),

buddy_spells as (
    select
        'buddy' as program_type,
        spell_id,
        participant_user_id as csr_user_id,
        'beneficiary' as csr_role,
        started_at,
        ended_at,
        end_reason,
        is_open,
        buddy_user_id as counterpart_user_id,
        cast(null as integer) as sessions_count
    from buddy_match_spells

    union all

    select
        'buddy' as program_type,
        spell_id,
        buddy_user_id as csr_user_id,
        'volunteer' as csr_role,
        started_at,
        ended_at,
        end_reason,
        is_open,
        participant_user_id as counterpart_user_id,
        cast(null as integer) as sessions_count
    from buddy_match_spells
),

-- pair programs (mentorship, language): each (participant, volunteer) pair is a spell;
-- every session row counts (held or not) at its session time. A new pair program adds
-- its sessions here.
pair_sessions as (
    select
        program_type,
        spell_id,
        participant_user_id,
        volunteer_user_id,
        session_at,
        is_held
    from kintell_sessions
),

pairs as (
    select
        program_type,
        spell_id,
        participant_user_id,
        volunteer_user_id,
        min(session_at) as first_session_at,
        max(session_at) as last_session_at,
        cast(sum(case when is_held then 1 else 0 end) as integer) as held_sessions_count
    from pair_sessions
    group by
        program_type,
        spell_id,
        participant_user_id,
        volunteer_user_id
),

pair_states as (
    select
        *,
        {{ csr_analytics.days_since('last_session_at') }}
        > {{ var('pair_inactivity_days') }} as is_ended
    from pairs
),

pair_spells as (
    select
        program_type,
        spell_id,
        participant_user_id,
        volunteer_user_id,
        first_session_at as started_at,
        case when is_ended then last_session_at end as ended_at,
        case
            when not is_ended then null
            when held_sessions_count >= {{ var('pair_completion_min_sessions') }}
                then 'completed'
            else 'inactivity'
        end as end_reason,
        not is_ended as is_open,
        held_sessions_count as sessions_count
    from pair_states
),

pair_program_spells as (
    select
        program_type,
        spell_id,
        participant_user_id as csr_user_id,
        'beneficiary' as csr_role,
        started_at,
        ended_at,
        end_reason,
        is_open,
        volunteer_user_id as counterpart_user_id,
        sessions_count
    from pair_spells

    union all

    select
        program_type,
        spell_id,
        volunteer_user_id as csr_user_id,
        'volunteer' as csr_role,
        started_at,
        ended_at,
        end_reason,
        is_open,
        participant_user_id as counterpart_user_id,
        sessions_count
    from pair_spells
),

-- upskilling: each course of a person is a spell, in the state of its current record
course_starts as (
    select
        csr_user_id,
        spell_id,
        min(coalesce(started_at, updated_at)) as started_at
    from course_records
    group by
        csr_user_id,
        spell_id
),

current_course_records as (
    select * from course_records
    where is_current
),

upskilling_spells as (
    select
        'upskilling' as program_type,
        current_course_records.spell_id,
        current_course_records.csr_user_id,
        'beneficiary' as csr_role,
        course_starts.started_at,
        case current_course_records.status
            when 'completed' then current_course_records.completed_at
            when 'dropped' then current_course_records.updated_at
        end as ended_at,
        case
            when current_course_records.status in ('completed', 'dropped')
                then current_course_records.status
        end as end_reason,
        current_course_records.status in ('enrolled', 'in_progress') as is_open,
        cast(null as text) as counterpart_user_id,
        cast(null as integer) as sessions_count
    from current_course_records
    inner join course_starts
        on current_course_records.csr_user_id = course_starts.csr_user_id
            and current_course_records.spell_id = course_starts.spell_id
),

all_spells as (
    select * from buddy_spells
    union all
    select * from pair_program_spells
    union all
    select * from upskilling_spells
),

final as (
    select
        all_spells.program_type,
        all_spells.spell_id,
        all_spells.csr_user_id,
        program_roles.role,
        all_spells.csr_role,
        all_spells.started_at,
        all_spells.ended_at,
        all_spells.end_reason,
        all_spells.is_open,
        all_spells.counterpart_user_id,
        all_spells.sessions_count
    from all_spells
    left join program_roles
        on all_spells.program_type = program_roles.program_type
            and all_spells.csr_role = program_roles.csr_role
    where all_spells.csr_user_id is not null
)

select * from final
