{#-
    Every volunteer activity of every program with its credited volunteer (vis.md §1):
    minutes (the source's duration, else the default of the hour-category map), hour
    category and weight, weighted hours, and the volunteer's company on the day.
-#}
with buddy_events as (
    select * from {{ ref('int_vis_activities_buddy_events') }}
),

buddy_attendance as (
    select * from {{ ref('int_vis_activities_buddy_attendance') }}
),

buddy_skill_sessions as (
    select * from {{ ref('int_vis_activities_buddy_skill_sessions') }}
),

buddy_checkins as (
    select * from {{ ref('int_vis_activities_buddy_checkins') }}
),

kintell_sessions as (
    select * from {{ ref('int_vis_activities_kintell_sessions') }}
),

hour_category_map as (
    select * from {{ ref('hour_category_map') }}
),

hour_categories as (
    select * from {{ ref('hour_categories') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

activities as (
    select * from buddy_events
    union all
    select * from buddy_attendance
    union all
    select * from buddy_skill_sessions
    union all
    select * from buddy_checkins
    union all
    select * from kintell_sessions
),

categorised as (
    -- the map row for the source's value, else the source's catch-all row ('*')
    select
        activities.*,
        coalesce(exact_map.hour_category, fallback_map.hour_category) as hour_category,
        coalesce(exact_map.default_minutes, fallback_map.default_minutes)
            as default_minutes
    from activities
    left join hour_category_map as exact_map
        on
            activities.activity_source = exact_map.activity_source
            and lower(activities.source_value) = exact_map.source_value
    left join hour_category_map as fallback_map
        on
            activities.activity_source = fallback_map.activity_source
            and fallback_map.source_value = '*'
),

weighted as (
    select
        categorised.*,
        cast(
            coalesce(categorised.duration_minutes, categorised.default_minutes) as integer
        ) as minutes,
        categorised.duration_minutes is null as is_default_minutes,
        cast(hour_categories.weight as numeric(6, 3)) as hour_weight
    from categorised
    left join hour_categories
        on categorised.hour_category = hour_categories.hour_category
),

with_company as (
    -- the company the volunteer belonged to on the activity's UTC date
    select
        weighted.*,
        memberships.company_id
    from weighted
    left join memberships
        on
            weighted.volunteer_user_id = memberships.csr_user_id
            and cast(weighted.occurred_at as date) >= cast(memberships.valid_from as date)
            and (
                memberships.valid_to is null
                or cast(weighted.occurred_at as date) < cast(memberships.valid_to as date)
            )
),

final as (
    select
        activity_key,
        volunteer_user_id,
        activity_source,
        activity_type,
        program_type,
        participant_user_id,
        company_id,
        occurred_at,
        cast(occurred_at as date) as activity_date,
        minutes,
        is_default_minutes,
        hour_category,
        hour_weight,
        cast(
            {{ csr_analytics.safe_divide('minutes * hour_weight', 60) }}
            as numeric(18, 6)
        ) as weighted_hours
    from with_company
)

select * from final
