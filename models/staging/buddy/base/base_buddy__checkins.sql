{%- set columns = [
    {'name': 'checkin_id', 'type': 'uuid', 'required': true},
    {'name': 'match_id', 'type': 'uuid', 'required': true},
    {'name': 'checkin_date', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'mood', 'type': 'enum', 'values': ['great', 'good', 'okay', 'struggling', 'difficult']},
    {'name': 'notes'},
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
        coalesce(checkin_id, lower(checkin_id__text)) as _record_key,
        {{ csr_analytics.code_list(csr_analytics.staged_column_checks(columns) + [
            csr_analytics.check_condition('match_id is not null and not is_known_match', 'orphan:match_id'),
        ]) }} as _failures,
        cast(null as text) as _warnings
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
