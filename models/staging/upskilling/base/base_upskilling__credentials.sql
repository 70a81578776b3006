{%- set columns = [
    {'name': 'credential_id', 'required': true},
    {'name': 'user_email', 'type': 'email', 'required': true},
    {'name': 'provider', 'type': 'enum', 'required': true, 'values': ['ecornell', 'itslearning', 'generic']},
    {'name': 'course_id'},
    {'name': 'course_name', 'free_text': true},
    {'name': 'credential_type', 'type': 'enum', 'required': true,
        'values': ['certificate', 'badge', 'diploma', 'transcript']},
    {'name': 'issued_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'expires_at', 'type': 'timestamp'},
    {'name': 'credential_url', 'free_text': true},
    {'name': 'verification_code', 'free_text': true},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with raw_rows as (
    select * from {{ source('upskilling', 'upskilling_credentials') }}
),

observations as (
    select
        {{ csr_analytics.export_lineage('raw_rows', 'upskilling_credentials') }},
        {{ csr_analytics.raw_columns('raw_rows', raw_names) }}
    from raw_rows
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
        coalesce(credential_id__text, '') as _record_key,
        {{ csr_analytics.staged_failures(columns, [
            csr_analytics.check_condition('expires_at < issued_at', 'before_start:expires_at'),
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
