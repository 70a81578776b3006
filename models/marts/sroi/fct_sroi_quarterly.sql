{#-
    The base grain of rpt_sroi: one row per company (null = unattributed), program and
    calendar quarter, without the rollups (platform scope, program 'all', year and all
    time) that would be counted twice when summed. The semantic layer's SROI measures sum
    these rows. program_type null: outcomes with no program (unattributed employment).
-#}

with

sroi as (
    select * from {{ ref('rpt_sroi') }}
),

base_grain as (
    select
        company_id,
        program_type,
        period_start as quarter_start,
        currency,
        investment_time,
        investment_cash,
        investment_in_kind,
        investment_management,
        investment_total,
        gross_value,
        year1_impact,
        present_value,
        present_value_low,
        present_value_high,
        rejected_inputs_count,
        rejected_inputs_amounts,
        is_complete
    from sroi
    where
        scope in ('company', 'unattributed')
        and (program_type is null or program_type <> 'all')
        and period_type = 'quarter'
)

select * from base_grain
