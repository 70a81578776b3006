{#-
    The keys of the journey-flag JSON (domain.md §6): a list of (part, keys), parts in the
    order they are merged, keys in the order they are written, each with its JSON kind:
    boolean | integer | text | date | timestamp. Every key is a column of
    int_user_journey_flags; a program's part appears only when the person has an
    enrollment in it (has_<part>_enrollment), the cross-program part always. The mart and
    int_user_facts both read this list, so a key is declared once.
-#}
{% macro journey_flag_keys() -%}
    {{ return([
        ('buddy', [
            ('is_buddy_participant', 'boolean'),
            ('is_buddy_volunteer', 'boolean'),
            ('buddy_joined_at', 'date'),
            ('buddy_last_synced', 'timestamp'),
            ('buddy_match_count', 'integer'),
            ('buddy_events_count', 'integer'),
            ('buddy_checkins_count', 'integer'),
            ('buddy_skill_sessions_count', 'integer'),
            ('buddy_milestones_count', 'integer'),
            ('buddy_match_active', 'boolean'),
            ('buddy_checkin_due', 'boolean'),
            ('buddy_feedback_pending', 'boolean'),
            ('buddy_stage', 'text'),
            ('buddy_status', 'text'),
        ]),
        ('mentorship', [
            ('is_mentorship_mentee', 'boolean'),
            ('is_mentorship_mentor', 'boolean'),
            ('mentorship_joined_at', 'date'),
            ('mentorship_sessions_count', 'integer'),
            ('mentorship_status', 'text'),
        ]),
        ('language', [
            ('is_language_learner', 'boolean'),
            ('is_language_tutor', 'boolean'),
            ('language_joined_at', 'date'),
            ('language_sessions_count', 'integer'),
            ('language_level', 'text'),
            ('language_status', 'text'),
        ]),
        ('upskilling', [
            ('is_upskilling_learner', 'boolean'),
            ('upskilling_joined_at', 'date'),
            ('upskilling_courses_completed', 'integer'),
            ('upskilling_status', 'text'),
        ]),
        ('cross_program', [
            ('programs_count', 'integer'),
            ('active_programs_count', 'integer'),
            ('last_activity_at', 'timestamp'),
            ('followup_needed', 'boolean'),
        ]),
    ]) }}
{%- endmacro %}
