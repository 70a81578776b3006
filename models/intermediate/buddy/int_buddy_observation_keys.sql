{#-
    One row per Buddy entity and key (the reconciled entities of
    buddy_reconciled_entities): how many accepted observations each feed holds at
    as_of_date, when the first webhook and the last export and webhook observed it, its
    latest business timestamp, and when the entity's latest export was taken; for a
    match, whether an observation that says it is open is more recent than one that says
    it ended (is_reopened_after_end: a later "active" does not reopen it, domain.md §3).
    dq_reconciliation reads missing_in_export, missing_in_webhooks and that part of
    conflicting_status from here. Matches come as they stand at as_of_date
    (int_buddy_match_observations); the other entities are cut at their business
    timestamp.
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

observations as (
    {%- for name, entity in entities.items() %}
        select
            '{{ name }}' as entity,
            _record_key,
            _feed,
            _observed_at,
            _load_id,
            _source_line,
            {{ entity['business_at'] }} as business_at,
            {{ 'status' if 'status' in entity['state'] else 'cast(null as text)' }} as status
        from {{ name }}
        {%- if entity['as_of'] %}
            where {{ csr_analytics.is_on_or_before_as_of(entity['as_of']) }}
        {%- endif %}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

ranked as (
    select
        observations.*,
        {{ csr_analytics.observation_rank(['entity', '_record_key']) }} as _observation_rank
    from observations
),

final as (
    select
        entity,
        _record_key,
        sum(case when _feed = 'export' then 1 else 0 end) as export_observations_count,
        sum(case when _feed = 'webhook' then 1 else 0 end) as webhook_observations_count,
        min(case when _feed = 'webhook' then _observed_at end) as first_webhook_at,
        max(case when _feed = 'export' then _observed_at end) as last_export_at,
        max(case when _feed = 'webhook' then _observed_at end) as last_webhook_at,
        max(business_at) as last_business_at,
        max(max(case when _feed = 'export' then _observed_at end)) over (
            partition by entity
        ) as entity_last_export_at,
        coalesce(
            min(case when status in ('active', 'inactive') then _observation_rank end)
            < max(case when status = 'ended' then _observation_rank end),
            false
        ) as is_reopened_after_end
    from ranked
    group by
        entity,
        _record_key
)

select * from final
