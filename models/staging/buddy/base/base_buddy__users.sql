{#-
    Buddy accounts from the export files (CSV or the JSON export): one row per landed row,
    typed, with every validity failure. An account is keyed by its Buddy UUID.
-#}
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

with raw_rows as (
    select * from {{ source('buddy', 'buddy_users') }}
),

observations as (
    select
        {{ csr_analytics.export_lineage('raw_rows', 'buddy_users') }},
        {{ csr_analytics.raw_columns('raw_rows', raw_names) }}
    from raw_rows
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
        coalesce(user_id, {{ csr_analytics.ascii_lower('id__text') }}) as _record_key,
        {{ csr_analytics.staged_failures(columns) }} as _failures,
        {{ csr_analytics.staged_warnings() }} as _warnings
    from typed
),

marked as (
    select
        checked.*,
        _failures is null as is_accepted,
        {{ csr_analytics.is_superseded('_record_key') }} as is_superseded
    from checked
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
