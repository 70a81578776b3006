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
        {{ csr_analytics.code_list(csr_analytics.staged_column_checks(columns) + [

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
