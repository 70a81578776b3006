{#-
    SROI outcomes per company (null = unattributed), program, quarter, outcome and evidence
    grade (sroi.md §2-§4): the credited quantity, its gross value, impact, year-1 impact and
    present value (with the low and high sensitivity present values). Sums of the
    rows of int_sroi_outcome_values (per attribution key and company), rounded only here.
-#}

with

outcome_values as (
    select * from {{ ref('int_sroi_outcome_values') }}
),

summed as (
    select
        company_id,
        program_type,
        quarter_start,
        outcome_code,
        evidence,
        sum(outcome_events_count) as outcome_events_count,
        sum(quantity) as quantity,
        sum(gross_value) as gross_value,
        sum(impact) as impact,
        sum(year1_impact) as year1_impact,
        sum(present_value) as present_value,
        sum(present_value_low) as present_value_low,
        sum(present_value_high) as present_value_high
    from outcome_values
    group by
        company_id,
        program_type,
        quarter_start,
        outcome_code,
        evidence
),

final as (
    select
        cast(company_id as text) as company_id,
        cast(program_type as text) as program_type,
        cast(quarter_start as date) as quarter_start,
        cast(outcome_code as text) as outcome_code,
        cast(evidence as text) as evidence,
        cast('{{ var("reporting_currency") }}' as text) as currency,
        cast(outcome_events_count as bigint) as outcome_events_count,
        cast(round(quantity, 6) as numeric(38, 6)) as quantity,
        cast(round(gross_value, 2) as numeric(38, 2)) as gross_value,
        cast(round(impact, 2) as numeric(38, 2)) as impact,
        cast(round(year1_impact, 2) as numeric(38, 2)) as year1_impact,
        cast(round(present_value, 2) as numeric(38, 2)) as present_value,
        cast(round(present_value_low, 2) as numeric(38, 2)) as present_value_low,
        cast(round(present_value_high, 2) as numeric(38, 2)) as present_value_high
    from summed
)

select * from final
