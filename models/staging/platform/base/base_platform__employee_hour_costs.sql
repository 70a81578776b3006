{%- set columns = [
    {'name': 'company_id', 'required': true},
    {'name': 'hourly_cost', 'type': 'number', 'required': true, 'min': 0, 'precision': 12, 'scale': 2},
    {'name': 'currency', 'required': true},
    {'name': 'valid_from', 'type': 'date'},
    {'name': 'valid_to', 'type': 'date'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('platform', 'platform_employee_hour_costs', raw_names) }}
),


{{ csr_analytics.staged_typed_ctes(columns) }},

{{ csr_analytics.staged_outcome_ctes(
    columns,
    'typed',
    record_key=csr_analytics.record_key(['company_id', 'valid_from']),
    checks=[
        csr_analytics.check_condition("currency <> '" ~ var('reporting_currency') ~ "'", 'unsupported_currency:currency'),
        csr_analytics.check_condition('valid_to < valid_from', 'before_start:valid_to'),
    ]
) }}

select * from final
