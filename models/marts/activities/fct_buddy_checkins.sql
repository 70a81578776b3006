{#-
    One row per Buddy check-in on a match (reconciled from the export and the webhooks,
    domain.md §3): its match, the match's two people, the mood, and the company of the
    match's buddy on the check-in's day (the volunteering side; null = no company or an
    unknown match). Notes stay in staging.
-#}
with checkins as (
    select * from {{ ref('int_buddy_checkins_reconciled') }}
),

matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

final as (
    select
        checkins.checkin_id,
        checkins.match_id,
        matches.participant_user_id,
        matches.buddy_user_id,
        memberships.company_id,
        checkins.checkin_date,
        checkins.mood,
        checkins.mood_rank,
        checkins.in_export,
        checkins.in_webhooks
    from checkins
    left join matches
        on checkins.match_id = matches.match_id
    left join memberships
        on {{ csr_analytics.company_on_day(
            'memberships', 'matches.buddy_user_id', 'checkins.checkin_date'
        ) }}
)

select * from final
