with users as (
    select * from {{ ref('base_kintell__users') }}
),

final as (
    select
        email,
        name,
        linkedin_url,
        verification_status,
        role_when_joined,
        grant_access,
        joined_kg_at,
        member_role,
        {{ csr_analytics.lineage_columns() }}
    from users
    where is_accepted and not is_superseded
)

select * from final
