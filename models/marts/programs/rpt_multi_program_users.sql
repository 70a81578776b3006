{#-
    People with more than one active enrollment (domain.md §8): how many, and which
    programs (sorted in binary order, comma-separated).
-#}
with enrollments as (
    select * from {{ ref('int_program_enrollments') }}
),

active_enrollments as (
    select
        csr_user_id,
        program_type
    from enrollments
    where status = 'active'
),

multi_program_users as (
    select
        csr_user_id,
        count(*) as active_programs_count,
        {{ dbt.listagg(
            'program_type',
            "','",
            'order by ' ~ csr_analytics.binary_order('program_type')
        ) }} as programs
    from active_enrollments
    group by csr_user_id
    having count(*) > 1
),

final as (
    select
        csr_user_id,
        {{ csr_analytics.as_of_date() }} as as_of_date,
        cast(active_programs_count as integer) as active_programs_count,
        programs
    from multi_program_users
)

select * from final
