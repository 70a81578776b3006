{#-
    Every accepted observation of a Buddy account from the export files (the JSON export
    and the CSVs), with its lineage; is_superseded marks the observations a later one of
    the same account replaces. Identity (int_buddy_accounts) takes the latest as of
    as_of_date; dim_pii_users (pii.pii_users) the latest of all.
-#}
with users as (
    select * from {{ ref('base_buddy__users') }}
),

final as (
    select
        _record_key,
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
        {{ csr_analytics.lineage_columns() }},
        is_superseded
    from users
    where is_accepted
)

select * from final
