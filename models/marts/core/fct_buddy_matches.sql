{#- Buddy matches reconciled from exports and webhooks (domain.md §3), at as_of_date. -#}
with matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

final as (
    select
        cast(match_id as text) as match_id,
        cast(participant_user_id as text) as participant_user_id,
        cast(buddy_user_id as text) as buddy_user_id,
        cast(participant_account_id as text) as participant_account_id,
        cast(buddy_account_id as text) as buddy_account_id,
        cast(matched_at as timestamp) as matched_at,
        is_matched_at_derived,
        cast(status as text) as status,
        cast(ended_at as timestamp) as ended_at,
        cast(end_reason as text) as end_reason,
        cast(duration_days as integer) as duration_days,
        is_open,
        in_export,
        in_webhooks
    from matches
)

select * from final
