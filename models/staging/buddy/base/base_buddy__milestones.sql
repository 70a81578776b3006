{%- set columns = [
    {'name': 'milestone_id', 'type': 'integer', 'required': true, 'min': 1},
    {'name': 'user_id', 'type': 'uuid', 'required': true},
    {'name': 'milestone_title', 'required': true, 'free_text': true},
    {'name': 'milestone_category', 'type': 'enum', 'required': true, 'values': ['onboarding', 'cultural',
        'language', 'community', 'professional', 'skills', 'events', 'buddy-connection', 'impact',
        'completion', 'other']},
    {'name': 'reached_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'points', 'type': 'integer', 'required': true, 'min': 0},
    {'name': 'badge_icon', 'free_text': true},
    {'name': 'target_role', 'type': 'enum', 'values': ['participant', 'buddy', 'all']},
    {'name': 'progress', 'type': 'json_object'},
    {'name': 'metadata', 'type': 'json_object'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('buddy', 'buddy_milestones', raw_names) }}
    union all
    {{ csr_analytics.webhook_rows('buddy_milestones', raw_names) }}
),

users as (
    select * from {{ ref('base_buddy__users') }}
    where is_accepted and not is_superseded
),

{{ csr_analytics.staged_typed_ctes(columns) }},

with_user as (
    select
        typed.*,
        users.user_id is not null as is_known_user
    from typed
    left join users
        on typed.user_id = users.user_id
),

{{ csr_analytics.staged_outcome_ctes(
    columns,
    'with_user',
    record_key=csr_analytics.record_key(['user_id', 'milestone_id']),
    checks=[
        csr_analytics.check_condition('user_id is not null and not is_known_user', 'orphan:user_id'),
    ]
) }}

select * from final
