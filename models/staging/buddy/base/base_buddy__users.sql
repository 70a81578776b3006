{%- set columns = [
    {'name': 'id', 'as': 'user_id', 'type': 'uuid', 'required': true},
    {'name': 'email', 'type': 'email', 'required': true},
    {'name': 'first_name', 'required': true, 'max_length': 100, 'free_text': true},
    {'name': 'last_name', 'required': true, 'max_length': 100, 'free_text': true},
    {'name': 'role', 'type': 'enum', 'values': ['participant', 'buddy'], 'required': true},
    {'name': 'joined_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'language_preference', 'free_text': true},
    {'name': 'interests', 'type': 'json_array'},
    {'name': 'location', 'free_text': true},
    {'name': 'left_at', 'type': 'timestamp'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('buddy', 'buddy_users', raw_names) }}
),

{{ csr_analytics.staged_typed_ctes(columns) }},

{{ csr_analytics.staged_outcome_ctes(
    columns,
    'typed',
    record_key="coalesce(user_id, lower(id__text))"
) }}

select * from final
