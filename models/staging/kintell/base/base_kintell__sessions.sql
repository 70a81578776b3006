{#-
    Sessions of both Kintell programs from the two per-program exports and the older
    combined export, in one shape. The program comes from the file (combined export:
    from session_type). The same session_id in both formats is one session; a session_id
    seen in both programs is rejected in both.
-#}
{%- set columns = [
    {'name': 'session_id', 'required': true},
    {'name': 'session_type', 'type': 'enum', 'case_insensitive': true,
        'values': ['language connect', 'mentorship']},
    {'name': 'participant_email', 'type': 'email', 'required': true},
    {'name': 'volunteer_email', 'type': 'email', 'required': true},
    {'name': 'scheduled_at', 'type': 'timestamp', 'required': true},
    {'name': 'completed_at', 'type': 'timestamp', 'business': true},
    {'name': 'duration_minutes', 'type': 'integer', 'min': 1, 'max': 480},
    {'name': 'rating', 'type': 'number', 'min': 1, 'max': 5},
    {'name': 'feedback_text', 'max_length': 5000, 'free_text': true},
    {'name': 'language_level', 'type': 'enum', 'case_insensitive': true,
        'values': ['a1', 'a2', 'b1', 'b2', 'c1', 'c2']},
    {'name': 'topics', 'free_text': true},
    {'name': 'focus_area', 'free_text': true},
    {'name': 'goals_discussed', 'free_text': true},
    {'name': 'metadata', 'type': 'json_any'},
] -%}

with language_rows as (
    select * from {{ source('kintell', 'kintell_language_sessions') }}
),

mentorship_rows as (
    select * from {{ source('kintell', 'kintell_mentorship_sessions') }}
),

combined_rows as (
    select * from {{ source('kintell', 'kintell_sessions') }}
),

observations as (
    select
        {{ csr_analytics.export_lineage('language_rows', 'kintell_language_sessions') }},
        'language' as file_program_type,
        language_rows.session_id,
        cast(null as text) as session_type,
        language_rows.participant_email,
        language_rows.volunteer_email,
        language_rows.scheduled_at,
        language_rows.completed_at,
        language_rows.duration_minutes,
        language_rows.rating,
        language_rows.feedback_text,
        language_rows.language_level,
        language_rows.topics,
        cast(null as text) as focus_area,
        cast(null as text) as goals_discussed,
        language_rows.metadata
    from language_rows
    union all
    select
        {{ csr_analytics.export_lineage('mentorship_rows', 'kintell_mentorship_sessions') }},
        'mentorship' as file_program_type,
        mentorship_rows.session_id,
        cast(null as text) as session_type,
        mentorship_rows.participant_email,
        mentorship_rows.mentor_email as volunteer_email,
        mentorship_rows.scheduled_at,
        mentorship_rows.completed_at,
        mentorship_rows.duration_minutes,
        mentorship_rows.rating,
        mentorship_rows.feedback_text,
        cast(null as text) as language_level,
        cast(null as text) as topics,
        mentorship_rows.focus_area,
        mentorship_rows.goals_discussed,
        mentorship_rows.metadata
    from mentorship_rows
    union all
    select
        {{ csr_analytics.export_lineage('combined_rows', 'kintell_sessions') }},
        cast(null as text) as file_program_type,
        combined_rows.session_id,
        combined_rows.session_type,
        combined_rows.participant_email,
        combined_rows.volunteer_email,
        combined_rows.date as scheduled_at,
        combined_rows.date as completed_at,
        combined_rows.duration_min as duration_minutes,
        combined_rows.rating,
        combined_rows.feedback_text,
        combined_rows.language_level,
        cast(null as text) as topics,
        cast(null as text) as focus_area,
        cast(null as text) as goals_discussed,
        cast(null as text) as metadata
    from combined_rows
),

cleaned as (
    select
        {{ csr_analytics.lineage_columns() }},
        {{ csr_analytics.staged_text_columns(columns) }},
        file_program_type
    from observations
),

typed as (
    select
        cleaned.*,
        {{ csr_analytics.staged_typed_columns(columns) }}
    from cleaned
),

programs as (
    select
        typed.*,
        coalesce(
            file_program_type,
            case session_type
                when 'language connect' then 'language'
                when 'mentorship' then 'mentorship'
            end
        ) as program_type,
        upper(language_level) as cefr_level,
        {{ csr_analytics.safe_divide('rating - 1', 4) }} as rating_normalized
    from typed
),

checked as (
    select
        programs.*,
        coalesce(session_id__text, '') as _record_key,
        {{ csr_analytics.staged_failures(columns, [
            csr_analytics.check_condition(
                "file_program_type is null and session_type__text is null", 'missing:session_type'),
            csr_analytics.check_condition(
                'completed_at is not null and duration_minutes__text is null', 'missing:duration_minutes'),
            csr_analytics.check_condition('completed_at < scheduled_at', 'before_start:completed_at'),
            csr_analytics.check_condition(
                'participant_email = volunteer_email', 'self_reference:volunteer_email'),
            csr_analytics.check_condition(
                "_observed_at is not null and scheduled_at < "
                ~ dbt.dateadd('year', -1 * var('kintell_max_history_years'), '_observed_at'),
                'too_old:scheduled_at'),
        ]) }} as _row_failures,
        {{ csr_analytics.staged_warnings() }} as _warnings
    from programs
),

programs_per_session as (
    select
        session_id,
        count(distinct program_type) as programs_count
    from checked
    where _row_failures is null
    group by session_id
),

rechecked as (
    select
        checked.*,
        {{ csr_analytics.code_list([
            '_row_failures',
            csr_analytics.check_condition(
                'programs_per_session.programs_count > 1', 'in_both_programs:session_id'),
        ]) }} as _failures
    from checked
    left join programs_per_session
        on checked.session_id = programs_per_session.session_id
),

marked as (
    select
        rechecked.*,
        _failures is null as is_accepted,
        {{ csr_analytics.is_superseded('_record_key') }} as is_superseded
    from rechecked
),

final as (
    select
        {{ csr_analytics.lineage_columns() }},
        _record_key,
        {{ csr_analytics.staged_column_names(columns) }},
        program_type,
        cefr_level,
        rating_normalized,
        _failures,
        _warnings,
        is_accepted,
        is_superseded
    from marked
)

select * from final
