with events as (
    select * from {{ ref('base_buddy__events') }}
),

final as (
    select
        event_id,
        match_id,
        event_type,
        event_date,
        description,
        location,
        attendees,
        {{ csr_analytics.lineage_columns() }}
    from events
    where is_accepted and not is_superseded
)

select * from final
