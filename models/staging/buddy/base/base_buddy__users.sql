{%- set columns = [
    {'name': 'id', 'as': 'user_id', 'type': 'uuid', 'required': true},
    {'name': 'email', 'type': 'email', 'required': true},
    {'name': 'first_name', 'required': true, 'max_length': 100},
    {'name': 'last_name', 'required': true, 'max_length': 100},
    {'name': 'role', 'type': 'enum', 'values': ['participant', 'buddy'], 'required': true},
    {'name': 'joined_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'language_preference'},
    {'name': 'interests', 'type': 'json_array'},
    {'name': 'location'},
    {'name': 'left_at', 'type': 'timestamp'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('buddy', 'buddy_users', raw_names) }}
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

checked as (
    select
        typed.*,
        coalesce(user_id, lower(id__text)) as _record_key,
        {{ csr_analytics.code_list(csr_analytics.staged_column_checks(columns)) }} as _failures,
        cast(null as text) as _warnings
    from typed
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
