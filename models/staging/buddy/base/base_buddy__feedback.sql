{%- set columns = [
    {'name': 'feedback_id', 'type': 'uuid', 'required': true},
    {'name': 'match_id', 'type': 'uuid', 'required': true},
    {'name': 'from_role', 'type': 'enum', 'required': true, 'values': ['participant', 'buddy']},
    {'name': 'rating', 'type': 'number', 'required': true, 'min': 0, 'max': 1},
    {'name': 'submitted_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'feedback_text', 'free_text': true},
    {'name': 'communication', 'type': 'number', 'min': 0, 'max': 1},
    {'name': 'helpfulness', 'type': 'number', 'min': 0, 'max': 1},
    {'name': 'engagement', 'type': 'number', 'min': 0, 'max': 1},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('buddy', 'buddy_feedback', raw_names) }}
    union all
    {{ csr_analytics.webhook_rows('buddy_feedback', raw_names) }}
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
    record_key="coalesce(feedback_id, lower(feedback_id__text))",
    checks=[
        csr_analytics.check_condition('match_id is not null and not is_known_match', 'orphan:match_id'),
    ]
) }}

select * from final
