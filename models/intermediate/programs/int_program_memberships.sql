{#-
    Program memberships: one row per account a person holds in a program that has its
    own accounts (today Buddy). An account gives an enrollment even without any spell,
    its joined_at is the enrollment's start, and leaving the program on every account
    drops the enrollment (domain.md §5, rule 1). Programs without accounts (Kintell,
    upskilling) have no rows: their enrollments come from spells alone.
-#}
with buddy_accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

program_roles as (
    select * from {{ ref('program_roles') }}
),

buddy_memberships as (
    select
        'buddy' as program_type,
        account_id as membership_id,
        csr_user_id,
        role,
        joined_at,
        left_at
    from buddy_accounts
),

all_memberships as (
    select * from buddy_memberships
),

final as (
    select
        all_memberships.program_type,
        all_memberships.membership_id,
        all_memberships.csr_user_id,
        all_memberships.role,
        program_roles.csr_role,
        all_memberships.joined_at,
        case
            when {{ csr_analytics.is_on_or_before_as_of('all_memberships.left_at') }}
                then all_memberships.left_at
        end as left_at,
        coalesce(
            {{ csr_analytics.is_on_or_before_as_of('all_memberships.left_at') }}, false
        ) as has_left
    from all_memberships
    left join program_roles
        on all_memberships.program_type = program_roles.program_type
            and all_memberships.role = program_roles.role
    where
        all_memberships.csr_user_id is not null
        and {{ csr_analytics.is_on_or_before_as_of('all_memberships.joined_at') }}
)

select * from final
