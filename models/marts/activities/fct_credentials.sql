{#-
    One row per upskilling credential issued (certificate, badge, diploma, transcript) on
    or before as_of_date: the learner, the provider and course, when it was issued and
    expires, and the learner's company on the day of issue. Credential URLs and
    verification codes stay in staging.
-#}
with credentials as (
    select * from {{ ref('stg_upskilling__credentials') }}
    where {{ csr_analytics.is_on_or_before_as_of('issued_at') }}
),

memberships as (
    select * from {{ ref('int_company_memberships') }}
),

learners as (
    select
        credentials.*,
        {{ csr_analytics.csr_user_id('credentials.user_email') }} as csr_user_id
    from credentials
),

final as (
    select
        learners.credential_id,
        learners.csr_user_id,
        learners.provider,
        learners.course_id,
        learners.credential_type,
        memberships.company_id,
        learners.issued_at,
        learners.expires_at
    from learners
    left join memberships
        on {{ csr_analytics.company_on_day(
            'memberships', 'learners.csr_user_id', 'learners.issued_at'
        ) }}
)

select * from final
