{#-
    employment_gained (sroi.md §2): the employment starts of participants (a person with
    an enrollment in a beneficiary role) that count, and the programs they are credited to.
    In employed_at order, a start counts when no earlier counted start of the person lies
    in the employment_window_months (12) before it, [employed_at - 12 months, employed_at):
    of starts at months 0, 7 and 13 the first and the third count. A counted start is
    shared over the programs in which the person had any activity in that window, in
    proportion to the raw volunteer hours the person received there in the window; with
    activity but no hours received, in equal shares; with no activity, it is unattributed
    (program_type null). One row per counted start and program, with the quantity of the
    value map's quantity_per_event (0.6 WELLBY) it carries: rounded to 6 decimals, the
    largest share taking what the others leave, so a start's quantities sum to exactly
    quantity_per_event.
-#}

with recursive

employment_outcomes as (
    select * from {{ ref('int_employment_outcomes') }}
),

enrollments as (
    select * from {{ ref('int_program_enrollments') }}
),

program_activities as (
    select * from {{ ref('int_program_activities') }}
),

volunteer_activities as (
    select * from {{ ref('int_volunteer_activities') }}
),

value_map as (
    select * from {{ ref('sroi_value_map') }}
),

participants as (
    select distinct csr_user_id
    from enrollments
    where csr_role = 'beneficiary'
),

numbered_starts as (
    select
        employment_outcomes.csr_user_id,
        employment_outcomes.employed_at,
        cast(
            {{ dbt.dateadd(
                'month',
                -1 * var('employment_window_months'),
                'employment_outcomes.employed_at'
            ) }}
            as timestamp
        ) as window_start,
        row_number() over (
            partition by employment_outcomes.csr_user_id
            order by employment_outcomes.employed_at
        ) as start_number
    from employment_outcomes
    inner join participants
        on employment_outcomes.csr_user_id = participants.csr_user_id
),

counted_starts as (
    -- walks each person's starts in order, carrying the last start that counted
    select
        csr_user_id,
        start_number,
        employed_at,
        window_start,
        employed_at as last_counted_at,
        true as is_counted
    from numbered_starts
    where start_number = 1

    union all

    select
        next_start.csr_user_id,
        next_start.start_number,
        next_start.employed_at,
        next_start.window_start,
        case
            when counted_starts.last_counted_at < next_start.window_start
                then next_start.employed_at
            else counted_starts.last_counted_at
        end as last_counted_at,
        counted_starts.last_counted_at < next_start.window_start as is_counted
    from counted_starts
    inner join numbered_starts as next_start
        on
            counted_starts.csr_user_id = next_start.csr_user_id
            and counted_starts.start_number + 1 = next_start.start_number
),

employment_starts as (
    select
        csr_user_id,
        employed_at,
        window_start
    from counted_starts
    where is_counted
),

active_programs as (
    select distinct
        employment_starts.csr_user_id,
        employment_starts.employed_at,
        program_activities.program_type
    from employment_starts
    inner join program_activities
        on
            employment_starts.csr_user_id = program_activities.csr_user_id
            and employment_starts.window_start <= program_activities.occurred_at
            and employment_starts.employed_at > program_activities.occurred_at
),

hours_received as (
    select
        employment_starts.csr_user_id,
        employment_starts.employed_at,
        volunteer_activities.program_type,
        {{ csr_analytics.safe_divide('sum(volunteer_activities.minutes)', 60) }} as hours
    from employment_starts
    inner join volunteer_activities
        on
            employment_starts.csr_user_id = volunteer_activities.participant_user_id
            and employment_starts.window_start <= volunteer_activities.occurred_at
            and employment_starts.employed_at > volunteer_activities.occurred_at
            and volunteer_activities.minutes > 0
    group by
        employment_starts.csr_user_id,
        employment_starts.employed_at,
        volunteer_activities.program_type
),

program_hours as (
    select
        active_programs.csr_user_id,
        active_programs.employed_at,
        active_programs.program_type,
        coalesce(hours_received.hours, cast(0 as numeric(38, 12))) as hours_received
    from active_programs
    left join hours_received
        on
            active_programs.csr_user_id = hours_received.csr_user_id
            and active_programs.employed_at = hours_received.employed_at
            and active_programs.program_type = hours_received.program_type
),

program_shares as (
    select
        program_hours.*,
        case
            when sum(hours_received) over (partition by csr_user_id, employed_at) > 0
                then 'hours_received'
            else 'equal_shares'
        end as share_basis,
        case
            when sum(hours_received) over (partition by csr_user_id, employed_at) > 0
                then {{ csr_analytics.safe_divide(
                    'hours_received',
                    'sum(hours_received) over (partition by csr_user_id, employed_at)'
                ) }}
            else {{ csr_analytics.safe_divide(
                1, 'count(*) over (partition by csr_user_id, employed_at)'
            ) }}
        end as program_share,
        row_number() over (
            partition by csr_user_id, employed_at
            order by hours_received desc, {{ csr_analytics.binary_order('program_type') }}
        ) as share_rank
    from program_hours
),

rounded_quantities as (
    select
        program_shares.*,
        value_map.quantity_per_event,
        cast(
            round(value_map.quantity_per_event * program_shares.program_share, 6)
            as numeric(18, 6)
        ) as rounded_quantity
    from program_shares
    cross join value_map
    where
        value_map.outcome_code = 'employment_gained'
        -- a program with activity but no hours, beside programs with hours, has no share
        and program_shares.program_share > 0
),

credited as (
    -- the largest share takes what the others' rounded quantities leave
    select
        csr_user_id,
        employed_at,
        program_type,
        share_basis,
        hours_received,
        program_share,
        cast(
            case
                when share_rank = 1
                    then quantity_per_event
                        - (
                            sum(rounded_quantity) over (partition by csr_user_id, employed_at)
                            - rounded_quantity
                        )
                else rounded_quantity
            end
            as numeric(18, 6)
        ) as quantity
    from rounded_quantities
),

unattributed as (
    select
        employment_starts.csr_user_id,
        employment_starts.employed_at,
        cast(null as text) as program_type,
        'no_activity' as share_basis,
        cast(0 as numeric(38, 12)) as hours_received,
        cast(1 as numeric(38, 12)) as program_share,
        cast(value_map.quantity_per_event as numeric(18, 6)) as quantity
    from employment_starts
    cross join value_map
    left join active_programs
        on
            employment_starts.csr_user_id = active_programs.csr_user_id
            and employment_starts.employed_at = active_programs.employed_at
    where
        value_map.outcome_code = 'employment_gained'
        and active_programs.csr_user_id is null
),

credits as (
    select * from credited
    union all
    select * from unattributed
),

final as (
    select
        csr_user_id as participant_user_id,
        employed_at,
        program_type,
        share_basis,
        hours_received,
        program_share,
        quantity
    from credits
)

select * from final
