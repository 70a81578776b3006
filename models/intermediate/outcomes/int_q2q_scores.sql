{#-
    Q2Q outcome scores (0-1) of known people, measured on or before as_of_date. A score
    whose email belongs to no person is left out (dq_identity_conflicts lists it).
-#}
with outcome_scores as (
    select * from {{ ref('stg_q2q__outcome_scores') }}
),

people as (
    select * from {{ ref('int_people') }}
),

as_of_scores as (
    select
        {{ csr_analytics.csr_user_id('user_email') }} as csr_user_id,
        dimension,
        measured_at,
        text_type,
        score
    from outcome_scores
    where {{ csr_analytics.is_on_or_before_as_of('measured_at') }}
),

final as (
    select
        as_of_scores.csr_user_id,
        as_of_scores.dimension,
        as_of_scores.measured_at,
        as_of_scores.text_type,
        as_of_scores.score
    from as_of_scores
    inner join people
        on as_of_scores.csr_user_id = people.csr_user_id
)

select * from final
