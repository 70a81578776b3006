{#-
    Every volunteer activity valued as an SROI input (sroi.md §1): raw (unweighted) hours
    x the hourly value of the volunteer's company on the activity date, from its
    employee_hour_costs row valid that day (both ends inclusive; on overlaps the later
    valid_from wins), else the volunteer_hour_value variable. Volunteers with no company
    are valued at volunteer_hour_value. An hour cost in another currency is converted at
    the fx_rates rate in force on the activity date (staging has rejected the rows with
    none on their valid_from; rates never end, so every later day has one).
-#}

with

activities as (
    select * from {{ ref('int_volunteer_activities') }}
),

employee_hour_costs as (
    select * from {{ ref('stg_platform__employee_hour_costs') }}
),

fx_rates as (
    select * from {{ ref('int_sroi_fx_rates') }}
),

dated_activities as (
    select
        activity_key,
        volunteer_user_id,
        program_type,
        participant_user_id,
        company_id,
        occurred_at,
        cast(occurred_at as date) as activity_date,
        {{ csr_analytics.quarter_start('occurred_at') }} as quarter_start,
        cast(minutes as numeric(18, 6)) as minutes
    from activities
    where {{ csr_analytics.is_on_or_before_as_of('occurred_at') }}
),

matching_costs as (
    select
        dated_activities.activity_key,
        dated_activities.volunteer_user_id,
        dated_activities.activity_date,
        employee_hour_costs.hourly_cost,
        employee_hour_costs.currency,
        row_number() over (
            partition by dated_activities.activity_key, dated_activities.volunteer_user_id
            order by
                coalesce(employee_hour_costs.valid_from, cast('1900-01-01' as date)) desc
        ) as cost_rank
    from dated_activities
    inner join employee_hour_costs
        on
            dated_activities.company_id = employee_hour_costs.company_id
            and {{ csr_analytics.is_within_period(
                'employee_hour_costs', 'dated_activities.activity_date'
            ) }}
),

converted_costs as (
    select
        matching_costs.activity_key,
        matching_costs.volunteer_user_id,
        {{ csr_analytics.in_reporting_currency('matching_costs.hourly_cost', 'fx_rates.rate') }}
            as hourly_cost
    from matching_costs
    inner join fx_rates
        on
            matching_costs.currency = fx_rates.currency
            and {{ csr_analytics.is_within_period('fx_rates', 'matching_costs.activity_date') }}
    where matching_costs.cost_rank = 1
),

valued as (
    select
        dated_activities.*,
        cast(
            coalesce(
                converted_costs.hourly_cost,
                cast({{ var('volunteer_hour_value') }} as numeric(18, 2))
            )
            as numeric(38, 12)
        ) as hour_value,
        case
            when converted_costs.hourly_cost is not null then 'employee_hour_cost'
            else 'volunteer_hour_value'
        end as hour_value_source
    from dated_activities
    left join converted_costs
        on
            dated_activities.activity_key = converted_costs.activity_key
            and dated_activities.volunteer_user_id = converted_costs.volunteer_user_id
),

final as (
    select
        activity_key,
        volunteer_user_id,
        program_type,
        participant_user_id,
        company_id,
        occurred_at,
        activity_date,
        quarter_start,
        minutes,
        {{ csr_analytics.safe_divide('minutes', 60) }} as hours,
        hour_value,
        hour_value_source,
        {{ csr_analytics.safe_divide(
            'cast(minutes as numeric(38, 6)) * cast(hour_value as numeric(38, 12))', 60
        ) }} as time_value
    from valued
)

select * from final
