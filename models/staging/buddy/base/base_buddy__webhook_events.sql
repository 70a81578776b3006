{#-
    One row per delivered webhook line. A line is routed to its entity's base model
    when its envelope is valid, its type is known and it is the first delivery of its id;
    duplicate deliveries are superseded (they count once). The envelope must be JSON by
    the value grammar (parse_json.sql) with exact numbers (webhook_numbers_are_exact):
    a payload that is not is rejected as invalid_json:payload, never an error.
-#}
with envelopes as (
    select * from {{ source('buddy', 'buddy_webhook_events') }}
),

field_map as (
    select * from {{ ref('buddy_webhook_field_map') }}
),

known_types as (
    select distinct event_type from field_map
),

cleaned as (
    select
        _load_id,
        _source_file,
        _source_line,
        _loaded_at,
        _extra,
        {{ csr_analytics.clean_text('event_id') }} as event_id__text,
        {{ csr_analytics.clean_text('event_type') }} as event_type,
        {{ csr_analytics.clean_text('occurred_at') }} as occurred_at__text,
        payload
    from envelopes
),

parsed as (
    select
        cleaned.*,
        (case
            when {{ csr_analytics.json_is_valid('payload') }}
                then {{ csr_analytics.webhook_numbers_are_exact('payload') }}
            else false
        end) as is_payload_valid
    from cleaned
),

typed as (
    select
        'buddy_webhook_events' as _source_table,
        'webhook' as _feed,
        parsed._load_id,
        parsed._source_file,
        parsed._source_line,
        parsed._loaded_at,
        parsed._extra,
        parsed.event_id__text,
        parsed.occurred_at__text,
        {{ csr_analytics.parse_uuid('parsed.event_id__text') }} as event_id,
        parsed.event_type,
        {{ csr_analytics.parse_timestamp('parsed.occurred_at__text') }} as occurred_at,
        parsed.payload,
        parsed.is_payload_valid,
        (case
            when parsed.is_payload_valid
                then {{ csr_analytics.json_value_type('parsed.payload', 'data') }}
        end) as data_json_type,
        known_types.event_type is not null as is_known_type
    from parsed
    left join known_types
        on parsed.event_type = known_types.event_type
),

checked as (
    select
        typed.*,
        typed.occurred_at as _observed_at,
        {{ csr_analytics.ascii_lower('typed.event_id__text') }} as _record_key,
        {{ csr_analytics.code_list([
            csr_analytics.check_value('event_id__text', 'event_id', 'invalid_uuid', 'event_id', true),
            csr_analytics.check_value('occurred_at__text', 'occurred_at', 'invalid_timestamp', 'occurred_at', true),
            csr_analytics.check_condition('not is_payload_valid', 'invalid_json:payload'),
            csr_analytics.check_condition(
                "is_payload_valid and coalesce(data_json_type, '') <> 'object'", 'invalid_json:data'),
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
