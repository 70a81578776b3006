{%- set columns = [
    {'name': 'user_email', 'type': 'email', 'required': true},
    {'name': 'dimension', 'type': 'enum', 'required': true,
        'values': ['confidence', 'belonging', 'lang_level_proxy', 'job_readiness', 'well_being']},
    {'name': 'score', 'type': 'number', 'required': true, 'min': 0, 'max': 1},
    {'name': 'measured_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'text_type', 'type': 'enum',
        'values': ['buddy_feedback', 'kintell_feedback', 'checkin_note', 'skill_feedback']},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with raw_rows as (
    select * from {{ source('q2q', 'q2q_outcome_scores') }}
),

observations as (
    select
        {{ csr_analytics.export_lineage('raw_rows', 'q2q_outcome_scores') }},
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
        {{ csr_analytics.record_key(
            ['user_email', 'dimension', 'measured_at', 'text_type']
        ) }} as _record_key,
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
