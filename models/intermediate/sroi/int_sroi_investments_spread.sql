{#-
    Each program investment (cash, in-kind, management) spread over the calendar quarters
    of its period in proportion to days, both ends inclusive (sroi.md §1). An investment
    takes part when its period starts on or before as_of_date; quarters after the one
    holding as_of_date are cut (their share is not counted anywhere). An amount in another
    currency is converted at the fx_rates rate in force on its period_start (staging has
    rejected the rows with none); amount is in the reporting currency, original_amount and
    original_currency as the export states them.
-#}

with

program_investments as (
    select * from {{ ref('stg_platform__program_investments') }}
),

fx_rates as (
    select * from {{ ref('int_sroi_fx_rates') }}
),

quarter_offsets as (
    {{ dbt.generate_series(1024) }}
),

investments as (
    select
        program_investments.company_id,
        program_investments.program_type,
        program_investments.input_type,
        program_investments.period_start,
        program_investments.period_end,
        cast(program_investments.amount as numeric(18, 2)) as original_amount,
        program_investments.currency as original_currency,
        fx_rates.rate as fx_rate,
        {{ csr_analytics.in_reporting_currency('program_investments.amount', 'fx_rates.rate') }}
            as amount,
        {{ csr_analytics.date_diff_days(
            'program_investments.period_start', 'program_investments.period_end'
        ) }} + 1 as period_days,
        {{ csr_analytics.quarter_start('program_investments.period_start') }}
            as first_quarter_start,
        {{ csr_analytics.quarter_start('program_investments.period_end') }}
            as last_quarter_start
    from program_investments
    inner join fx_rates
        on
            program_investments.currency = fx_rates.currency
            and {{ csr_analytics.is_within_period('fx_rates', 'program_investments.period_start') }}
    where {{ csr_analytics.is_on_or_before_as_of('program_investments.period_start') }}
),

investment_quarters as (
    select
        investments.*,
        cast(
            {{ dbt.dateadd(
                'month',
                '3 * (quarter_offsets.generated_number - 1)',
                'investments.first_quarter_start'
            ) }}
            as date
        ) as quarter_start
    from investments
    inner join quarter_offsets
        on 3 * (quarter_offsets.generated_number - 1) <= {{ dbt.datediff(
            'investments.first_quarter_start', 'investments.last_quarter_start', 'month'
        ) }}
),

quarter_days as (
    select
        investment_quarters.*,
        cast(
            {{ dbt.dateadd('day', -1, dbt.dateadd('month', 3, 'quarter_start')) }}
            as date
        ) as quarter_end
    from investment_quarters
    where quarter_start <= {{ csr_analytics.quarter_start(csr_analytics.as_of_date()) }}
),

investment_overlaps as (
    select
        quarter_days.*,
        {{ csr_analytics.date_diff_days(
            'greatest(period_start, quarter_start)', 'least(period_end, quarter_end)'
        ) }} + 1 as days_in_quarter
    from quarter_days
),

final as (
    select
        company_id,
        program_type,
        input_type,
        period_start,
        period_end,
        quarter_start,
        original_amount,
        original_currency,
        fx_rate,
        amount,
        period_days,
        days_in_quarter,
        {{ csr_analytics.safe_divide('amount * days_in_quarter', 'period_days') }}
            as amount_in_quarter
    from investment_overlaps
)

select * from final
