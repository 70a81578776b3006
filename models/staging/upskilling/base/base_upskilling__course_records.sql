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
    {'name': 'course_name', 'required': true},
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
    {{ csr_analytics.export_rows('upskilling', 'upskilling_course_progress', [
        'user_email', 'provider', 'course_id', 'course_name', 'status', 'progress_percent',
        'started_at', 'completed_at', 'updated_at', 'final_score', 'credential_ref',
    ]) }}
),

completion_rows as (
    {{ csr_analytics.export_rows('upskilling', 'upskilling_course_completions', [
        'user_email', 'provider', 'course_id', 'course_name', 'completed_at', 'final_score',
        'credential_ref',
    ]) }}
),

observations as (
    select
        {{ csr_analytics.lineage_columns() }},
        user_email,
        provider,
        course_id,
        course_name,
        status,
        progress_percent,
        started_at,
        completed_at,
        updated_at,
        final_score,
        credential_ref
    from progress_rows
    union all
    select
        {{ csr_analytics.lineage_columns() }},
        user_email,
        provider,
        course_id,
        course_name,
        'completed' as status,
        cast(null as text) as progress_percent,
        cast(null as text) as started_at,
        completed_at,
        completed_at as updated_at,
        final_score,
        credential_ref
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
        {{ csr_analytics.record_key([
            'user_email', 'provider', 'course_id', 'updated_at',
        ]) }} as _record_key,
        {{ csr_analytics.code_list(csr_analytics.staged_column_checks(columns) + [
            csr_analytics.check_condition(
                "status = 'completed' and completed_at__text is null", 'missing:completed_at'),
        ]) }} as _failures,
        cast(null as text) as _warnings
    from typed
),

marked as (
    {{ csr_analytics.mark_accepted('checked', '_record_key') }}
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
