{%- set columns = [
    {'name': 'company_id', 'required': true},
    {'name': 'hourly_cost', 'type': 'number', 'required': true, 'min': 0, 'precision': 12, 'scale': 2},
    {'name': 'currency', 'required': true},
    {'name': 'valid_from', 'type': 'date'},
    {'name': 'valid_to', 'type': 'date'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with raw_rows as (
    select * from {{ source('platform', 'platform_employee_hour_costs') }}
),

fx_rates as (
    select * from {{ ref('fx_rates') }}
),

observations as (
    select
        {{ csr_analytics.export_lineage('raw_rows', 'platform_employee_hour_costs') }},
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
    -- a currency other than the reporting currency needs a rate of fx_rates in force on
    -- its valid_from (a row without valid_from has none)
    select
        typed.*,
        {{ csr_analytics.record_key(['company_id', 'valid_from']) }} as _record_key,
        {{ csr_analytics.staged_failures(columns, [
            csr_analytics.check_condition(
                "currency <> '" ~ var('reporting_currency') ~ "' and not exists ("
                ~ "select 1 from fx_rates where fx_rates.currency = typed.currency"
                ~ " and fx_rates.valid_from <= typed.valid_from)",
                'unsupported_currency:currency'),
            csr_analytics.check_condition('valid_to < valid_from', 'before_start:valid_to'),
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
