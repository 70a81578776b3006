with users as (
    select * from {{ ref('base_buddy__users') }}
),

final as (
    select
        user_id,
        email,
        first_name,
        last_name,
        role,
        joined_at,
        language_preference,
        interests,
        location,
        left_at,
        {{ csr_analytics.lineage_columns() }}
    from users
    where is_accepted and not is_superseded
)

select * from final
