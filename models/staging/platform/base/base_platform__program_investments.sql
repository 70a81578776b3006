{%- set columns = [
    {'name': 'company_id', 'required': true},
    {'name': 'program_type', 'type': 'enum', 'required': true,
        'values': ['buddy', 'mentorship', 'language', 'upskilling']},
    {'name': 'input_type', 'type': 'enum', 'required': true, 'values': ['cash', 'in_kind', 'management']},
    {'name': 'amount', 'type': 'number', 'required': true, 'min': 0, 'precision': 15, 'scale': 2},
    {'name': 'currency', 'required': true},
    {'name': 'period_start', 'type': 'date', 'required': true},
    {'name': 'period_end', 'type': 'date', 'required': true},
    {'name': 'note', 'free_text': true},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('platform', 'platform_program_investments', raw_names) }}
),


{{ csr_analytics.staged_typed_ctes(columns) }},

{{ csr_analytics.staged_outcome_ctes(
    columns,
    'typed',
    record_key=csr_analytics.record_key([
        'company_id', 'program_type', 'input_type', 'period_start', 'period_end',
        ]),
    checks=[
        csr_analytics.check_condition("currency <> '" ~ var('reporting_currency') ~ "'", 'unsupported_currency:currency'),
        csr_analytics.check_condition('period_end < period_start', 'before_start:period_end'),
    ]
) }}

select * from final
