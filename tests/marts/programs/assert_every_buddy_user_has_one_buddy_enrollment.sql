{#- Every Buddy user (a person with a Buddy account at as_of_date) has exactly one Buddy
    enrollment, whether or not they were ever matched (domain.md §1, §5). -#}
with buddy_users as (
    select distinct csr_user_id
    from {{ ref('int_buddy_accounts') }}
),

buddy_enrollments as (
    select
        csr_user_id,
        count(*) as enrollments_count
    from {{ ref('fct_program_enrollments') }}
    where program_type = 'buddy'
    group by csr_user_id
),

final as (
    select
        buddy_users.csr_user_id,
        coalesce(buddy_enrollments.enrollments_count, 0) as enrollments_count
    from buddy_users
    left join buddy_enrollments
        on buddy_users.csr_user_id = buddy_enrollments.csr_user_id
    where coalesce(buddy_enrollments.enrollments_count, 0) <> 1
)

select * from final
