{#-
    Employment outcomes (a participant who found work) of known people, employed on or
    before as_of_date. An outcome whose email belongs to no person is left out
    (dq_identity_conflicts lists it).
-#}
with employment_outcomes as (
    select * from {{ ref('stg_platform__employment_outcomes') }}
),

people as (
    select * from {{ ref('int_people') }}
),

as_of_outcomes as (
    select
        {{ csr_analytics.csr_user_id('user_email') }} as csr_user_id,
        employed_at,
        employer,
        source
    from employment_outcomes
    where {{ csr_analytics.is_on_or_before_as_of('employed_at') }}
),

final as (
    select
        as_of_outcomes.csr_user_id,
        as_of_outcomes.employed_at,
        as_of_outcomes.employer,
        as_of_outcomes.source
    from as_of_outcomes
    inner join people
        on as_of_outcomes.csr_user_id = people.csr_user_id
)

select * from final
