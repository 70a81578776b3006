{#-
    The SROI inputs (the denominator, sroi.md §1) per company, program and calendar
    quarter: volunteer time + cash + in-kind + management. company_id null = volunteers
    with no company (their time only). Full precision; rounded only when published.
-#}

with

volunteer_time as (
    select * from {{ ref('int_sroi_volunteer_time_valued') }}
),

investments as (
    select * from {{ ref('int_sroi_investments_spread') }}
),

input_rows as (
    select
        volunteer_time.company_id,
        volunteer_time.program_type,
        volunteer_time.quarter_start,
        volunteer_time.time_value as investment_time,
        cast(0 as numeric(38, 12)) as investment_cash,
        cast(0 as numeric(38, 12)) as investment_in_kind,
        cast(0 as numeric(38, 12)) as investment_management
    from volunteer_time

    union all

    select
        investments.company_id,
        investments.program_type,
        investments.quarter_start,
        cast(0 as numeric(38, 12)) as investment_time,
        case
            when investments.input_type = 'cash' then investments.amount_in_quarter
            else cast(0 as numeric(38, 12))
        end as investment_cash,
        case
            when investments.input_type = 'in_kind' then investments.amount_in_quarter
            else cast(0 as numeric(38, 12))
        end as investment_in_kind,
        case
            when investments.input_type = 'management' then investments.amount_in_quarter
            else cast(0 as numeric(38, 12))
        end as investment_management
    from investments
),

summed as (
    select
        company_id,
        program_type,
        quarter_start,
        cast(sum(investment_time) as numeric(38, 12)) as investment_time,
        cast(sum(investment_cash) as numeric(38, 12)) as investment_cash,
        cast(sum(investment_in_kind) as numeric(38, 12)) as investment_in_kind,
        cast(sum(investment_management) as numeric(38, 12)) as investment_management
    from input_rows
    group by
        company_id,
        program_type,
        quarter_start
),

final as (
    select
        company_id,
        program_type,
        quarter_start,
        investment_time,
        investment_cash,
        investment_in_kind,
        investment_management,
        cast(
            investment_time + investment_cash + investment_in_kind + investment_management
            as numeric(38, 12)
        ) as investment_total
    from summed
)

select * from final
