{#-
    VIS per company, program ('all' = cross-program) and period (vis.md §3): the
    volunteers with an activity credited to the company in the period, the hours credited
    to the company, and the mean of those volunteers' non-null VIS for that program and
    period. Activities with no company are not reported.
-#}
with activities as (
    select * from {{ ref('int_volunteer_activities') }}
    where company_id is not null
),

scores as (
    select * from {{ ref('int_vis_scores') }}
),

company_activity_quarters as (
    select
        company_id,
        volunteer_user_id,
        program_type,
        {{ csr_analytics.quarter_start('occurred_at') }} as quarter_start,
        sum(minutes) as minutes,
        sum(weighted_hours) as weighted_hours
    from activities
    group by
        company_id,
        volunteer_user_id,
        program_type,
        {{ csr_analytics.quarter_start('occurred_at') }}
),

company_grains as (
    -- each quarter feeds the quarter, the program and the cross-program rows
    select
        company_id,
        volunteer_user_id,
        program_type,
        'quarter' as period_type,
        quarter_start as period_start,
        minutes,
        weighted_hours
    from company_activity_quarters
    union all
    select
        company_id,
        volunteer_user_id,
        'all' as program_type,
        'quarter' as period_type,
        quarter_start as period_start,
        minutes,
        weighted_hours
    from company_activity_quarters
    union all
    select
        company_id,
        volunteer_user_id,
        program_type,
        'all' as period_type,
        cast('1900-01-01' as date) as period_start,
        minutes,
        weighted_hours
    from company_activity_quarters
    union all
    select
        company_id,
        volunteer_user_id,
        'all' as program_type,
        'all' as period_type,
        cast('1900-01-01' as date) as period_start,
        minutes,
        weighted_hours
    from company_activity_quarters
),

company_volunteer_periods as (
    select
        company_id,
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        sum(minutes) as minutes,
        sum(weighted_hours) as weighted_hours
    from company_grains
    group by
        company_id,
        volunteer_user_id,
        program_type,
        period_type,
        period_start
),

with_scores as (
    select
        company_volunteer_periods.*,
        scores.vis_score
    from company_volunteer_periods
    left join scores
        on
            company_volunteer_periods.volunteer_user_id = scores.volunteer_user_id
            and company_volunteer_periods.program_type = scores.program_type
            and company_volunteer_periods.period_type = scores.period_type
            and company_volunteer_periods.period_start = scores.period_start
),

per_company as (
    select
        company_id,
        program_type,
        period_type,
        period_start,
        count(*) as volunteers_count,
        sum(minutes) as minutes,
        sum(weighted_hours) as weighted_hours,
        count(vis_score) as scored_volunteers_count,
        sum(vis_score) as vis_score_sum
    from with_scores
    group by
        company_id,
        program_type,
        period_type,
        period_start
),

final as (
    select
        cast(company_id as text) as company_id,
        cast(program_type as text) as program_type,
        cast(period_type as text) as period_type,
        cast(period_start as date) as period_start,
        cast(volunteers_count as integer) as volunteers_count,
        cast(round(
            cast({{ csr_analytics.safe_divide('minutes', 60) }} as numeric(18, 6)), 2
        ) as numeric(18, 2)) as total_hours,
        cast(round(cast(weighted_hours as numeric(18, 6)), 2) as numeric(18, 2))
            as weighted_hours,
        cast(round(cast(
            {{ csr_analytics.safe_divide('vis_score_sum', 'scored_volunteers_count') }}
            as numeric(18, 6)
        ), 2) as numeric(5, 2)) as mean_vis
    from per_company
)

select * from final
