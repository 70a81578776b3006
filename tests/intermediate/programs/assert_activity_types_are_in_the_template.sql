{#- Every activity is of a type its program's template lists (program_activity_types). -#}
with activities as (
    select distinct
        program_type,
        activity_type
    from {{ ref('int_program_activities') }}
),

activity_types as (
    select * from {{ ref('program_activity_types') }}
),

final as (
    select activities.*
    from activities
    left join activity_types
        on activities.program_type = activity_types.program_type
            and activities.activity_type = activity_types.activity_type
    where activity_types.program_type is null
)

select * from final
