with companies as (
    select * from {{ ref('stg_platform__companies') }}
),

final as (
    select
        cast(company_id as text) as company_id,
        cast(company_name as text) as company_name,
        cast(industry as text) as industry,
        cast(country as text) as country
    from companies
)

select * from final
