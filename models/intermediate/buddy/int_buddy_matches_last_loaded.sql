{#-
    Per Buddy match that exists at as_of_date: its two accounts and when an accepted row
    about it — the match itself, or an informal event, check-in or feedback on it — was
    last loaded (any feed). buddy_last_synced (int_journey_buddy_last_synced) reads it.
-#}
with matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

events as (
    select * from {{ ref('int_buddy_events_reconciled') }}
),

checkins as (
    select * from {{ ref('int_buddy_checkins_reconciled') }}
),

feedback as (
    select * from {{ ref('int_buddy_feedback_reconciled') }}
),

match_loads as (
    select
        match_id,
        last_loaded_at
    from matches
    union all
    select
        match_id,
        last_loaded_at
    from events
    union all
    select
        match_id,
        last_loaded_at
    from checkins
    union all
    select
        match_id,
        last_loaded_at
    from feedback
),

last_loads as (
    select
        match_id,
        max(last_loaded_at) as last_loaded_at
    from match_loads
    group by match_id
),

final as (
    select
        matches.match_id,
        matches.participant_account_id,
        matches.buddy_account_id,
        last_loads.last_loaded_at
    from matches
    inner join last_loads
        on matches.match_id = last_loads.match_id
)

select * from final
