{%- set columns = [
    {'name': 'user_email', 'type': 'email', 'required': true},
    {'name': 'dimension', 'type': 'enum', 'required': true,
        'values': ['confidence', 'belonging', 'lang_level_proxy', 'job_readiness', 'well_being']},
    {'name': 'score', 'type': 'number', 'required': true, 'min': 0, 'max': 1},
    {'name': 'measured_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'text_type', 'type': 'enum',
        'values': ['buddy_feedback', 'kintell_feedback', 'checkin_note', 'skill_feedback']},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('q2q', 'q2q_outcome_scores', raw_names) }}
),


{{ csr_analytics.staged_typed_ctes(columns) }},

{{ csr_analytics.staged_outcome_ctes(
    columns,
    'typed',
    record_key=csr_analytics.record_key([
        'user_email', 'dimension', 'measured_at', 'text_type',
        ])
) }}

select * from final
