{#-
    The rows of the VIS (vis.md §3): each volunteer in each program (a volunteer-side
    spell or an activity credited there) and across programs ('all'), over all time
    ('all', period_start 1900-01-01) and for each calendar quarter with an activity.
    cutoff_date is the last day whose data counts: as_of_date, or the quarter's last day.
-#}
with spells as (
    select * from {{ ref('int_participation_spells') }}
),

activities as (
    select * from {{ ref('int_volunteer_activities') }}
),

program_vis_components as (
    select * from {{ ref('program_vis_components') }}
),

vis_programs as (
    select distinct program_type
    from program_vis_components
),

volunteer_programs as (
    select
        spells.csr_user_id as volunteer_user_id,
        spells.program_type
    from spells
    inner join vis_programs
        on spells.program_type = vis_programs.program_type
    where
        spells.csr_role = 'volunteer'
        and {{ csr_analytics.is_on_or_before_as_of('spells.started_at') }}
    union
    select
        activities.volunteer_user_id,
        activities.program_type
    from activities
    inner join vis_programs
        on activities.program_type = vis_programs.program_type
),

all_time_periods as (
    select
        volunteer_user_id,
        program_type,
        'all' as period_type,
        cast('1900-01-01' as date) as period_start,
        {{ csr_analytics.as_of_date() }} as cutoff_date
    from volunteer_programs
    union all
    select distinct
        volunteer_user_id,
        'all' as program_type,
        'all' as period_type,
        cast('1900-01-01' as date) as period_start,
        {{ csr_analytics.as_of_date() }} as cutoff_date
    from volunteer_programs
),

activity_quarters as (
    select distinct
        activities.volunteer_user_id,
        activities.program_type,
        {{ csr_analytics.quarter_start('activities.occurred_at') }} as period_start
    from activities
    inner join vis_programs
        on activities.program_type = vis_programs.program_type
),

quarters as (
    select
        volunteer_user_id,
        program_type,
        period_start
    from activity_quarters
    union all
    select distinct
        volunteer_user_id,
        'all' as program_type,
        period_start
    from activity_quarters
),

quarter_periods as (
    select
        volunteer_user_id,
        program_type,
        'quarter' as period_type,
        period_start,
        least(
            {{ csr_analytics.add_days(
                'cast(' ~ dbt.dateadd('month', 3, 'period_start') ~ ' as date)', -1
            ) }},
            {{ csr_analytics.as_of_date() }}
        ) as cutoff_date
    from quarters
),

final as (
    select * from all_time_periods
    union all
    select * from quarter_periods
)

select * from final
