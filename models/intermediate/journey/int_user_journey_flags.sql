{#-
    Every journey flag of domain.md §6 as a typed column, one row per person; the keys of
    a program are null when the person has no enrollment in it (has_<program>_enrollment
    is false). dim_user_journey_flags writes these columns as JSON and int_user_facts
    as facts for the journey rules; macros/journey/journey_flag_keys.sql lists them.
-#}
with cross_program_flags as (
    select * from {{ ref('int_journey_cross_program_flags') }}
),

buddy_flags as (
    select * from {{ ref('int_journey_buddy_flags') }}
),

kintell_flags as (
    select * from {{ ref('int_journey_kintell_flags') }}
),

upskilling_flags as (
    select * from {{ ref('int_journey_upskilling_flags') }}
),

mentorship_flags as (
    select
        csr_user_id,
        holds_beneficiary_role as is_mentorship_mentee,
        holds_volunteer_role as is_mentorship_mentor,
        joined_at as mentorship_joined_at,
        held_sessions_count as mentorship_sessions_count,
        status as mentorship_status
    from kintell_flags
    where program_type = 'mentorship'
),

language_flags as (
    select
        csr_user_id,
        holds_beneficiary_role as is_language_learner,
        holds_volunteer_role as is_language_tutor,
        joined_at as language_joined_at,
        held_sessions_count as language_sessions_count,
        language_level,
        status as language_status
    from kintell_flags
    where program_type = 'language'
),

final as (
    select
        cross_program_flags.csr_user_id,
        buddy_flags.csr_user_id is not null as has_buddy_enrollment,
        mentorship_flags.csr_user_id is not null as has_mentorship_enrollment,
        language_flags.csr_user_id is not null as has_language_enrollment,
        upskilling_flags.csr_user_id is not null as has_upskilling_enrollment,
        buddy_flags.is_buddy_participant,
        buddy_flags.is_buddy_volunteer,
        buddy_flags.buddy_joined_at,
        buddy_flags.buddy_last_synced,
        buddy_flags.buddy_match_count,
        buddy_flags.buddy_events_count,
        buddy_flags.buddy_checkins_count,
        buddy_flags.buddy_skill_sessions_count,
        buddy_flags.buddy_milestones_count,
        buddy_flags.buddy_match_active,
        buddy_flags.buddy_checkin_due,
        buddy_flags.buddy_feedback_pending,
        buddy_flags.buddy_stage,
        buddy_flags.buddy_status,
        mentorship_flags.is_mentorship_mentee,
        mentorship_flags.is_mentorship_mentor,
        mentorship_flags.mentorship_joined_at,
        mentorship_flags.mentorship_sessions_count,
        mentorship_flags.mentorship_status,
        language_flags.is_language_learner,
        language_flags.is_language_tutor,
        language_flags.language_joined_at,
        language_flags.language_sessions_count,
        language_flags.language_level,
        language_flags.language_status,
        upskilling_flags.is_upskilling_learner,
        upskilling_flags.upskilling_joined_at,
        upskilling_flags.upskilling_courses_completed,
        upskilling_flags.upskilling_status,
        cross_program_flags.programs_count,
        cross_program_flags.active_programs_count,
        cross_program_flags.last_activity_at,
        cross_program_flags.followup_needed
    from cross_program_flags
    left join buddy_flags
        on cross_program_flags.csr_user_id = buddy_flags.csr_user_id
    left join mentorship_flags
        on cross_program_flags.csr_user_id = mentorship_flags.csr_user_id
    left join language_flags
        on cross_program_flags.csr_user_id = language_flags.csr_user_id
    left join upskilling_flags
        on cross_program_flags.csr_user_id = upskilling_flags.csr_user_id
)

select * from final
