with event_attendance as (
    select * from {{ ref('base_buddy__event_attendance') }}
),

final as (
    select
        event_id,
        user_id,
        event_title,
        event_type,
        event_format,
        attended_at,
        match_id,
        location,
        duration_minutes,
        attendee_count,
        organizer,
        categories,
        sdg_goals,
        {{ csr_analytics.lineage_columns() }}
    from event_attendance
    where is_accepted and not is_superseded
)

select * from final
