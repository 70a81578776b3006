with feedback as (
    select * from {{ ref('base_buddy__feedback') }}
),

final as (
    select
        feedback_id,
        match_id,
        from_role,
        rating,
        submitted_at,
        feedback_text,
        communication,
        helpfulness,
        engagement,
        {{ csr_analytics.lineage_columns() }}
    from feedback
    where is_accepted and not is_superseded
)

select * from final
