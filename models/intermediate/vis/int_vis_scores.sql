{#-
    The VIS per volunteer, program ('all' = cross-program) and period (vis.md §2-§3):
    the four components (null when there is nothing to measure or the program does not
    track them), VIS = Σ w·C / Σ w over the tracked, non-null components, computed from
    the unrounded components in numeric(18, 6) and rounded half away from zero to 2
    decimals (the tier is read from it in fct_vis_scores).
-#}
with measures as (
    select * from {{ ref('int_vis_measures') }}
),

component_weights as (
    select * from {{ ref('vis_component_weights') }}
),

weights as (
    select
        max(case when component = 'hours' then cast(weight as numeric(18, 6)) end)
            as hours_weight,
        max(case when component = 'quality' then cast(weight as numeric(18, 6)) end)
            as quality_weight,
        max(case when component = 'outcome' then cast(weight as numeric(18, 6)) end)
            as outcome_weight,
        max(case when component = 'placement' then cast(weight as numeric(18, 6)) end)
            as placement_weight
    from component_weights
),

ratios as (
    select
        measures.*,
        {{ csr_analytics.safe_divide('ratings_sum', 'ratings_count') }} as mean_rating,
        {{ csr_analytics.safe_divide(
            'improved_participants_count', 'participants_count'
        ) }} as improved_share,
        {{ csr_analytics.safe_divide(
            'placed_participants_count', 'placement_candidates_count'
        ) }} as placed_share
    from measures
),

components as (
    select
        ratios.*,
        case
            when tracks_hours
                then {{ csr_analytics.vis_hours_component('weighted_hours') }}
        end as hours_value,
        case
            when tracks_quality and ratings_count > 0
                then cast(100 * mean_rating as numeric(18, 6))
        end as quality_value,
        case
            when tracks_outcome and participants_count > 0
                then cast(100 * improved_share as numeric(18, 6))
        end as outcome_value,
        case
            when tracks_placement and placement_candidates_count > 0
                then cast(100 * placed_share as numeric(18, 6))
        end as placement_value
    from ratios
),

weighted as (
    select
        components.*,
        cast(
            coalesce(weights.hours_weight * components.hours_value, 0)
            + coalesce(weights.quality_weight * components.quality_value, 0)
            + coalesce(weights.outcome_weight * components.outcome_value, 0)
            + coalesce(weights.placement_weight * components.placement_value, 0)
            as numeric(18, 6)
        ) as weighted_sum,
        cast(
            case
                when components.hours_value is not null then weights.hours_weight
                else 0
            end
            + case
                when components.quality_value is not null then weights.quality_weight
                else 0
            end
            + case
                when components.outcome_value is not null then weights.outcome_weight
                else 0
            end
            + case
                when components.placement_value is not null
                    then weights.placement_weight
                else 0
            end
            as numeric(18, 6)
        ) as weights_sum
    from components
    cross join weights
),

scored as (
    select
        weighted.*,
        {{ csr_analytics.safe_divide('weighted_sum', 'weights_sum') }} as vis_value
    from weighted
),

rounded as (
    select
        scored.*,
        cast(round(cast(vis_value as numeric(18, 6)), 2) as numeric(5, 2)) as vis_score
    from scored
),

final as (
    select
        rounded.volunteer_user_id,
        rounded.program_type,
        rounded.period_type,
        rounded.period_start,
        rounded.cutoff_date,
        rounded.minutes,
        rounded.weighted_hours,
        cast(round(rounded.hours_value, 2) as numeric(5, 2)) as hours_component,
        cast(round(rounded.quality_value, 2) as numeric(5, 2)) as quality_component,
        cast(round(rounded.outcome_value, 2) as numeric(5, 2)) as outcome_component,
        cast(round(rounded.placement_value, 2) as numeric(5, 2)) as placement_component,
        rounded.vis_score,
        rounded.ratings_count,
        rounded.participants_count,
        rounded.improved_participants_count,
        rounded.placement_candidates_count,
        rounded.placed_participants_count,
        rounded.tracks_hours,
        rounded.tracks_quality,
        rounded.tracks_outcome,
        rounded.tracks_placement
    from rounded
)

select * from final
