with employment_outcomes as (
    select * from {{ ref('base_platform__employment_outcomes') }}
),

final as (
    select
        user_email,
        employed_at,
        employer,
        source,
        {{ csr_analytics.lineage_columns() }}
    from employment_outcomes
    where is_accepted and not is_superseded
)

select * from final
