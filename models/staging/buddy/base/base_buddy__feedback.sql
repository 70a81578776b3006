{%- set columns = [
    {'name': 'feedback_id', 'type': 'uuid', 'required': true},
    {'name': 'match_id', 'type': 'uuid', 'required': true},
    {'name': 'from_role', 'type': 'enum', 'required': true, 'values': ['participant', 'buddy']},
    {'name': 'rating', 'type': 'number', 'required': true, 'min': 0, 'max': 1},
    {'name': 'submitted_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'feedback_text'},
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
        coalesce(feedback_id, lower(feedback_id__text)) as _record_key,
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
