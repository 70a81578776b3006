{#-
    One row per delivered webhook line. A line is routed to its entity's base model
    when its envelope is valid, its type is known and it is the first delivery of its id;
    duplicate deliveries are superseded (they count once).
-#}
with envelopes as (
    select * from {{ source('buddy', 'buddy_webhook_events') }}
),

known_types as (
    select distinct event_type from {{ ref('buddy_webhook_field_map') }}
),

typed as (
    select
        'buddy_webhook_events' as _source_table,
        'webhook' as _feed,
        envelopes._load_id,
        envelopes._source_file,
        envelopes._source_line,
        envelopes._loaded_at,
        envelopes._extra,
        {{ csr_analytics.parse_uuid(csr_analytics.clean_text('envelopes.event_id')) }} as event_id,
        {{ csr_analytics.clean_text('envelopes.event_type') }} as event_type,
        {{ csr_analytics.parse_timestamp(csr_analytics.clean_text('envelopes.occurred_at')) }}
            as occurred_at,
        envelopes.payload,
        {{ csr_analytics.json_type_of(
            csr_analytics.json_get_text('envelopes.payload', ['data'])
        ) }} as data_json_type,
        known_types.event_type is not null as is_known_type,
        {{ csr_analytics.clean_text('envelopes.event_id') }} as event_id_text,
        {{ csr_analytics.clean_text('envelopes.occurred_at') }} as occurred_at_text
    from envelopes
    left join known_types
        on {{ csr_analytics.clean_text('envelopes.event_type') }} = known_types.event_type
),

checked as (
    select
        typed.*,
        typed.occurred_at as _observed_at,
        lower(typed.event_id_text) as _record_key,
        {{ csr_analytics.code_list([
            csr_analytics.check_value('event_id_text', 'event_id', 'invalid_uuid', 'event_id', true),
            csr_analytics.check_value('occurred_at_text', 'occurred_at', 'invalid_timestamp', 'occurred_at', true),
            csr_analytics.check_condition("coalesce(data_json_type, '') <> 'object'", 'invalid_json:data'),
        ]) }} as _failures,
        {{ csr_analytics.code_list([
            csr_analytics.check_condition('not is_known_type', 'unknown_type:event_type'),
        ]) }} as _warnings
    from typed
),

deliveries as (
    select
        checked.*,
        row_number() over (
            partition by checked._failures is null, checked._record_key
            order by checked._load_id, checked._source_line
        ) as delivery_number
    from checked
),

final as (
    select
        _source_table,
        _feed,
        _load_id,
        _source_file,
        _source_line,
        _loaded_at,
        _extra,
        _observed_at,
        _record_key,
        event_id,
        event_type,
        occurred_at,
        payload,
        _failures,
        _warnings,
        _failures is null as is_accepted,
        (_failures is null and delivery_number > 1) as is_superseded,
        (_failures is null and delivery_number = 1 and is_known_type) as is_routed
    from deliveries
)

select * from final
