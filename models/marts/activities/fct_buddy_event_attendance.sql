{#-
    One row per formal Buddy event and attending account (cultural, educational,
    professional, ... events the program organises): the person, the role of the account
    they attended with, the event's type and format, when, for how long, and the
    person's company on that day. Titles, places and organisers stay in staging.
-#}
with attendance as (
    select * from {{ ref('int_buddy_event_attendance_reconciled') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

final as (
    select
        attendance.event_id,
        attendance.account_id,
        attendance.user_id as csr_user_id,
        attendance.account_role,
        memberships.company_id,
        attendance.match_id,
        attendance.event_type,
        attendance.event_format,
        attendance.attended_at,
        attendance.duration_minutes,
        attendance.attendee_count,
        attendance.in_export,
        attendance.in_webhooks
    from attendance
    left join memberships
        on {{ csr_analytics.company_on_day(
            'memberships', 'attendance.user_id', 'attendance.attended_at'
        ) }}
)

select * from final
