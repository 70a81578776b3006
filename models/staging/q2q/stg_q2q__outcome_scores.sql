with outcome_scores as (
    select * from {{ ref('base_q2q__outcome_scores') }}
),

final as (
    select
        user_email,
        dimension,
        score,
        measured_at,
        text_type,
        {{ csr_analytics.lineage_columns() }}
    from outcome_scores
    where is_accepted and not is_superseded
)

select * from final
