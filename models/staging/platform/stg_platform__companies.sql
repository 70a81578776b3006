with companies as (
    select * from {{ ref('base_platform__companies') }}
),

final as (
    select
        company_id,
        company_name,
        industry,
        country,
        {{ csr_analytics.lineage_columns() }}
    from companies
    where is_accepted and not is_superseded
)

select * from final
