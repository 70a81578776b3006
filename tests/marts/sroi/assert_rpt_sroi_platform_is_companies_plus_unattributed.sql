{#-
    The platform scope equals the sum of the company scopes and the unattributed scope,
    for investment and present value (and gross value), per program and period. Each
    published figure is rounded once from full precision, so the sums may differ by half a
    cent per row summed.
-#}

with

rpt_sroi as (
    select * from {{ ref('rpt_sroi') }}
),

parts as (
    select
        program_type,
        period_type,
        period_start,
        count(*) as rows_count,
        sum(investment_total) as investment_total,
        sum(present_value) as present_value,
        sum(gross_value) as gross_value
    from rpt_sroi
    where scope in ('company', 'unattributed')
    group by
        program_type,
        period_type,
        period_start
),

platform as (
    select *
    from rpt_sroi
    where scope = 'platform'
),

compared as (
    select
        coalesce(platform.program_type, parts.program_type) as program_type,
        coalesce(platform.period_type, parts.period_type) as period_type,
        coalesce(platform.period_start, parts.period_start) as period_start,
        platform.investment_total as platform_investment,
        parts.investment_total as parts_investment,
        platform.present_value as platform_present_value,
        parts.present_value as parts_present_value,
        platform.gross_value as platform_gross_value,
        parts.gross_value as parts_gross_value,
        cast(0.005 as numeric(18, 4)) * (coalesce(parts.rows_count, 0) + 1) as tolerance
    from platform
    full outer join parts
        on
            coalesce(platform.program_type, '') = coalesce(parts.program_type, '')
            and platform.period_type = parts.period_type
            and platform.period_start = parts.period_start
)

select *
from compared
where
    platform_investment is null
    or parts_investment is null
    or abs(platform_investment - parts_investment) > tolerance
    or abs(platform_present_value - parts_present_value) > tolerance
    or abs(platform_gross_value - parts_gross_value) > tolerance
