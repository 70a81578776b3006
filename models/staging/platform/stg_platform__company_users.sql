with company_users as (
    select * from {{ ref('base_platform__company_users') }}
),

final as (
    select
        company_id,
        user_email,
        joined_at,
        left_at,
        {{ csr_analytics.lineage_columns() }}
    from company_users
    where is_accepted and not is_superseded
)

select * from final
