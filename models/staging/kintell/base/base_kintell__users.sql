{#-
    Kintell members, keyed by normalised email. member_role: advisor, mentor and tutor
    (case-insensitive) are volunteers, anything else a participant — informational only
    (a person's role in a program comes from the sessions, domain.md §5).
-#}
{%- set columns = [
    {'name': 'email', 'type': 'email', 'required': true},
    {'name': 'name', 'free_text': true},
    {'name': 'linkedin_url', 'free_text': true},
    {'name': 'verification_status', 'free_text': true},
    {'name': 'role_when_joined', 'free_text': true},
    {'name': 'grant_access', 'free_text': true},
    {'name': 'joined_kg_at', 'type': 'timestamp', 'business': true},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with raw_rows as (
    select * from {{ source('kintell', 'kintell_users') }}
),

observations as (
    select
        {{ csr_analytics.export_lineage('raw_rows', 'kintell_users') }},
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
        {{ csr_analytics.staged_typed_columns(columns) }},
        case
            when {{ csr_analytics.ascii_lower('role_when_joined__text') }}
                in ('advisor', 'mentor', 'tutor') then 'volunteer'
            else 'participant'
        end as member_role
    from cleaned
),

checked as (
    select
        typed.*,
        coalesce(email, {{ csr_analytics.normalize_email('email__text') }}) as _record_key,
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
        member_role,
        _failures,
        _warnings,
        is_accepted,
        is_superseded
    from marked
)

select * from final
