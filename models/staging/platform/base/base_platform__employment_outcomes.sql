{%- set columns = [
    {'name': 'user_email', 'type': 'email', 'required': true},
    {'name': 'employed_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'employer', 'free_text': true},
    {'name': 'source', 'free_text': true},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('platform', 'platform_employment_outcomes', raw_names) }}
),


{{ csr_analytics.staged_typed_ctes(columns) }},

{{ csr_analytics.staged_outcome_ctes(
    columns,
    'typed',
    record_key=csr_analytics.record_key(['user_email', 'employed_at'])
) }}

select * from final
