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

with exports as (
    select * from {{ ref('base_buddy__exported_feedback') }}
),

webhook_fields as (
    select * from {{ ref('base_buddy__webhook_fields') }}
    where raw_table = 'buddy_feedback'
),

known_matches as (
    select distinct match_id from {{ ref('base_buddy__matches') }}
    where is_accepted
),

webhook_rows as (
    select
        {{ csr_analytics.lineage_columns() }},
        {{ csr_analytics.webhook_field_values(raw_names) }}
    from webhook_fields
    group by
        {{ csr_analytics.lineage_columns() }}
),

observations as (
    select
        {{ csr_analytics.lineage_columns('exports') }},
        {{ csr_analytics.raw_columns('exports', raw_names) }}
    from exports
    union all
    select
        {{ csr_analytics.lineage_columns('webhook_rows') }},
        {{ csr_analytics.raw_columns('webhook_rows', raw_names) }}
    from webhook_rows
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
        coalesce(feedback_id, {{ csr_analytics.ascii_lower('feedback_id__text') }}) as _record_key,
        {{ csr_analytics.staged_failures(columns, [
            csr_analytics.check_condition('match_id is not null and not is_known_match', 'orphan:match_id'),
        ]) }} as _failures,
        {{ csr_analytics.staged_warnings() }} as _warnings
    from with_match
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
