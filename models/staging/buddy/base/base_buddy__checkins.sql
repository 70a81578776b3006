{%- set columns = [
    {'name': 'checkin_id', 'type': 'uuid', 'required': true},
    {'name': 'match_id', 'type': 'uuid', 'required': true},
    {'name': 'checkin_date', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'mood', 'type': 'enum', 'values': ['great', 'good', 'okay', 'struggling', 'difficult']},
    {'name': 'notes', 'free_text': true},
    {'name': 'question_responses', 'type': 'json_object'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('buddy', 'buddy_checkins', raw_names) }}
    union all
    {{ csr_analytics.webhook_rows('buddy_checkins', raw_names) }}
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
    record_key="coalesce(checkin_id, lower(checkin_id__text))",
    checks=[
        csr_analytics.check_condition('match_id is not null and not is_known_match', 'orphan:match_id'),
    ]
) }}

select * from final
