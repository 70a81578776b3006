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


{{ csr_analytics.staged_typed_ctes(columns) }},

{{ csr_analytics.staged_outcome_ctes(
    columns,
    'typed',
    record_key=csr_analytics.record_key([
        'user_email', 'provider', 'course_id', 'updated_at',
        ]),
    checks=[
        csr_analytics.check_condition(
            "status = 'completed' and completed_at__text is null", 'missing:completed_at'),
    ]
) }}

select * from final
