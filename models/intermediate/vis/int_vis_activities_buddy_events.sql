{#- Informal Buddy events logged on a match, credited to the match's buddy
    (vis.md §1). -#}
with events as (
    select * from {{ ref('int_buddy_events_reconciled') }}
),

credited as (
    select
        'buddy_event:' || event_id as activity_key,
        'buddy_event' as activity_source,
        'informal_event' as activity_type,
        'buddy' as program_type,
        buddy_user_id as volunteer_user_id,
        participant_user_id,
        event_date as occurred_at,
        event_type as source_value,
        cast(null as integer) as duration_minutes
    from events
    where
        buddy_user_id is not null
        and {{ csr_analytics.is_on_or_before_as_of('event_date') }}
),

final as (
    select * from credited
)

select * from final
