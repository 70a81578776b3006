{#-
    The outcome events of one attribution key, outcome and evidence grade, summed, and
    each company's share of them (or the unattributed share), valued (sroi.md §4):
    quantity = the events' quantity x credit_share; gross value = quantity x proxy (unadjusted,
    undiscounted); impact after deadweight, displacement and attribution; year-1 impact;
    present value over the outcome's duration with drop-off and discounting, and the same
    present value in the low and high sensitivity scenarios. Full precision.
-#}

with

outcome_events as (
    select * from {{ ref('int_sroi_outcome_events') }}
),

attribution_shares as (
    select * from {{ ref('int_sroi_attribution_shares') }}
),

value_map_years as (
    select * from {{ ref('int_sroi_value_map_years') }}
),

unit_values as (
    select
        outcome_code,
        max(case when scenario = 'base' then proxy_value end) as proxy_value,
        sum(case when scenario = 'base' and year_number = 1 then value_per_unit end)
            as year1_impact_per_unit,
        sum(case when scenario = 'base' and year_number = 1 then impact_per_unit end)
            as impact_per_unit,
        sum(case when scenario = 'base' then present_value_per_unit end)
            as present_value_per_unit,
        sum(case when scenario = 'low' then present_value_per_unit end)
            as present_value_low_per_unit,
        sum(case when scenario = 'high' then present_value_per_unit end)
            as present_value_high_per_unit
    from value_map_years
    group by outcome_code
),

attributed_quantities as (
    -- the events of one attribution key share its shares: summed per key, outcome and
    -- evidence grade before crediting (one row per company, not per event and company)
    select
        attribution_key,
        outcome_code,
        program_type,
        evidence,
        quarter_start,
        case
            when count(distinct participant_user_id) = 1 then max(participant_user_id)
        end as participant_user_id,
        count(*) as outcome_events_count,
        sum(quantity) as quantity
    from outcome_events
    group by
        attribution_key,
        outcome_code,
        program_type,
        evidence,
        quarter_start
),

credited_events as (
    select
        attributed_quantities.attribution_key,
        attribution_shares.company_id,
        attributed_quantities.outcome_code,
        attributed_quantities.program_type,
        attributed_quantities.evidence,
        attributed_quantities.participant_user_id,
        attributed_quantities.quarter_start,
        attributed_quantities.outcome_events_count,
        attribution_shares.share_basis,
        attribution_shares.credit_share,
        cast(
            attributed_quantities.quantity * attribution_shares.credit_share
            as numeric(38, 12)
        ) as quantity
    from attributed_quantities
    inner join attribution_shares
        on attributed_quantities.attribution_key = attribution_shares.attribution_key
),

final as (
    select
        credited_events.*,
        cast(credited_events.quantity * unit_values.proxy_value as numeric(38, 12))
            as gross_value,
        cast(credited_events.quantity * unit_values.impact_per_unit as numeric(38, 12))
            as impact,
        cast(
            credited_events.quantity * unit_values.year1_impact_per_unit
            as numeric(38, 12)
        ) as year1_impact,
        cast(
            credited_events.quantity * unit_values.present_value_per_unit
            as numeric(38, 12)
        ) as present_value,
        cast(
            credited_events.quantity * unit_values.present_value_low_per_unit
            as numeric(38, 12)
        ) as present_value_low,
        cast(
            credited_events.quantity * unit_values.present_value_high_per_unit
            as numeric(38, 12)
        ) as present_value_high
    from credited_events
    inner join unit_values
        on credited_events.outcome_code = unit_values.outcome_code
)

select * from final
