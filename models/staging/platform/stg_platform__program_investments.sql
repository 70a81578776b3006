with program_investments as (
    select * from {{ ref('base_platform__program_investments') }}
),

final as (
    select
        company_id,
        program_type,
        input_type,
        amount,
        currency,
        period_start,
        period_end,
        note,
        {{ csr_analytics.lineage_columns() }}
    from program_investments
    where is_accepted and not is_superseded
)

select * from final
