{#-
    Status changes of enrollments, from the status snapshot: one row per enrollment and
    as_of_date on which its status differed from the one recorded before. The first
    appearance of an enrollment is a row too (from_status null, is_transition false).
    Dates recorded after the as_of_date being built are left out.
-#}
with status_history as (
    select * from {{ ref('enrollment_status_snapshot') }}
),

ordered_history as (
    select
        enrollment_id,
        csr_user_id,
        program_type,
        status,
        status_reason,
        as_of_date,
        lag(status) over (
            partition by enrollment_id
            order by as_of_date
        ) as previous_status,
        row_number() over (
            partition by enrollment_id
            order by as_of_date
        ) as version_number
    from status_history
    where as_of_date <= {{ csr_analytics.as_of_date() }}
),

final as (
    select
        enrollment_id,
        as_of_date as changed_at,
        csr_user_id,
        program_type,
        previous_status as from_status,
        status as to_status,
        status_reason as to_status_reason,
        version_number > 1 as is_transition
    from ordered_history
    where
        version_number = 1
        or status <> previous_status
)

select * from final
