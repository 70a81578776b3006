{#-
    The worked example of the SROI issue, through the macros the models use, rounded as
    published: quantity 1, proxy 500, deadweight 0.30, attribution 0.30, displacement 0,
    drop-off 0.20, 3 years, discount 0.035 -> impact 245.00, year values 245.00 / 196.00 /
    156.80, present value 561.11; low case (adjustments x 1.5) 311.82; high case (x 0.5)
    916.46. Both engines must give exactly these figures.
-#}

with

scenarios as (
    select
        'base' as scenario,
        cast(1 as numeric(18, 6)) as factor,
        cast(561.11 as numeric(18, 2)) as expected_present_value
    union all
    select
        'low' as scenario,
        cast(1.5 as numeric(18, 6)) as factor,
        cast(311.82 as numeric(18, 2)) as expected_present_value
    union all
    select
        'high' as scenario,
        cast(0.5 as numeric(18, 6)) as factor,
        cast(916.46 as numeric(18, 2)) as expected_present_value
),

years as (
    select
        1 as year_number,
        cast(245.00 as numeric(18, 2)) as expected_base_value
    union all
    select
        2 as year_number,
        cast(196.00 as numeric(18, 2)) as expected_base_value
    union all
    select
        3 as year_number,
        cast(156.80 as numeric(18, 2)) as expected_base_value
),

rates as (
    select
        scenario,
        factor,
        expected_present_value,
        {{ csr_analytics.sroi_scenario_rate('cast(0.30 as numeric(9, 6))', 'factor') }}
            as deadweight,
        {{ csr_analytics.sroi_scenario_rate('cast(0.30 as numeric(9, 6))', 'factor') }}
            as attribution,
        {{ csr_analytics.sroi_scenario_rate('cast(0 as numeric(9, 6))', 'factor') }}
            as displacement,
        {{ csr_analytics.sroi_scenario_rate('cast(0.20 as numeric(9, 6))', 'factor') }}
            as drop_off
    from scenarios
),

impacts as (
    select
        rates.*,
        {{ csr_analytics.sroi_impact(
            'cast(500 as numeric(18, 2))', 'deadweight', 'displacement', 'attribution'
        ) }} as impact
    from rates
),

year_values as (
    select
        impacts.scenario,
        impacts.expected_present_value,
        impacts.impact,
        years.year_number,
        years.expected_base_value,
        {{ csr_analytics.sroi_year_value(
            'impacts.impact', 'impacts.drop_off', 'years.year_number'
        ) }} as year_value,
        {{ csr_analytics.sroi_discount_factor('years.year_number', 0.035) }}
            as discount_factor
    from impacts
    cross join years
),

present_values as (
    select
        scenario,
        expected_present_value,
        max(impact) as impact,
        sum(cast(year_value * discount_factor as numeric(38, 12))) as present_value
    from year_values
    group by
        scenario,
        expected_present_value
),

failures as (
    select
        'year value' as figure,
        scenario,
        year_number,
        round(year_value, 2) as actual,
        expected_base_value as expected
    from year_values
    where scenario = 'base' and round(year_value, 2) <> expected_base_value

    union all

    select
        'impact' as figure,
        scenario,
        1 as year_number,
        round(impact, 2) as actual,
        cast(245.00 as numeric(18, 2)) as expected
    from present_values
    where scenario = 'base' and round(impact, 2) <> 245.00

    union all

    select
        'present value' as figure,
        scenario,
        null as year_number,
        round(present_value, 2) as actual,
        expected_present_value as expected
    from present_values
    where round(present_value, 2) <> expected_present_value
)

select * from failures
