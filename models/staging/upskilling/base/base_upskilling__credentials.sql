{%- set columns = [
    {'name': 'credential_id', 'required': true},
    {'name': 'user_email', 'type': 'email', 'required': true},
    {'name': 'provider', 'type': 'enum', 'required': true, 'values': ['ecornell', 'itslearning', 'generic']},
    {'name': 'course_id'},
    {'name': 'course_name'},
    {'name': 'credential_type', 'type': 'enum', 'required': true,
        'values': ['certificate', 'badge', 'diploma', 'transcript']},
    {'name': 'issued_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'expires_at', 'type': 'timestamp'},
    {'name': 'credential_url'},
    {'name': 'verification_code'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('upskilling', 'upskilling_credentials', raw_names) }}
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
        {{ csr_analytics.code_list(csr_analytics.staged_column_checks(columns) + [
            csr_analytics.check_condition('expires_at < issued_at', 'before_start:expires_at'),
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
