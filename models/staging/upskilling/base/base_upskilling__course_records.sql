{#-
    Course status records from the progress export and the completions-only export
    (a completion is a record with status completed and updated_at = completed_at).
    Several records per course are its status history, not duplicates: the natural key
    of a record includes updated_at.
-#}
{%- set columns = [
    {'name': 'user_email', 'type': 'email', 'required': true},
    {'name': 'provider', 'type': 'enum', 'required': true, 'values': ['ecornell', 'itslearning', 'generic']},
    {'name': 'course_id', 'required': true},
    {'name': 'course_name', 'required': true, 'free_text': true},
    {'name': 'status', 'type': 'enum', 'required': true,
        'values': ['enrolled', 'in_progress', 'completed', 'dropped']},
    {'name': 'progress_percent', 'type': 'integer', 'min': 0, 'max': 100},
    {'name': 'started_at', 'type': 'timestamp'},
    {'name': 'completed_at', 'type': 'timestamp'},
    {'name': 'updated_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'final_score', 'type': 'number', 'min': 0, 'max': 100},
    {'name': 'credential_ref'},
] -%}

with progress_rows as (
    select * from {{ source('upskilling', 'upskilling_course_progress') }}
),

completion_rows as (
    select * from {{ source('upskilling', 'upskilling_course_completions') }}
),

observations as (
    select
        {{ csr_analytics.export_lineage('progress_rows', 'upskilling_course_progress') }},
        progress_rows.user_email,
        progress_rows.provider,
        progress_rows.course_id,
        progress_rows.course_name,
        progress_rows.status,
        progress_rows.progress_percent,
        progress_rows.started_at,
        progress_rows.completed_at,
        progress_rows.updated_at,
        progress_rows.final_score,
        progress_rows.credential_ref
    from progress_rows
    union all
    select
        {{ csr_analytics.export_lineage('completion_rows', 'upskilling_course_completions') }},
        completion_rows.user_email,
        completion_rows.provider,
        completion_rows.course_id,
        completion_rows.course_name,
        'completed' as status,
        cast(null as text) as progress_percent,
        cast(null as text) as started_at,
        completion_rows.completed_at,
        completion_rows.completed_at as updated_at,
        completion_rows.final_score,
        completion_rows.credential_ref
    from completion_rows
),

cleaned as (
    select
        {{ csr_analytics.lineage_columns() }},
        {{ csr_analytics.staged_text_columns(columns) }}
    from observations
),

typed as (
    select
        cleaned.*,
        {{ csr_analytics.staged_typed_columns(columns) }}
    from cleaned
),

checked as (
    select
        typed.*,
        {{ csr_analytics.record_key(['user_email', 'provider', 'course_id', 'updated_at']) }}
            as _record_key,
        {{ csr_analytics.staged_failures(columns, [
            csr_analytics.check_condition(
                "status = 'completed' and completed_at__text is null", 'missing:completed_at'),
        ]) }} as _failures,
        {{ csr_analytics.staged_warnings() }} as _warnings
    from typed
),

marked as (
    select
        checked.*,
        _failures is null as is_accepted,
        {{ csr_analytics.is_superseded('_record_key') }} as is_superseded
    from checked
),

final as (
    select
        {{ csr_analytics.lineage_columns() }},
        _record_key,
        {{ csr_analytics.staged_column_names(columns) }},
        _failures,
        _warnings,
        is_accepted,
        is_superseded
    from marked
)

select * from final
