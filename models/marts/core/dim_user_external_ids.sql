{#-
    Every source identity of a person (domain.md §1). Buddy identities are the Buddy user
    UUID. Kintell and upskilling providers know people by their email, which stays in the
    pii schema: here those identities are the UUID of the normalised email (the same
    value as the csr_user_id), external_id_type 'email_uuid'.
-#}
with external_ids as (
    select * from {{ ref('int_user_external_ids') }}
),

final as (
    select
        cast(provider as text) as provider,  -- noqa: RF04
        cast(
            case
                when provider = 'buddy' then external_id
                else {{ csr_analytics.csr_user_id('external_id') }}
            end as text
        ) as external_id,
        cast(csr_user_id as text) as csr_user_id,
        cast(
            case when provider = 'buddy' then 'buddy_uuid' else 'email_uuid' end as text
        ) as external_id_type
    from external_ids
)

select * from final
