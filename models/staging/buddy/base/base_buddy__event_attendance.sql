{%- set columns = [
    {'name': 'event_id', 'type': 'uuid', 'required': true},
    {'name': 'user_id', 'type': 'uuid', 'required': true},
    {'name': 'event_title', 'required': true, 'max_length': 200, 'free_text': true},
    {'name': 'event_type', 'type': 'enum', 'required': true, 'values': ['cultural', 'educational',
        'professional', 'social', 'support', 'recreational', 'language', 'other']},
    {'name': 'event_format', 'type': 'enum', 'required': true, 'values': ['in-person', 'online', 'hybrid']},
    {'name': 'attended_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'match_id', 'type': 'uuid'},
    {'name': 'location', 'free_text': true},
    {'name': 'duration_minutes', 'type': 'integer', 'min': 1},
    {'name': 'attendee_count', 'type': 'integer', 'min': 1},
    {'name': 'organizer', 'max_length': 100, 'free_text': true},
    {'name': 'categories', 'type': 'json_array'},
    {'name': 'sdg_goals', 'type': 'json_array'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('buddy', 'buddy_event_attendance', raw_names) }}
    union all
    {{ csr_analytics.webhook_rows('buddy_event_attendance', raw_names) }}
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
    record_key=csr_analytics.record_key(['event_id', 'user_id']),
    checks=[
        csr_analytics.check_condition('user_id is not null and not is_known_user', 'orphan:user_id'),
        csr_analytics.check_condition(
            'sdg_goals is not null and not (' ~ csr_analytics.json_int_array_within('sdg_goals', 1, 17) ~ ')',
            'out_of_range:sdg_goals'),
    ]
) }}

select * from final
