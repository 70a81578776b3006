{#-
    Program memberships: one row per account a person holds in a program that has its
    own accounts (today Buddy), at as_of_date - the as_of_date of
    int_program_membership_history, where the rules are written out.
-#}
with membership_history as (
    select * from {{ ref('int_program_membership_history') }}
    where status_date = {{ csr_analytics.as_of_date() }}
),

final as (
    select
        program_type,
        membership_id,
        csr_user_id,
        role,
        csr_role,
        joined_at,
        left_at,
        has_left
    from membership_history
)

select * from final
