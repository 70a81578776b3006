{#-
    Every outcome event is credited in full and only once: its shares across companies
    (and the unattributed part) - the shares of its attribution key - sum to 1 (within
    1e-9), and no event lacks shares.
-#}

with

outcome_events as (
    select * from {{ ref('int_sroi_outcome_events') }}
),

attribution_shares as (
    select * from {{ ref('int_sroi_attribution_shares') }}
),

share_sums as (
    select
        attribution_key,
        sum(credit_share) as share_sum
    from attribution_shares
    group by attribution_key
),

checked as (
    select
        outcome_events.outcome_event_key,
        share_sums.share_sum
    from outcome_events
    left join share_sums
        on outcome_events.attribution_key = share_sums.attribution_key
)

select *
from checked
where
    share_sum is null
    or share_sum > cast(1.000000001 as numeric(38, 12))
    or share_sum < cast(0.999999999 as numeric(38, 12))
