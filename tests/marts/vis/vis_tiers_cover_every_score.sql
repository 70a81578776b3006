{#-
    The VIS tiers cover every score from 0 to 100 once: the highest tier ends at 100 and
    the tiers' order (tier_rank) is the order of their upper bounds. Rows = problems.
-#}
with tiers as (
    select * from {{ ref('vis_tiers') }}
),

ranked as (
    select
        vis_tier,
        tier_rank,
        max_score_inclusive,
        row_number() over (order by max_score_inclusive) as position_by_bound,
        row_number() over (order by tier_rank) as position_by_rank
    from tiers
),

problems as (
    select
        vis_tier,
        'tier_rank does not follow max_score_inclusive' as problem
    from ranked
    where position_by_bound <> position_by_rank
    union all
    select
        'all' as vis_tier,
        'the highest tier does not end at 100' as problem
    from tiers
    having max(max_score_inclusive) <> 100
)

select * from problems
