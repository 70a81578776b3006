{#-
    Buddy export vs webhook comparison (domain.md §3): one row per entity, key and
    discrepancy - missing_in_export, missing_in_webhooks, conflicting_status (matches),
    conflicting_values. Values are compared typed (int_buddy_observation_fields: UUIDs
    lower-cased, timestamps in UTC, numbers as numbers, JSON in canonical form, event
    and check-in days as dates), and an export row is compared with the webhook state as
    it stood at the export's observation time - for each field, the most recent earlier
    webhook that has it: a webhook after the export is not a conflict. Only observations
    that take part at as_of_date count, each webhook delivery once. Field names are
    listed, never values (some are free text).
-#}
with keys as (
    select * from {{ ref('int_buddy_observation_keys') }}
),

fields as (
    select * from {{ ref('int_buddy_observation_fields') }}
),

webhook_envelopes as (
    select * from {{ ref('base_buddy__webhook_events') }}
    where is_accepted
),

webhook_feed as (
    select min(occurred_at) as feed_started_at
    from webhook_envelopes
),

export_fields as (
    select * from fields
    where _feed = 'export'
),

webhook_fields as (
    select * from fields
    where _feed = 'webhook' and field_value is not null
),

state_ranks as (
    select
        export_fields.entity,
        export_fields._record_key,
        export_fields._observation_rank as export_rank,
        export_fields.field_name,
        min(webhook_fields._observation_rank) as state_rank
    from export_fields
    inner join webhook_fields
        on export_fields.entity = webhook_fields.entity
            and export_fields._record_key = webhook_fields._record_key
            and export_fields.field_name = webhook_fields.field_name
            and export_fields._observed_at > webhook_fields._observed_at
    group by
        export_fields.entity,
        export_fields._record_key,
        export_fields._observation_rank,
        export_fields.field_name
),

export_states as (
    select
        export_fields.entity,
        export_fields._record_key,
        export_fields.field_position,
        export_fields.field_name,
        export_fields.is_compared,
        export_fields.field_value as export_value,
        webhook_fields.field_value as webhook_value
    from export_fields
    inner join state_ranks
        on export_fields.entity = state_ranks.entity
            and export_fields._record_key = state_ranks._record_key
            and export_fields._observation_rank = state_ranks.export_rank
            and export_fields.field_name = state_ranks.field_name
    inner join webhook_fields
        on state_ranks.entity = webhook_fields.entity
            and state_ranks._record_key = webhook_fields._record_key
            and state_ranks.field_name = webhook_fields.field_name
            and state_ranks.state_rank = webhook_fields._observation_rank
),

differing_fields as (
    select distinct
        entity,
        _record_key,
        field_position,
        field_name
    from export_states
    where is_compared and export_value <> webhook_value
),

conflicting_fields as (
    select
        entity,
        _record_key,
        {{ dbt.listagg('field_name', "', '", 'order by field_position') }} as field_names
    from differing_fields
    group by
        entity,
        _record_key
),

match_export_status_differences as (
    select distinct _record_key
    from export_states
    where
        entity = 'matches'
        and field_name = 'status'
        and (export_value = 'ended') <> (webhook_value = 'ended')
),

final as (
    select
        keys.entity,
        keys._record_key as record_key,
        'missing_in_export' as discrepancy,
        cast(null as text) as field_names,
        keys.last_export_at as export_observed_at,
        keys.last_webhook_at as webhook_observed_at
    from keys
    where
        keys.export_observations_count = 0
        and keys.first_webhook_at < keys.entity_last_export_at
    union all
    select
        keys.entity,
        keys._record_key as record_key,
        'missing_in_webhooks' as discrepancy,
        cast(null as text) as field_names,
        keys.last_export_at as export_observed_at,
        keys.last_webhook_at as webhook_observed_at
    from keys
    cross join webhook_feed
    where
        keys.webhook_observations_count = 0
        and keys.last_business_at >= webhook_feed.feed_started_at
    union all
    select
        keys.entity,
        keys._record_key as record_key,
        'conflicting_values' as discrepancy,
        conflicting_fields.field_names,
        keys.last_export_at as export_observed_at,
        keys.last_webhook_at as webhook_observed_at
    from conflicting_fields
    inner join keys
        on conflicting_fields.entity = keys.entity
            and conflicting_fields._record_key = keys._record_key
    union all
    select
        keys.entity,
        keys._record_key as record_key,
        'conflicting_status' as discrepancy,
        'status' as field_names,
        keys.last_export_at as export_observed_at,
        keys.last_webhook_at as webhook_observed_at
    from keys
    where
        keys.entity = 'matches'
        and (
            keys.is_reopened_after_end
            or keys._record_key in (select _record_key from match_export_status_differences)
        )
)

select * from final
