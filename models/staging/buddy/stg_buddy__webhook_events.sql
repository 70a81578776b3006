with webhook_events as (
    select * from {{ ref('base_buddy__webhook_events') }}
),

final as (
    select
        event_id,
        event_type,
        occurred_at,
        payload,
        _warnings,
        _source_table,
        _feed,
        _load_id,
        _source_file,
        _source_line,
        _loaded_at,
        _extra,
        _observed_at
    from webhook_events
    where is_accepted and not is_superseded
)

select * from final
