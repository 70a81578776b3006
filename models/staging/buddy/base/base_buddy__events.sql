{%- set columns = [
    {'name': 'event_id', 'type': 'uuid', 'required': true},
    {'name': 'match_id', 'type': 'uuid', 'required': true},
    {'name': 'event_type', 'required': true},
    {'name': 'event_date', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'description', 'free_text': true},
    {'name': 'location', 'free_text': true},
    {'name': 'attendees', 'type': 'json_array'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('buddy', 'buddy_events', raw_names) }}
    union all
    {{ csr_analytics.webhook_rows('buddy_events', raw_names) }}
),

known_matches as (
    select distinct match_id from {{ ref('base_buddy__matches') }}
    where is_accepted
),

{{ csr_analytics.staged_typed_ctes(columns) }},

with_match as (
    select
        typed.*,
        known_matches.match_id is not null as is_known_match
    from typed
    left join known_matches
        on typed.match_id = known_matches.match_id
),

{{ csr_analytics.staged_outcome_ctes(
    columns,
    'with_match',
    record_key="coalesce(event_id, lower(event_id__text))",
    warnings=[
        csr_analytics.check_condition('match_id is not null and not is_known_match', 'unknown_match:match_id'),
    ]
) }}

select * from final
