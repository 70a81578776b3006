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
