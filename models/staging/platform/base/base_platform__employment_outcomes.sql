{%- set columns = [
    {'name': 'user_email', 'type': 'email', 'required': true},
    {'name': 'employed_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'employer'},
    {'name': 'source'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('platform', 'platform_employment_outcomes', raw_names) }}
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
        {{ csr_analytics.record_key(['user_email', 'employed_at']) }} as _record_key,
        {{ csr_analytics.code_list(csr_analytics.staged_column_checks(columns) + [

        ]) }} as _failures,
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
