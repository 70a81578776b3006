with employee_hour_costs as (
    select * from {{ ref('base_platform__employee_hour_costs') }}
),

final as (
    select
        company_id,
        hourly_cost,
        currency,
        valid_from,
        valid_to,
        {{ csr_analytics.lineage_columns() }}
    from employee_hour_costs
    where is_accepted and not is_superseded
)

select * from final
