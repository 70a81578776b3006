{%- set columns = [
    {'name': 'event_id', 'type': 'uuid', 'required': true},
    {'name': 'match_id', 'type': 'uuid', 'required': true},
    {'name': 'event_type', 'required': true},
    {'name': 'event_date', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'description'},
    {'name': 'location'},
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

with_match as (
    select
        typed.*,
        known_matches.match_id is not null as is_known_match
    from typed
    left join known_matches
        on typed.match_id = known_matches.match_id
),

checked as (
    select
        with_match.*,
        coalesce(event_id, lower(event_id__text)) as _record_key,
        {{ csr_analytics.code_list(csr_analytics.staged_column_checks(columns) + [

        ]) }} as _failures,
        {{ csr_analytics.code_list([
            csr_analytics.check_condition('match_id is not null and not is_known_match', 'unknown_match:match_id'),
        ]) }} as _warnings
    from with_match
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
