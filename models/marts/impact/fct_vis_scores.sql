{#-
    The Volunteer Impact Score per volunteer, program ('all' = cross-program) and period
    ('all' over all history, 'quarter' per calendar quarter with an activity), with the
    change against the preceding calendar quarter (vis.md §3).
-#}
with scores as (
    select * from {{ ref('int_vis_scores') }}
),

with_previous_quarter as (
    select
        scores.*,
        previous_quarter.vis_score as previous_vis_score,
        previous_quarter.volunteer_user_id is not null as has_previous_quarter
    from scores
    left join scores as previous_quarter
        on
            scores.volunteer_user_id = previous_quarter.volunteer_user_id
            and scores.program_type = previous_quarter.program_type
            and scores.period_type = 'quarter'
            and previous_quarter.period_type = 'quarter'
            and previous_quarter.period_start = cast(
                {{ dbt.dateadd('month', -3, 'scores.period_start') }} as date
            )
),

ratios as (
    select
        with_previous_quarter.*,
        {{ csr_analytics.safe_divide('vis_score - previous_vis_score', 'previous_vis_score') }}
            as change_ratio
    from with_previous_quarter
),

changes as (
    select
        ratios.*,
        case
            when not has_previous_quarter
                or previous_vis_score is null
                or vis_score is null
                then null
            when previous_vis_score = 0 and vis_score = 0 then cast(0 as numeric(18, 2))
            when previous_vis_score = 0 then cast(100 as numeric(18, 2))
            else cast(round(cast(100 * change_ratio as numeric(18, 6)), 2) as numeric(18, 2))
        end as vis_change_pct
    from ratios
),

final as (
    select
        cast(volunteer_user_id as text) as csr_user_id,
        cast(program_type as text) as program_type,
        cast(period_type as text) as period_type,
        cast(period_start as date) as period_start,
        cast(cutoff_date as date) as period_end,
        cast(round(
            cast({{ csr_analytics.safe_divide('minutes', 60) }} as numeric(18, 6)), 2
        ) as numeric(18, 2)) as total_hours,
        cast(round(weighted_hours, 2) as numeric(18, 2)) as weighted_hours,
        cast(hours_component as numeric(5, 2)) as hours_component,
        cast(quality_component as numeric(5, 2)) as quality_component,
        cast(outcome_component as numeric(5, 2)) as outcome_component,
        cast(placement_component as numeric(5, 2)) as placement_component,
        cast(vis_score as numeric(5, 2)) as vis_score,
        cast(vis_tier as text) as vis_tier,
        cast(ratings_count as integer) as ratings_count,
        cast(participants_count as integer) as participants_count,
        cast(improved_participants_count as integer) as improved_participants_count,
        cast(placement_candidates_count as integer) as placement_candidates_count,
        cast(placed_participants_count as integer) as placed_participants_count,
        cast(vis_change_pct as numeric(18, 2)) as vis_change_pct
    from changes
)

select * from final
