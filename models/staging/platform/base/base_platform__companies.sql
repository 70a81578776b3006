{%- set columns = [
    {'name': 'company_id', 'required': true},
    {'name': 'company_name', 'required': true},
    {'name': 'industry'},
    {'name': 'country', 'type': 'country'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with raw_rows as (
    select * from {{ source('platform', 'platform_companies') }}
),

observations as (
    select
        {{ csr_analytics.export_lineage('raw_rows', 'platform_companies') }},
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
        coalesce(company_id__text, '') as _record_key,
        {{ csr_analytics.staged_failures(columns) }} as _failures,
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
