{#-
    Participation spells (domain.md §4) on every date of the status history
    (int_status_dates): one row per date, program, spell and person, in the state a
    build with that as_of_date gives it, in one shape for every program. Each program
    maps its data onto that shape in its own CTE, naming the side of each person
    (beneficiary or volunteer); the program's role name comes from the program_roles
    seed. A new program adds one mapping CTE to the union
    (docs/adding_a_program.md). int_participation_spells is the history's as_of_date.
-#}
with status_dates as (
    select * from {{ ref('int_status_dates') }}
),

match_versions as (
    select * from {{ ref('int_buddy_match_versions') }}
),

account_versions as (
    select * from {{ ref('int_buddy_account_versions') }}
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

-- buddy: each match is a spell of its participant and of its buddy, in the match's and
-- the accounts' versions valid on the date; open unless ended
buddy_match_spells as (
    select
        status_dates.status_date,
        match_versions.match_id as spell_id,
        participants.csr_user_id as participant_user_id,
        buddies.csr_user_id as buddy_user_id,
        match_versions.matched_at as started_at,
        case when not match_versions.is_open then match_versions.ended_at end as ended_at,
        case when not match_versions.is_open then match_versions.end_reason end as end_reason,
        match_versions.is_open
    from match_versions
    inner join status_dates
        on
            match_versions.valid_from <= status_dates.status_date
            and (
                match_versions.valid_to is null
                or match_versions.valid_to > status_dates.status_date
            )
    left join account_versions as participants
        on
            match_versions.participant_account_id = participants.account_id
            and status_dates.status_date >= participants.valid_from
            and (
                participants.valid_to is null
                or status_dates.status_date < participants.valid_to
            )
    left join account_versions as buddies
        on
            match_versions.buddy_account_id = buddies.account_id
            and status_dates.status_date >= buddies.valid_from
            and (
                buddies.valid_to is null
                or status_dates.status_date < buddies.valid_to
            )
),

buddy_spells as (
    select
        status_date,
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
        status_date,
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
-- every session row counts (held or not) at its session time, from the first status
-- date on or after it. A new pair program adds its sessions here.
pair_sessions as (
    select
        program_type,
        spell_id,
        participant_user_id,
        volunteer_user_id,
        session_at,
        is_held,
        {{ csr_analytics.first_status_date('session_at') }} as first_status_date
    from kintell_sessions
),

pair_sessions_by_date as (
    select
        program_type,
        spell_id,
        participant_user_id,
        volunteer_user_id,
        first_status_date as status_date,
        min(session_at) as first_session_at,
        max(session_at) as last_session_at,
        sum(case when is_held then 1 else 0 end) as held_sessions_count
    from pair_sessions
    group by
        program_type,
        spell_id,
        participant_user_id,
        volunteer_user_id,
        first_status_date
),

pair_first_dates as (
    select
        program_type,
        spell_id,
        participant_user_id,
        volunteer_user_id,
        min(status_date) as first_status_date
    from pair_sessions_by_date
    group by
        program_type,
        spell_id,
        participant_user_id,
        volunteer_user_id
),

-- every status date from the pair's first on, and the dates its sessions count from
pair_dates as (
    select
        pair_first_dates.program_type,
        pair_first_dates.spell_id,
        pair_first_dates.participant_user_id,
        pair_first_dates.volunteer_user_id,
        status_dates.status_date
    from pair_first_dates
    inner join status_dates
        on pair_first_dates.first_status_date <= status_dates.status_date

    union

    select
        program_type,
        spell_id,
        participant_user_id,
        volunteer_user_id,
        status_date
    from pair_sessions_by_date
),

-- a pair on a date: its sessions up to that date
pairs_so_far as (
    select
        pair_dates.program_type,
        pair_dates.spell_id,
        pair_dates.participant_user_id,
        pair_dates.volunteer_user_id,
        pair_dates.status_date,
        min(pair_sessions_by_date.first_session_at) over pair_so_far as first_session_at,
        max(pair_sessions_by_date.last_session_at) over pair_so_far as last_session_at,
        cast(
            coalesce(sum(pair_sessions_by_date.held_sessions_count) over pair_so_far, 0)
            as integer
        ) as held_sessions_count
    from pair_dates
    left join pair_sessions_by_date
        on
            pair_dates.program_type = pair_sessions_by_date.program_type
            and pair_dates.spell_id = pair_sessions_by_date.spell_id
            and pair_dates.participant_user_id = pair_sessions_by_date.participant_user_id
            and pair_dates.volunteer_user_id = pair_sessions_by_date.volunteer_user_id
            and pair_dates.status_date = pair_sessions_by_date.status_date
    window pair_so_far as (
        partition by
            pair_dates.program_type,
            pair_dates.spell_id,
            pair_dates.participant_user_id,
            pair_dates.volunteer_user_id
        order by pair_dates.status_date
        rows between unbounded preceding and current row
    )
),

pairs as (
    select pairs_so_far.*
    from pairs_so_far
    inner join status_dates
        on pairs_so_far.status_date = status_dates.status_date
),

pair_states as (
    select
        *,
        {{ csr_analytics.days_since('last_session_at', 'status_date') }}
        > {{ var('pair_inactivity_days') }} as is_ended
    from pairs
),

pair_spells as (
    select
        status_date,
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
        status_date,
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
        status_date,
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

-- upskilling: each course of a person is a spell, in the state of its record that is
-- the course's state on the date
course_states as (
    select
        status_dates.status_date,
        course_records.*
    from course_records
    inner join status_dates
        on
            cast(course_records.updated_at as date) <= status_dates.status_date
            and (
                course_records.next_recorded_on is null
                or course_records.next_recorded_on > status_dates.status_date
            )
    where course_records.is_last_of_day
),

upskilling_spells as (
    select
        status_date,
        'upskilling' as program_type,
        spell_id,
        csr_user_id,
        'beneficiary' as csr_role,
        course_started_at as started_at,
        case status
            when 'completed' then completed_at
            when 'dropped' then updated_at
        end as ended_at,
        case
            when status in ('completed', 'dropped') then status
        end as end_reason,
        status in ('enrolled', 'in_progress') as is_open,
        cast(null as text) as counterpart_user_id,
        cast(null as integer) as sessions_count
    from course_states
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
        all_spells.status_date,
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
        on
            all_spells.program_type = program_roles.program_type
            and all_spells.csr_role = program_roles.csr_role
    where all_spells.csr_user_id is not null
)

select * from final
