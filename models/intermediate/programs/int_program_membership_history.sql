{#-
    Program memberships on every date of the status history (int_status_dates): one row
    per date and account a person holds in a program that has its own accounts (today
    Buddy), as a build with that as_of_date sees it. An account gives an enrollment even
    without any spell, its joined_at is the enrollment's start, and leaving the program
    on every account drops the enrollment (domain.md §5, rule 1). Programs without
    accounts (Kintell, upskilling) have no rows: their enrollments come from spells
    alone. int_program_memberships is the history's as_of_date.
-#}
with status_dates as (
    select * from {{ ref('int_status_dates') }}
),

account_versions as (
    select * from {{ ref('int_buddy_account_versions') }}
),

program_roles as (
    select * from {{ ref('program_roles') }}
),

buddy_memberships as (
    select
        status_dates.status_date,
        'buddy' as program_type,
        account_versions.account_id as membership_id,
        account_versions.csr_user_id,
        account_versions.role,
        account_versions.joined_at,
        account_versions.left_at
    from account_versions
    inner join status_dates
        on
            account_versions.valid_from <= status_dates.status_date
            and (
                account_versions.valid_to is null
                or account_versions.valid_to > status_dates.status_date
            )
),

all_memberships as (
    select * from buddy_memberships
),

final as (
    select
        all_memberships.status_date,
        all_memberships.program_type,
        all_memberships.membership_id,
        all_memberships.csr_user_id,
        all_memberships.role,
        program_roles.csr_role,
        all_memberships.joined_at,
        case
            when {{ csr_analytics.is_on_or_before_as_of(
                'all_memberships.left_at', 'all_memberships.status_date'
            ) }}
                then all_memberships.left_at
        end as left_at,
        coalesce(
            {{ csr_analytics.is_on_or_before_as_of(
                'all_memberships.left_at', 'all_memberships.status_date'
            ) }},
            false
        ) as has_left
    from all_memberships
    left join program_roles
        on
            all_memberships.program_type = program_roles.program_type
            and all_memberships.role = program_roles.role
    where
        all_memberships.csr_user_id is not null
        and {{ csr_analytics.is_on_or_before_as_of(
            'all_memberships.joined_at', 'all_memberships.status_date'
        ) }}
)

select * from final
