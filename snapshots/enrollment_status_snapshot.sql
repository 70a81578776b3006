{#-
    Enrollment status history (domain.md §5 "Status history"): the timestamp strategy on
    as_of_date records every enrollment's status once per as_of_date built (a rebuild of
    the same date adds nothing; an earlier date than the last one recorded adds nothing).
-#}
{% snapshot enrollment_status_snapshot %}

{{
    config(
        unique_key='enrollment_id',
        strategy='timestamp',
        updated_at='as_of_timestamp',
    )
}}

    with enrollments as (
        select * from {{ ref('fct_program_enrollments') }}
    ),

    final as (
        select
            enrollment_id,
            csr_user_id,
            program_type,
            status,
            status_reason,
            completed_at,
            as_of_date,
            cast(as_of_date as timestamp) as as_of_timestamp
        from enrollments
    )

    select * from final

{% endsnapshot %}
