{#-
    The Volunteer Impact Score per volunteer, program ('all' = cross-program) and period
    ('all' over all history, 'quarter' per calendar quarter with an activity), its tier,
    and the change against the preceding calendar quarter (vis.md §3).
-#}
with scores as (
    select * from {{ ref('int_vis_scores') }}
),

tiers as (
    select * from {{ ref('vis_tiers') }}
),

tier_bounds as (
    -- a tier runs from above the previous tier's highest score to its own
    select
        vis_tier,
        cast(max_score_inclusive as numeric(5, 2)) as max_score_inclusive,
        cast(
            lag(max_score_inclusive) over (order by max_score_inclusive) as numeric(5, 2)
        ) as min_score_exclusive
    from tiers
),

previous_rows as (
    select
        scores.*,
        lag(period_start) over (
            partition by volunteer_user_id, program_type, period_type
            order by period_start
        ) as previous_period_start,
        lag(vis_score) over (
            partition by volunteer_user_id, program_type, period_type
            order by period_start
        ) as previous_row_vis_score
    from scores
),

with_previous_quarter as (
    -- the preceding calendar quarter only: a gap of a quarter or more has none
    select
        previous_rows.*,
        (
            period_type = 'quarter'
            and previous_period_start
            = cast({{ dbt.dateadd('month', -3, 'period_start') }} as date)
        ) as has_previous_quarter
    from previous_rows
),

ratios as (
    select
        with_previous_quarter.*,
        case when has_previous_quarter then previous_row_vis_score end
            as previous_vis_score,
        {{ csr_analytics.safe_divide(
            'vis_score - previous_row_vis_score', 'previous_row_vis_score'
        ) }} as change_ratio
    from with_previous_quarter
),

rounded_changes as (
    select
        ratios.*,
        cast(round(cast(100 * change_ratio as numeric(18, 6)), 2) as numeric(18, 2))
            as rounded_change
    from ratios
),

changes as (
    select
        rounded_changes.*,
        case
            when not coalesce(has_previous_quarter, false)
                or previous_vis_score is null
                or vis_score is null
                then null
            when previous_vis_score = 0 and vis_score = 0 then cast(0 as numeric(18, 2))
            when previous_vis_score = 0 then cast(100 as numeric(18, 2))
            else rounded_change
        end as vis_change_pct
    from rounded_changes
),

with_tier as (
    select
        changes.*,
        tier_bounds.vis_tier
    from changes
    left join tier_bounds
        on
            (
                tier_bounds.min_score_exclusive is null
                or changes.vis_score > tier_bounds.min_score_exclusive
            )
            and changes.vis_score <= tier_bounds.max_score_inclusive
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
    from with_tier
)

select * from final
