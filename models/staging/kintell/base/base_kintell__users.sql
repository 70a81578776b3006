{%- set columns = [
    {'name': 'email', 'type': 'email', 'required': true},
    {'name': 'name'},
    {'name': 'linkedin_url'},
    {'name': 'verification_status'},
    {'name': 'role_when_joined'},
    {'name': 'grant_access'},
    {'name': 'joined_kg_at', 'type': 'timestamp', 'business': true},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('kintell', 'kintell_users', raw_names) }}
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
        {{ csr_analytics.staged_typed_columns(columns) }},
        case
            when lower(role_when_joined__text) in ('advisor', 'mentor', 'tutor') then 'volunteer'
            else 'participant'
        end as member_role
    from cleaned
),

checked as (
    select
        typed.*,
        coalesce(email, lower(trim(email__text))) as _record_key,
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
        member_role,
        _failures,
        _warnings,
        is_accepted,
        is_superseded
    from marked
)

select * from final
