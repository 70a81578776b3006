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

{{ csr_analytics.staged_typed_ctes(columns) }},

with_role as (
    select
        typed.*,
        case
            when lower(role_when_joined__text) in ('advisor', 'mentor', 'tutor') then 'volunteer'
            else 'participant'
        end as member_role
    from typed
),

{{ csr_analytics.staged_outcome_ctes(
    columns,
    'with_role',
    record_key="coalesce(email, lower(trim(email__text)))",
    derived=['member_role']
) }}

select * from final
