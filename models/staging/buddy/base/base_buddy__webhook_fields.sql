{#-
    Every field a routed webhook event carries into an entity's raw columns, one row per
    event and column (the seed buddy_webhook_field_map says which envelope path, or
    constant, fills which column of which raw table). The entity base models read their
    webhook rows from here. Only routed events: valid envelopes of a known type, each
    delivered id once (base_buddy__webhook_events).
-#}
with envelopes as (
    select * from {{ ref('base_buddy__webhook_events') }}
    where is_routed
),

field_map as (
    select * from {{ ref('buddy_webhook_field_map') }}
),

fields as (
    select
        envelopes._source_table,
        envelopes._feed,
        envelopes._load_id,
        envelopes._source_file,
        envelopes._source_line,
        envelopes._loaded_at,
        envelopes._extra,
        envelopes.occurred_at as _observed_at,
        envelopes.event_id as _webhook_event_id,
        field_map.raw_table,
        field_map.column_name,
        coalesce(
            field_map.constant_value,
            {{ csr_analytics.json_get_text('envelopes.payload', 'field_map.source_path', true) }}
        ) as value_text
    from envelopes
    inner join field_map
        on envelopes.event_type = field_map.event_type
),

final as (
    select * from fields
)

select * from final
