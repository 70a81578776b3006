{#-
    One row per Buddy feedback on a match: who gave it (participant or buddy side), the
    ratings on the 0-1 scale, the match's two people and the company of the match's buddy
    on the day it was submitted. The feedback text stays in staging.
-#}
with feedback as (
    select * from {{ ref('int_buddy_feedback_reconciled') }}
),

matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

final as (
    select
        feedback.feedback_id,
        feedback.match_id,
        matches.participant_user_id,
        matches.buddy_user_id,
        memberships.company_id,
        feedback.from_role,
        feedback.submitted_at,
        feedback.rating,
        feedback.communication,
        feedback.helpfulness,
        feedback.engagement,
        feedback.in_export,
        feedback.in_webhooks
    from feedback
    left join matches
        on feedback.match_id = matches.match_id
    left join memberships
        on {{ csr_analytics.company_on_day(
            'memberships', 'matches.buddy_user_id', 'feedback.submitted_at'
        ) }}
)

select * from final
