{#-
    Status changes of enrollments, from the status history: one row per enrollment and
    status date on which its status differed from the one on the date before
    (changed_after, the previous status date: the change happened after it and on or
    before changed_at). The first appearance of an enrollment is a row too (from_status
    null, is_transition false).
-#}
with status_history as (
    select * from {{ ref('fct_enrollment_status_history') }}
),

ordered_history as (
    select
        enrollment_id,
        csr_user_id,
        program_type,
        status,
        status_reason,
        status_date,
        lag(status) over (
            partition by enrollment_id
            order by status_date
        ) as previous_status,
        lag(status_date) over (
            partition by enrollment_id
            order by status_date
        ) as previous_status_date
    from status_history
),

final as (
    select
        enrollment_id,
        status_date as changed_at,
        previous_status_date as changed_after,
        csr_user_id,
        program_type,
        previous_status as from_status,
        status as to_status,
        status_reason as to_status_reason,
        previous_status is not null as is_transition
    from ordered_history
    where
        previous_status is null
        or status <> previous_status
)

select * from final
