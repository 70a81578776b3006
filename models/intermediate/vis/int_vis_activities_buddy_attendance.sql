{#- Formal Buddy events, credited to the attending user when they attended as a buddy;
    the participant is the participant of the event's match (null without a match). -#}
with attendance as (
    select * from {{ ref('int_buddy_event_attendance_reconciled') }}
),

matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

buddy_attendance as (
    select
        'buddy_attendance:' || attendance.event_id || ':' || attendance.account_id
            as activity_key,
        'buddy_attendance' as activity_source,
        'formal_event' as activity_type,
        'buddy' as program_type,
        attendance.user_id as volunteer_user_id,
        matches.participant_user_id,
        attendance.attended_at as occurred_at,
        attendance.event_type as source_value,
        attendance.duration_minutes
    from attendance
    left join matches
        on attendance.match_id = matches.match_id
    where
        attendance.account_role = 'buddy'
        and attendance.user_id is not null
        and {{ csr_analytics.is_on_or_before_as_of('attendance.attended_at') }}
),

final as (
    select * from buddy_attendance
)

select * from final
