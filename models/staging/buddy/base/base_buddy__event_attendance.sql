{%- set columns = [
    {'name': 'event_id', 'type': 'uuid', 'required': true},
    {'name': 'user_id', 'type': 'uuid', 'required': true},
    {'name': 'event_title', 'required': true, 'max_length': 200},
    {'name': 'event_type', 'type': 'enum', 'required': true, 'values': ['cultural', 'educational',
        'professional', 'social', 'support', 'recreational', 'language', 'other']},
    {'name': 'event_format', 'type': 'enum', 'required': true, 'values': ['in-person', 'online', 'hybrid']},
    {'name': 'attended_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'match_id', 'type': 'uuid'},
    {'name': 'location'},
    {'name': 'duration_minutes', 'type': 'integer', 'min': 1},
    {'name': 'attendee_count', 'type': 'integer', 'min': 1},
    {'name': 'organizer', 'max_length': 100},
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

cleaned as (
    select
        {{ csr_analytics.lineage_columns() }},
        {{ csr_analytics.staged_text_columns(columns) }}
    from observations
),

typed as (
    select
        cleaned.*,
        {{ csr_analytics.staged_typed_columns(columns) }}
    from cleaned
),

with_user as (
    select
        typed.*,
        users.user_id is not null as is_known_user
    from typed
    left join users
        on typed.user_id = users.user_id
),

checked as (
    select
        with_user.*,
        {{ csr_analytics.record_key(['event_id', 'user_id']) }} as _record_key,
        {{ csr_analytics.code_list(csr_analytics.staged_column_checks(columns) + [
            csr_analytics.check_condition('user_id is not null and not is_known_user', 'orphan:user_id'),
            csr_analytics.check_condition(
                'sdg_goals is not null and not (' ~ csr_analytics.json_int_array_within('sdg_goals', 1, 17) ~ ')',
                'out_of_range:sdg_goals'),
        ]) }} as _failures,
        cast(null as text) as _warnings
    from with_user
),

marked as (
    {{ csr_analytics.mark_accepted('checked', '_record_key') }}
),

final as (
    select
        {{ csr_analytics.lineage_columns() }},
        _record_key,
        {{ csr_analytics.staged_column_names(columns) }},
        _failures,
        _warnings,
        is_accepted,
        is_superseded
    from marked
)

select * from final
