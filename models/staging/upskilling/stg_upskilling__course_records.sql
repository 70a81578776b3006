with course_records as (
    select * from {{ ref('base_upskilling__course_records') }}
),

final as (
    select
        user_email,
        provider,
        course_id,
        course_name,
        status,
        progress_percent,
        started_at,
        completed_at,
        updated_at,
        final_score,
        credential_ref,
        {{ csr_analytics.lineage_columns() }}
    from course_records
    where is_accepted and not is_superseded
)

select * from final
