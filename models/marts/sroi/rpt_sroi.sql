{#-
    SROI per scope, company, program and period (sroi.md §5): inputs, gross value, present
    value and the ratios, computed from sums of full-precision quarter figures, never by
    averaging ratios. Scopes: company (one company), unattributed (volunteers and outcomes
    with no company) and platform (everything). program_type 'all' sums the programs;
    period_type quarter, year or all (period_start 1900-01-01), over quarters up to the one
    holding as_of_date. A ratio is null when its denominator is 0. rejected_inputs_count
    and rejected_inputs_amounts name the inputs the row misses because their currency had
    no exchange rate (int_sroi_rejected_inputs); is_complete is true when there is none. An
    outcome with no program (employment_gained with no activity) has program_type null:
    it is in the unattributed and platform rows only.
-#}

with

inputs as (
    select * from {{ ref('int_sroi_inputs_quarterly') }}
),

outcome_values as (
    select * from {{ ref('int_sroi_outcome_values') }}
),

rejected_inputs as (
    select * from {{ ref('int_sroi_rejected_inputs') }}
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
        cast(0 as numeric(38, 12)) as present_value_high,
        cast(null as text) as rejected_input_key,
        cast(null as text) as rejected_input_type,
        cast(null as numeric(18, 2)) as rejected_amount,
        cast(null as text) as rejected_currency
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
        present_value_high,
        cast(null as text) as rejected_input_key,
        cast(null as text) as rejected_input_type,
        cast(null as numeric(18, 2)) as rejected_amount,
        cast(null as text) as rejected_currency
    from outcome_quarters

    union all

    select
        company_id,
        program_type,
        quarter_start,
        cast(0 as numeric(38, 12)) as investment_time,
        cast(0 as numeric(38, 12)) as investment_cash,
        cast(0 as numeric(38, 12)) as investment_in_kind,
        cast(0 as numeric(38, 12)) as investment_management,
        cast(0 as numeric(38, 12)) as gross_value,
        cast(0 as numeric(38, 12)) as year1_impact,
        cast(0 as numeric(38, 12)) as present_value,
        cast(0 as numeric(38, 12)) as present_value_low,
        cast(0 as numeric(38, 12)) as present_value_high,
        input_key as rejected_input_key,
        input_type as rejected_input_type,
        original_amount as rejected_amount,
        original_currency as rejected_currency
    from rejected_inputs
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
        present_value_high,
        rejected_input_key,
        rejected_input_type,
        rejected_amount,
        rejected_currency
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
        present_value_high,
        rejected_input_key,
        rejected_input_type,
        rejected_amount,
        rejected_currency
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
        sum(present_value_high) as present_value_high,
        count(distinct rejected_input_key) as rejected_inputs_count
    from periods
    group by
        scope,
        company_id,
        program_type,
        period_type,
        period_start
),

rejected_in_period as (
    -- each rejected input once per row, however many quarters of the period it covers
    select distinct
        scope,
        company_id,
        program_type,
        period_type,
        period_start,
        rejected_input_key,
        rejected_input_type,
        rejected_amount,
        rejected_currency,
        case
            when rejected_input_type = 'employee_hour_cost' then rejected_amount
        end as rejected_hourly_cost
    from periods
    where rejected_input_key is not null
),

rejected_amount_items as (
    -- investments summed per currency; hour costs one item per hourly cost
    select
        scope,
        company_id,
        program_type,
        period_type,
        period_start,
        rejected_input_type,
        case
            when rejected_input_type = 'employee_hour_cost'
                then
                    cast(rejected_hourly_cost as text) || ' ' || rejected_currency
                    || ' per hour'
            else
                cast(cast(sum(rejected_amount) as numeric(38, 2)) as text)
                || ' ' || rejected_currency
        end as amount_item
    from rejected_in_period
    group by
        scope,
        company_id,
        program_type,
        period_type,
        period_start,
        rejected_input_type,
        rejected_currency,
        rejected_hourly_cost
),

rejected_amounts as (
    select
        scope,
        company_id,
        program_type,
        period_type,
        period_start,
        {{ dbt.listagg(
            'amount_item',
            "'; '",
            'order by rejected_input_type desc, '
            ~ csr_analytics.binary_order('amount_item')
        ) }} as rejected_inputs_amounts
    from rejected_amount_items
    group by
        scope,
        company_id,
        program_type,
        period_type,
        period_start
),

summed_with_rejected as (
    select
        summed.*,
        rejected_amounts.rejected_inputs_amounts
    from summed
    left join rejected_amounts
        on
            summed.scope = rejected_amounts.scope
            and coalesce(summed.company_id, '') = coalesce(rejected_amounts.company_id, '')
            and coalesce(summed.program_type, '')
            = coalesce(rejected_amounts.program_type, '')
            and summed.period_type = rejected_amounts.period_type
            and summed.period_start = rejected_amounts.period_start
),

ratios as (
    select
        summed_with_rejected.*,
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
    from summed_with_rejected
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
        cast(round(breakeven_proxy_factor, 4) as numeric(38, 4)) as breakeven_proxy_factor,
        cast(rejected_inputs_count as integer) as rejected_inputs_count,
        cast(rejected_inputs_amounts as text) as rejected_inputs_amounts,
        rejected_inputs_count = 0 as is_complete
    from ratios
)

select * from final
