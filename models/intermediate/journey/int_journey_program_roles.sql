{#-
    The roles a person holds in each program they are enrolled in (domain.md §5, "the
    role flags in the journey JSON are wider"): true for every CSR role the person holds
    in any spell of that program, in any Buddy account (its role mapped through
    seeds/program_roles), or as the enrollment's role.
-#}
with enrollments as (
    select * from {{ ref('int_program_enrollments') }}
),

spells as (
    select * from {{ ref('int_participation_spells') }}
),

buddy_accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

program_roles as (
    select * from {{ ref('program_roles') }}
),

account_roles as (
    select
        buddy_accounts.csr_user_id,
        program_roles.program_type,
        program_roles.csr_role
    from buddy_accounts
    inner join program_roles
        on
            program_roles.program_type = 'buddy'
            and buddy_accounts.role = program_roles.role
),

held_roles as (
    select
        csr_user_id,
        program_type,
        csr_role
    from spells
    union all
    select
        csr_user_id,
        program_type,
        csr_role
    from account_roles
    union all
    select
        csr_user_id,
        program_type,
        csr_role
    from enrollments
),

enrolled_roles as (
    select
        enrollments.csr_user_id,
        enrollments.program_type,
        held_roles.csr_role
    from enrollments
    inner join held_roles
        on
            enrollments.csr_user_id = held_roles.csr_user_id
            and enrollments.program_type = held_roles.program_type
),

final as (
    select
        csr_user_id,
        program_type,
        max(case when csr_role = 'beneficiary' then 1 else 0 end) = 1
            as holds_beneficiary_role,
        max(case when csr_role = 'volunteer' then 1 else 0 end) = 1
            as holds_volunteer_role
    from enrolled_roles
    group by
        csr_user_id,
        program_type
)

select * from final
