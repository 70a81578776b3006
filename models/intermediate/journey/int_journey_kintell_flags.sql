{#-
    The Kintell keys of the journey flags (domain.md §6), one row per person and Kintell
    program (mentorship, language) they are enrolled in: the roles they hold, joined_at
    (enrolled_at as a date), held sessions on either side, and the language level of
    their latest held session as a learner that has one (upper-cased; on equal times the
    higher level).
-#}
with enrollments as (
    select * from {{ ref('int_program_enrollments') }}
    where program_type in ('mentorship', 'language')
),

program_roles as (
    select * from {{ ref('int_journey_program_roles') }}
),

sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

held_session_people as (
    select
        program_type,
        session_id,
        participant_user_id as csr_user_id
    from sessions
    where is_held
    union all
    select
        program_type,
        session_id,
        volunteer_user_id as csr_user_id
    from sessions
    where is_held
),

held_session_counts as (
    select
        csr_user_id,
        program_type,
        count(distinct session_id) as held_sessions_count
    from held_session_people
    group by
        csr_user_id,
        program_type
),

leveled_sessions as (
    select
        participant_user_id as csr_user_id,
        program_type,
        upper(cefr_level) as cefr_level,
        row_number() over (
            partition by participant_user_id, program_type
            order by
                session_at desc,
                cefr_step desc,
                {{ csr_analytics.binary_order('session_id') }}
        ) as level_rank
    from sessions
    where
        is_held
        and cefr_level is not null
),

latest_levels as (
    select
        csr_user_id,
        program_type,
        cefr_level
    from leveled_sessions
    where level_rank = 1
),

final as (
    select
        enrollments.csr_user_id,
        enrollments.program_type,
        coalesce(program_roles.holds_beneficiary_role, false) as holds_beneficiary_role,
        coalesce(program_roles.holds_volunteer_role, false) as holds_volunteer_role,
        cast(enrollments.enrolled_at as date) as joined_at,
        cast(coalesce(held_session_counts.held_sessions_count, 0) as integer)
            as held_sessions_count,
        latest_levels.cefr_level as language_level,
        enrollments.status
    from enrollments
    left join program_roles
        on
            enrollments.csr_user_id = program_roles.csr_user_id
            and enrollments.program_type = program_roles.program_type
    left join held_session_counts
        on
            enrollments.csr_user_id = held_session_counts.csr_user_id
            and enrollments.program_type = held_session_counts.program_type
    left join latest_levels
        on
            enrollments.csr_user_id = latest_levels.csr_user_id
            and enrollments.program_type = latest_levels.program_type
)

select * from final
