{#-
    Every rpt_sroi row traces to its outcome rows and inputs: the fct_sroi_outcomes rows of
    its scope, program and period add up to its gross value and present value, each of
    them joins to its sroi_value_map row (same outcome_code and program), and the
    int_sroi_inputs_quarterly rows of its scope, program and period add up to its
    investment. Published figures are rounded once, so sums may differ by half a cent per
    row summed. Lists the report rows that do not trace.
-#}

with

rpt_sroi as (
    select * from {{ ref('rpt_sroi') }}
),

sroi_outcomes as (
    select * from {{ ref('fct_sroi_outcomes') }}
),

inputs as (
    select * from {{ ref('int_sroi_inputs_quarterly') }}
),

value_map as (
    select * from {{ ref('sroi_value_map') }}
),

outcomes_mapped as (
    select
        sroi_outcomes.*,
        value_map.outcome_code as value_map_outcome_code
    from sroi_outcomes
    left join value_map
        on
            sroi_outcomes.outcome_code = value_map.outcome_code
            and sroi_outcomes.program_type = value_map.program_type
),

outcome_sums as (
    select
        rpt_sroi.scope,
        rpt_sroi.company_id,
        rpt_sroi.program_type,
        rpt_sroi.period_type,
        rpt_sroi.period_start,
        count(outcomes_mapped.outcome_code) as outcome_rows_count,
        count(outcomes_mapped.value_map_outcome_code) as mapped_rows_count,
        coalesce(sum(outcomes_mapped.gross_value), 0) as gross_value,
        coalesce(sum(outcomes_mapped.present_value), 0) as present_value
    from rpt_sroi
    left join outcomes_mapped
        on
            (
                rpt_sroi.scope = 'platform'
                or (
                    rpt_sroi.scope = 'company'
                    and rpt_sroi.company_id = outcomes_mapped.company_id
                )
                or (rpt_sroi.scope = 'unattributed' and outcomes_mapped.company_id is null)
            )
            and rpt_sroi.program_type in ('all', outcomes_mapped.program_type)
            and (
                (
                    rpt_sroi.period_type = 'quarter'
                    and rpt_sroi.period_start = outcomes_mapped.quarter_start
                )
                or (
                    rpt_sroi.period_type = 'year'
                    and {{ csr_analytics.year_start('outcomes_mapped.quarter_start') }}
                    = rpt_sroi.period_start
                )
                or (
                    rpt_sroi.period_type = 'all'
                    and outcomes_mapped.quarter_start
                    <= {{ csr_analytics.quarter_start(csr_analytics.as_of_date()) }}
                )
            )
    group by
        rpt_sroi.scope,
        rpt_sroi.company_id,
        rpt_sroi.program_type,
        rpt_sroi.period_type,
        rpt_sroi.period_start
),

input_sums as (
    select
        rpt_sroi.scope,
        rpt_sroi.company_id,
        rpt_sroi.program_type,
        rpt_sroi.period_type,
        rpt_sroi.period_start,
        count(inputs.quarter_start) as input_rows_count,
        coalesce(sum(inputs.investment_total), 0) as investment_total
    from rpt_sroi
    left join inputs
        on
            (
                rpt_sroi.scope = 'platform'
                or (rpt_sroi.scope = 'company' and rpt_sroi.company_id = inputs.company_id)
                or (rpt_sroi.scope = 'unattributed' and inputs.company_id is null)
            )
            and rpt_sroi.program_type in ('all', inputs.program_type)
            and (
                (
                    rpt_sroi.period_type = 'quarter'
                    and rpt_sroi.period_start = inputs.quarter_start
                )
                or (
                    rpt_sroi.period_type = 'year'
                    and {{ csr_analytics.year_start('inputs.quarter_start') }}
                    = rpt_sroi.period_start
                )
                or (
                    rpt_sroi.period_type = 'all'
                    and inputs.quarter_start
                    <= {{ csr_analytics.quarter_start(csr_analytics.as_of_date()) }}
                )
            )
    group by
        rpt_sroi.scope,
        rpt_sroi.company_id,
        rpt_sroi.program_type,
        rpt_sroi.period_type,
        rpt_sroi.period_start
),

compared as (
    select
        rpt_sroi.scope,
        rpt_sroi.company_id,
        rpt_sroi.program_type,
        rpt_sroi.period_type,
        rpt_sroi.period_start,
        rpt_sroi.gross_value,
        outcome_sums.gross_value as traced_gross_value,
        rpt_sroi.present_value,
        outcome_sums.present_value as traced_present_value,
        rpt_sroi.investment_total,
        input_sums.investment_total as traced_investment_total,
        outcome_sums.outcome_rows_count,
        outcome_sums.mapped_rows_count,
        input_sums.input_rows_count,
        cast(0.005 as numeric(18, 4)) * (outcome_sums.outcome_rows_count + 1)
            as outcome_tolerance,
        cast(0.005 as numeric(18, 4)) as input_tolerance
    from rpt_sroi
    inner join outcome_sums
        on
            rpt_sroi.scope = outcome_sums.scope
            and coalesce(rpt_sroi.company_id, '') = coalesce(outcome_sums.company_id, '')
            and rpt_sroi.program_type = outcome_sums.program_type
            and rpt_sroi.period_type = outcome_sums.period_type
            and rpt_sroi.period_start = outcome_sums.period_start
    inner join input_sums
        on
            rpt_sroi.scope = input_sums.scope
            and coalesce(rpt_sroi.company_id, '') = coalesce(input_sums.company_id, '')
            and rpt_sroi.program_type = input_sums.program_type
            and rpt_sroi.period_type = input_sums.period_type
            and rpt_sroi.period_start = input_sums.period_start
)

select *
from compared
where
    outcome_rows_count + input_rows_count = 0
    or mapped_rows_count <> outcome_rows_count
    or abs(gross_value - traced_gross_value) > outcome_tolerance
    or abs(present_value - traced_present_value) > outcome_tolerance
    or abs(investment_total - traced_investment_total) > input_tolerance
