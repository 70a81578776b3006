{#-
    SROI inputs left out because their currency had no exchange rate in force (staging
    rejects them as unsupported_currency:currency; dq_rejected_rows lists them), placed
    where they would have counted, so that rpt_sroi can say which figures miss them. One
    row per rejected input and (company, program, quarter) it would have counted in:
    - a program investment: each quarter its period overlaps (up to the one holding
      as_of_date, when its period starts on or before as_of_date), in its program;
    - an employee hour cost: each program and quarter in which the company's volunteers
      had activities on the days it was to cover (valid_from to valid_to, either open),
      valued at volunteer_hour_value instead.
    original_amount and original_currency are as the export states them (an hour cost:
    per hour). A rejected row that is superseded by a later one of its key is not counted;
    one without company_id or program_type cannot be placed and is not counted either.
-#}

with

program_investments as (
    select * from {{ ref('base_platform__program_investments') }}
),

employee_hour_costs as (
    select * from {{ ref('base_platform__employee_hour_costs') }}
),

volunteer_time as (
    select * from {{ ref('int_sroi_volunteer_time_valued') }}
),

quarter_offsets as (
    {{ dbt.generate_series(1024) }}
),

rejected_investments as (
    select
        'program_investment:' || _source_file || ':' || cast(_source_line as text)
            as input_key,
        company_id,
        program_type,
        amount as original_amount,
        currency as original_currency,
        {{ csr_analytics.quarter_start('period_start') }} as first_quarter_start,
        {{ csr_analytics.quarter_start('coalesce(period_end, period_start)') }}
            as last_quarter_start
    from program_investments
    where
        not is_superseded
        and _failures like '%unsupported_currency:currency%'
        and company_id is not null
        and program_type is not null
        and amount is not null
        and {{ csr_analytics.is_on_or_before_as_of('period_start') }}
),

investment_quarters as (
    select
        rejected_investments.input_key,
        'program_investment' as input_type,
        rejected_investments.company_id,
        rejected_investments.program_type,
        cast(
            {{ dbt.dateadd(
                'month',
                '3 * (quarter_offsets.generated_number - 1)',
                'rejected_investments.first_quarter_start'
            ) }}
            as date
        ) as quarter_start,
        rejected_investments.original_amount,
        rejected_investments.original_currency
    from rejected_investments
    inner join quarter_offsets
        on 3 * (quarter_offsets.generated_number - 1) <= {{ dbt.datediff(
            'rejected_investments.first_quarter_start',
            'rejected_investments.last_quarter_start',
            'month'
        ) }}
),

rejected_hour_costs as (
    select
        'employee_hour_cost:' || _source_file || ':' || cast(_source_line as text)
            as input_key,
        company_id,
        hourly_cost as original_amount,
        currency as original_currency,
        valid_from,
        valid_to
    from employee_hour_costs
    where
        not is_superseded
        and _failures like '%unsupported_currency:currency%'
        and company_id is not null
        and hourly_cost is not null
),

hour_cost_quarters as (
    select distinct
        rejected_hour_costs.input_key,
        'employee_hour_cost' as input_type,
        rejected_hour_costs.company_id,
        volunteer_time.program_type,
        volunteer_time.quarter_start,
        rejected_hour_costs.original_amount,
        rejected_hour_costs.original_currency
    from rejected_hour_costs
    inner join volunteer_time
        on
            rejected_hour_costs.company_id = volunteer_time.company_id
            and (
                rejected_hour_costs.valid_from is null
                or rejected_hour_costs.valid_from <= volunteer_time.activity_date
            )
            and (
                rejected_hour_costs.valid_to is null
                or rejected_hour_costs.valid_to >= volunteer_time.activity_date
            )
),

rejected as (
    select * from investment_quarters
    union all
    select * from hour_cost_quarters
),

final as (
    select
        input_key,
        input_type,
        company_id,
        program_type,
        quarter_start,
        cast(original_amount as numeric(18, 2)) as original_amount,
        original_currency
    from rejected
    where quarter_start <= {{ csr_analytics.quarter_start(csr_analytics.as_of_date()) }}
)

select * from final
