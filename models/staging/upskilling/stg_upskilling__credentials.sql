with credentials as (
    select * from {{ ref('base_upskilling__credentials') }}
),

final as (
    select
        credential_id,
        user_email,
        provider,
        course_id,
        course_name,
        credential_type,
        issued_at,
        expires_at,
        credential_url,
        verification_code,
        {{ csr_analytics.lineage_columns() }}
    from credentials
    where is_accepted and not is_superseded
)

select * from final
