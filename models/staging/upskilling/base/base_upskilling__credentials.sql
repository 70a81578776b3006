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

with observations as (
    {{ csr_analytics.export_rows('upskilling', 'upskilling_credentials', raw_names) }}
),


{{ csr_analytics.staged_typed_ctes(columns) }},

{{ csr_analytics.staged_outcome_ctes(
    columns,
    'typed',
    record_key="coalesce(credential_id__text, '')",
    checks=[
        csr_analytics.check_condition('expires_at < issued_at', 'before_start:expires_at'),
    ]
) }}

select * from final
