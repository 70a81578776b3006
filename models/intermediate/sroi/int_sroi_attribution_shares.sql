{#-
    Whose outcome? (sroi.md §3). Each outcome event is credited to companies in proportion
    to the raw volunteer hours that each company's volunteers spent with the participant in
    the outcome's program in its quarter (the volunteer's company on the activity date;
    company_id null = volunteers with no company). With no such hours in the quarter, the
    participant's hours in the program up to the end of the quarter are used; with none at
    all, the event is unattributed (company_id null, share 1). Upskilling has no volunteers:
    its outcomes are credited in proportion to the companies' upskilling investments in the
    quarter, else to no company. The shares depend only on the event's attribution key
    (int_sroi_outcome_events: program, participant and quarter; upskilling: the quarter),
    so they are computed once per key: per event, upskilling would be events x investing
    companies. The shares of one key sum to exactly 1: the row with the largest basis
    takes the remainder of the others' rounded shares.
-#}

with

outcome_events as (
    select * from {{ ref('int_sroi_outcome_events') }}
),

activities as (
    select * from {{ ref('int_volunteer_activities') }}
),

investments as (
    select * from {{ ref('int_sroi_investments_spread') }}
),

participant_hours as (
    select
        program_type,
        participant_user_id,
        company_id,
        {{ csr_analytics.quarter_start('occurred_at') }} as quarter_start,
        {{ csr_analytics.safe_divide('sum(minutes)', 60) }} as hours
    from activities
    where
        participant_user_id is not null
        and minutes > 0
        and {{ csr_analytics.is_on_or_before_as_of('occurred_at') }}
    group by
        program_type,
        participant_user_id,
        company_id,
        {{ csr_analytics.quarter_start('occurred_at') }}
),

attribution_units as (
    select distinct
        attribution_key,
        program_type,
        quarter_start
    from outcome_events
),

participant_quarters as (
    select distinct
        attribution_key,
        program_type,
        participant_user_id,
        quarter_start
    from outcome_events
    where program_type <> 'upskilling'
),

hours_in_quarter_by_company as (
    select
        participant_quarters.attribution_key,
        participant_quarters.program_type,
        participant_quarters.participant_user_id,
        participant_quarters.quarter_start,
        participant_hours.company_id,
        cast(sum(participant_hours.hours) as numeric(38, 12)) as basis_amount
    from participant_quarters
    inner join participant_hours
        on
            participant_quarters.program_type = participant_hours.program_type
            and participant_quarters.participant_user_id
            = participant_hours.participant_user_id
            and participant_quarters.quarter_start = participant_hours.quarter_start
    group by
        participant_quarters.attribution_key,
        participant_quarters.program_type,
        participant_quarters.participant_user_id,
        participant_quarters.quarter_start,
        participant_hours.company_id
),

quarters_with_hours as (
    select distinct
        program_type,
        participant_user_id,
        quarter_start
    from hours_in_quarter_by_company
),

hours_to_date_by_company as (
    select
        participant_quarters.attribution_key,
        participant_quarters.program_type,
        participant_quarters.participant_user_id,
        participant_quarters.quarter_start,
        participant_hours.company_id,
        cast(sum(participant_hours.hours) as numeric(38, 12)) as basis_amount
    from participant_quarters
    inner join participant_hours
        on
            participant_quarters.program_type = participant_hours.program_type
            and participant_quarters.participant_user_id
            = participant_hours.participant_user_id
            and participant_quarters.quarter_start >= participant_hours.quarter_start
    left join quarters_with_hours
        on
            participant_quarters.program_type = quarters_with_hours.program_type
            and participant_quarters.participant_user_id
            = quarters_with_hours.participant_user_id
            and participant_quarters.quarter_start = quarters_with_hours.quarter_start
    where quarters_with_hours.quarter_start is null
    group by
        participant_quarters.attribution_key,
        participant_quarters.program_type,
        participant_quarters.participant_user_id,
        participant_quarters.quarter_start,
        participant_hours.company_id
),

volunteer_basis as (
    select
        hours_in_quarter_by_company.*,
        'hours_in_quarter' as share_basis
    from hours_in_quarter_by_company

    union all

    select
        hours_to_date_by_company.*,
        'hours_to_date' as share_basis
    from hours_to_date_by_company
),

upskilling_basis as (
    select
        quarter_start,
        company_id,
        cast(sum(amount_in_quarter) as numeric(38, 12)) as basis_amount
    from investments
    where program_type = 'upskilling'
    group by
        quarter_start,
        company_id
    having sum(amount_in_quarter) > 0
),

credited as (
    select
        attribution_key,
        company_id,
        share_basis,
        basis_amount
    from volunteer_basis

    union all

    select
        attribution_units.attribution_key,
        upskilling_basis.company_id,
        'upskilling_investment_in_quarter' as share_basis,
        upskilling_basis.basis_amount
    from attribution_units
    inner join upskilling_basis
        on attribution_units.quarter_start = upskilling_basis.quarter_start
    where attribution_units.program_type = 'upskilling'
),

credited_units as (
    select distinct attribution_key
    from credited
),

uncredited as (
    select
        attribution_units.attribution_key,
        cast(null as text) as company_id,
        'none' as share_basis,
        cast(1 as numeric(38, 12)) as basis_amount
    from attribution_units
    left join credited_units
        on attribution_units.attribution_key = credited_units.attribution_key
    where credited_units.attribution_key is null
),

bases as (
    select * from credited
    union all
    select * from uncredited
),

rounded_shares as (
    select
        bases.*,
        {{ csr_analytics.safe_divide(
            'basis_amount',
            'sum(basis_amount) over (partition by attribution_key)'
        ) }} as rounded_share,
        row_number() over (
            partition by attribution_key
            order by basis_amount desc, coalesce(company_id, '')
        ) as basis_rank
    from bases
),

share_totals as (
    select
        rounded_shares.*,
        sum(rounded_share) over (partition by attribution_key) as rounded_share_sum
    from rounded_shares
),

shares as (
    -- the largest basis takes what the others' rounded shares leave, so the sum is 1
    select
        share_totals.*,
        case
            when basis_rank = 1
                then cast(1 - (rounded_share_sum - rounded_share) as numeric(38, 12))
            else rounded_share
        end as credit_share
    from share_totals
),

final as (
    select
        attribution_key,
        company_id,
        share_basis,
        basis_amount,
        credit_share
    from shares
)

select * from final
