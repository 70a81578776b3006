{#-
    The fields of every accepted observation (at as_of_date) of a Buddy key that both
    feeds observed, one row per observation and field, as comparable text
    (reconciled_field_value): what dq_reconciliation compares to find conflicting_values
    and a match's conflicting status. _observation_rank is the observation's rank within
    its key, 1 = the most recent (the order of observation_rank()). Keys seen by one feed
    only cannot conflict and are left out. The entities and fields are
    buddy_reconciled_entities.
-#}
{%- set entities = csr_analytics.buddy_reconciled_entities() %}

with matches as (
    select * from {{ ref('int_buddy_match_observations') }}
),

events as (
    select * from {{ ref('stg_buddy__events') }}
),

event_attendance as (
    select * from {{ ref('stg_buddy__event_attendance') }}
),

skill_sessions as (
    select * from {{ ref('stg_buddy__skill_sessions') }}
),

checkins as (
    select * from {{ ref('stg_buddy__checkins') }}
),

feedback as (
    select * from {{ ref('stg_buddy__feedback') }}
),

milestones as (
    select * from {{ ref('stg_buddy__milestones') }}
),

fields as (
    {%- for name, entity in entities.items() %}
        {%- set entity_loop = loop %}
        {%- for field in entity['fields'] + entity['state'] %}
            select
                '{{ name }}' as entity,
                _record_key,
                _feed,
                _observed_at,
                _load_id,
                _source_line,
                {{ loop.index }} as field_position,
                '{{ field }}' as field_name,
                {{ 'false' if field in entity['state'] else 'true' }} as is_compared,
                {{ csr_analytics.reconciled_field_value(entity, field) }} as field_value
            from {{ name }}
            {%- if entity['as_of'] %}
                where {{ csr_analytics.is_on_or_before_as_of(entity['as_of']) }}
            {%- endif %}
            {%- if not (entity_loop.last and loop.last) %}
                union all
            {%- endif %}
        {%- endfor %}
    {%- endfor %}
),

ranked as (
    select
        fields.*,
        dense_rank() over (
            partition by entity, _record_key
            order by {{ csr_analytics.observation_order() }}
        ) as _observation_rank,
        max(case when _feed = 'export' then 1 else 0 end) over (
            partition by entity, _record_key
        ) as has_export,
        max(case when _feed = 'webhook' then 1 else 0 end) over (
            partition by entity, _record_key
        ) as has_webhook
    from fields
),

final as (
    select
        entity,
        _record_key,
        _feed,
        _observed_at,
        _observation_rank,
        field_position,
        field_name,
        is_compared,
        field_value
    from ranked
    where has_export = 1 and has_webhook = 1
)

select * from final
