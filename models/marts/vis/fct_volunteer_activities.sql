{#- One row per volunteer activity and volunteer credited, with weighted hours
    (vis.md §1). -#}
with activities as (
    select * from {{ ref('int_volunteer_activities') }}
),

final as (
    select
        cast(activity_key as text) as activity_key,
        cast(volunteer_user_id as text) as volunteer_user_id,
        cast(program_type as text) as program_type,
        cast(activity_source as text) as activity_source,
        cast(activity_type as text) as activity_type,
        cast(participant_user_id as text) as participant_user_id,
        cast(company_id as text) as company_id,
        cast(occurred_at as timestamp) as occurred_at,
        cast(activity_date as date) as activity_date,
        cast(minutes as integer) as minutes,
        cast(is_default_minutes as boolean) as is_default_minutes,
        cast(hour_category as text) as hour_category,
        cast(hour_weight as numeric(6, 3)) as hour_weight,
        cast(weighted_hours as numeric(18, 6)) as weighted_hours
    from activities
)

select * from final
