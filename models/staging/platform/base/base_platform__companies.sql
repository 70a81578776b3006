{%- set columns = [
    {'name': 'company_id', 'required': true},
    {'name': 'company_name', 'required': true},
    {'name': 'industry'},
    {'name': 'country', 'type': 'country'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('platform', 'platform_companies', raw_names) }}
),


{{ csr_analytics.staged_typed_ctes(columns) }},

{{ csr_analytics.staged_outcome_ctes(
    columns,
    'typed',
    record_key="coalesce(company_id__text, '')"
) }}

select * from final
