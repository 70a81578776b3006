{#-
    The value map per unit of outcome, year by year (sroi.md §4 and §5), in three scenarios:
    base (the seed's adjustments), low (every deadweight, attribution, displacement and
    drop-off x sensitivity_low_factor, capped at sensitivity_cap) and high (each x
    sensitivity_high_factor). The low and high scenarios take the proxy's own low and high
    value where the seed gives one (proxy_value_low, proxy_value_high: the WELLBY range).
    A proxy stated in GBP (proxy_currency) is converted by gbp_to_reporting. Per unit: impact = proxy x (1 - deadweight) x
    (1 - displacement) x (1 - attribution); value in year t = impact x (1 - drop_off)^(t-1);
    present value of year t = that value / (1 + discount_rate)^t, for t = 1 ... duration.
-#}

with

value_map as (
    select * from {{ ref('sroi_value_map') }}
),

year_numbers as (
    {{ dbt.generate_series(50) }}
),

scenario_factors as (
    select
        'base' as scenario,
        cast(1 as numeric(18, 6)) as adjustment_factor
    union all
    select
        'low' as scenario,
        cast({{ var('sensitivity_low_factor') }} as numeric(18, 6)) as adjustment_factor
    union all
    select
        'high' as scenario,
        cast({{ var('sensitivity_high_factor') }} as numeric(18, 6)) as adjustment_factor
),

scenarios as (
    select
        value_map.outcome_code,
        scenario_factors.scenario,
        cast(
            case
                when scenario_factors.scenario = 'low'
                    then coalesce(value_map.proxy_value_low, value_map.proxy_value)
                when scenario_factors.scenario = 'high'
                    then coalesce(value_map.proxy_value_high, value_map.proxy_value)
                else value_map.proxy_value
            end
            * case
                when value_map.proxy_currency = 'GBP'
                    then cast({{ var('gbp_to_reporting') }} as numeric(18, 6))
                else cast(1 as numeric(18, 6))
            end
            as numeric(38, 12)
        ) as proxy_value,
        value_map.duration_years,
        {{ csr_analytics.sroi_scenario_rate(
            'value_map.deadweight', 'scenario_factors.adjustment_factor'
        ) }} as deadweight,
        {{ csr_analytics.sroi_scenario_rate(
            'value_map.displacement', 'scenario_factors.adjustment_factor'
        ) }} as displacement,
        {{ csr_analytics.sroi_scenario_rate(
            'value_map.attribution', 'scenario_factors.adjustment_factor'
        ) }} as attribution,
        {{ csr_analytics.sroi_scenario_rate(
            'value_map.drop_off', 'scenario_factors.adjustment_factor'
        ) }} as drop_off
    from value_map
    cross join scenario_factors
),

impacts as (
    select
        scenarios.*,
        {{ csr_analytics.sroi_impact(
            'proxy_value', 'deadweight', 'displacement', 'attribution'
        ) }} as impact_per_unit
    from scenarios
),

years as (
    select
        impacts.*,
        year_numbers.generated_number as year_number
    from impacts
    inner join year_numbers
        on impacts.duration_years >= year_numbers.generated_number
),

year_values as (
    select
        years.*,
        {{ csr_analytics.sroi_year_value('impact_per_unit', 'drop_off', 'year_number') }}
            as value_per_unit,
        {{ csr_analytics.sroi_discount_factor('year_number') }} as discount_factor
    from years
),

final as (
    select
        outcome_code,
        scenario,
        year_number,
        proxy_value,
        deadweight,
        displacement,
        attribution,
        drop_off,
        duration_years,
        impact_per_unit,
        value_per_unit,
        discount_factor,
        cast(value_per_unit * discount_factor as numeric(38, 12))
            as present_value_per_unit
    from year_values
)

select * from final
