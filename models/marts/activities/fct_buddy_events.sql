{#-
    One row per informal Buddy event logged on a match (hangouts, calls, activities): its
    type and date, the match's two people (null when the match is unknown) and the
    company of the match's buddy on the event's day. Descriptions and places stay in
    staging. Formal events people attended are fct_buddy_event_attendance.
-#}
with events as (
    select * from {{ ref('int_buddy_events_reconciled') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

final as (
    select
        events.event_id,
        events.match_id,
        events.participant_user_id,
        events.buddy_user_id,
        memberships.company_id,
        events.event_type,
        events.event_date,
        events.is_known_match,
        events.in_export,
        events.in_webhooks
    from events
    left join memberships
        on {{ csr_analytics.company_on_day(
            'memberships', 'events.buddy_user_id', 'events.event_date'
        ) }}
)

select * from final
