{#-
    Every person of domain.md §1 at as_of_date: first_seen_at (their earliest business
    timestamp), company_id (their company on as_of_date), is_volunteer / is_beneficiary
    (from their enrollments' CSR roles) and how many programs they are enrolled in
    (any status) and active in.
-#}
with people as (
    select * from {{ ref('int_people') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

enrollments as (
    select * from {{ ref('int_program_enrollments') }}
),

companies_on_as_of_date as (
    select
        csr_user_id,
        company_id
    from memberships
    where
        valid_from <= {{ csr_analytics.as_of_date() }}
        and (valid_to is null or valid_to > {{ csr_analytics.as_of_date() }})
),

enrollment_summary as (
    select
        csr_user_id,
        max(case when csr_role = 'volunteer' then 1 else 0 end) as has_volunteer_role,
        max(case when csr_role = 'beneficiary' then 1 else 0 end) as has_beneficiary_role,
        count(*) as programs_count,
        sum(case when status = 'active' then 1 else 0 end) as active_programs_count
    from enrollments
    group by csr_user_id
),

final as (
    select
        cast(people.csr_user_id as text) as csr_user_id,
        cast(people.first_seen_at as timestamp) as first_seen_at,
        cast(companies_on_as_of_date.company_id as text) as company_id,
        coalesce(enrollment_summary.has_volunteer_role, 0) = 1 as is_volunteer,
        coalesce(enrollment_summary.has_beneficiary_role, 0) = 1 as is_beneficiary,
        cast(coalesce(enrollment_summary.programs_count, 0) as integer) as programs_count,
        cast(coalesce(enrollment_summary.active_programs_count, 0) as integer)
            as active_programs_count
    from people
    left join companies_on_as_of_date
        on people.csr_user_id = companies_on_as_of_date.csr_user_id
    left join enrollment_summary
        on people.csr_user_id = enrollment_summary.csr_user_id
)

select * from final
