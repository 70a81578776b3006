{#-
    SROI per scope, company, program and period (sroi.md §5): inputs, gross value, present
    value and the ratios, computed from sums of full-precision quarter figures, never by
    averaging ratios. Scopes: company (one company), unattributed (volunteers and outcomes
    with no company) and platform (everything). program_type 'all' sums the programs;
    period_type quarter, year or all (period_start 1900-01-01), over quarters up to the one
    holding as_of_date. A ratio is null when its denominator is 0.
-#}

with

inputs as (
    select * from {{ ref('int_sroi_inputs_quarterly') }}
),

outcome_values as (
    select * from {{ ref('int_sroi_outcome_values') }}
),

outcome_quarters as (
    select
        company_id,
        program_type,
        quarter_start,
        sum(gross_value) as gross_value,
        sum(year1_impact) as year1_impact,
        sum(present_value) as present_value,
        sum(present_value_low) as present_value_low,
        sum(present_value_high) as present_value_high
    from outcome_values
    group by
        company_id,
        program_type,
        quarter_start
),

quarter_rows as (
    select
        company_id,
        program_type,
        quarter_start,
        investment_time,
        investment_cash,
        investment_in_kind,
        investment_management,
        cast(0 as numeric(38, 12)) as gross_value,
        cast(0 as numeric(38, 12)) as year1_impact,
        cast(0 as numeric(38, 12)) as present_value,
        cast(0 as numeric(38, 12)) as present_value_low,
        cast(0 as numeric(38, 12)) as present_value_high
    from inputs

    union all

    select
        company_id,
        program_type,
        quarter_start,
        cast(0 as numeric(38, 12)) as investment_time,
        cast(0 as numeric(38, 12)) as investment_cash,
        cast(0 as numeric(38, 12)) as investment_in_kind,
        cast(0 as numeric(38, 12)) as investment_management,
        gross_value,
        year1_impact,
        present_value,
        present_value_low,
        present_value_high
    from outcome_quarters
),

in_period as (
    select *
    from quarter_rows
    where quarter_start <= {{ csr_analytics.quarter_start(csr_analytics.as_of_date()) }}
),

programs as (
    select in_period.*
    from in_period

    union all

    select
        company_id,
        'all' as program_type,
        quarter_start,
        investment_time,
        investment_cash,
        investment_in_kind,
        investment_management,
        gross_value,
        year1_impact,
        present_value,
        present_value_low,
        present_value_high
    from in_period
),

scopes as (
    select
        case when company_id is null then 'unattributed' else 'company' end as scope,
        programs.*
    from programs

    union all

    select
        'platform' as scope,
        cast(null as text) as company_id,
        program_type,
        quarter_start,
        investment_time,
        investment_cash,
        investment_in_kind,
        investment_management,
        gross_value,
        year1_impact,
        present_value,
        present_value_low,
        present_value_high
    from programs
),

periods as (
    select
        scopes.*,
        'quarter' as period_type,
        quarter_start as period_start
    from scopes

    union all

    select
        scopes.*,
        'year' as period_type,
        {{ csr_analytics.year_start('quarter_start') }} as period_start
    from scopes

    union all

    select
        scopes.*,
        'all' as period_type,
        cast('1900-01-01' as date) as period_start
    from scopes
),

summed as (
    select
        scope,
        company_id,
        program_type,
        period_type,
        period_start,
        sum(investment_time) as investment_time,
        sum(investment_cash) as investment_cash,
        sum(investment_in_kind) as investment_in_kind,
        sum(investment_management) as investment_management,
        sum(
            investment_time + investment_cash + investment_in_kind + investment_management
        ) as investment_total,
        sum(gross_value) as gross_value,
        sum(year1_impact) as year1_impact,
        sum(present_value) as present_value,
        sum(present_value_low) as present_value_low,
        sum(present_value_high) as present_value_high
    from periods
    group by
        scope,
        company_id,
        program_type,
        period_type,
        period_start
),

ratios as (
    select
        summed.*,
        {{ csr_analytics.safe_divide('present_value', 'investment_total') }} as sroi_ratio,
        {{ csr_analytics.safe_divide(
            'present_value - investment_total', 'investment_total'
        ) }} as net_sroi,
        {{ csr_analytics.safe_divide('investment_total * 12', 'year1_impact') }}
            as payback_months,
        {{ csr_analytics.safe_divide('present_value_low', 'investment_total') }}
            as sroi_ratio_low,
        {{ csr_analytics.safe_divide('present_value_high', 'investment_total') }}
            as sroi_ratio_high,
        {{ csr_analytics.safe_divide('investment_total', 'present_value') }}
            as breakeven_proxy_factor
    from summed
),

final as (
    select
        cast(scope as text) as scope,
        cast(company_id as text) as company_id,
        cast(program_type as text) as program_type,
        cast(period_type as text) as period_type,
        cast(period_start as date) as period_start,
        cast('{{ var("reporting_currency") }}' as text) as currency,
        cast(round(investment_time, 2) as numeric(38, 2)) as investment_time,
        cast(round(investment_cash, 2) as numeric(38, 2)) as investment_cash,
        cast(round(investment_in_kind, 2) as numeric(38, 2)) as investment_in_kind,
        cast(round(investment_management, 2) as numeric(38, 2)) as investment_management,
        cast(round(investment_total, 2) as numeric(38, 2)) as investment_total,
        cast(round(gross_value, 2) as numeric(38, 2)) as gross_value,
        cast(round(year1_impact, 2) as numeric(38, 2)) as year1_impact,
        cast(round(present_value, 2) as numeric(38, 2)) as present_value,
        cast(round(present_value_low, 2) as numeric(38, 2)) as present_value_low,
        cast(round(present_value_high, 2) as numeric(38, 2)) as present_value_high,
        cast(round(sroi_ratio, 4) as numeric(38, 4)) as sroi_ratio,
        cast(round(net_sroi, 4) as numeric(38, 4)) as net_sroi,
        cast(round(payback_months, 2) as numeric(38, 2)) as payback_months,
        cast(round(sroi_ratio_low, 4) as numeric(38, 4)) as sroi_ratio_low,
        cast(round(sroi_ratio_high, 4) as numeric(38, 4)) as sroi_ratio_high,
        cast(round(breakeven_proxy_factor, 4) as numeric(38, 4)) as breakeven_proxy_factor
    from ratios
)

select * from final
