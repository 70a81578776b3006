{#-
    One row per Buddy skill-share session, reconciled from the export rows and the
    buddy.skill_share.completed webhooks: each field from the most recent observation
    that has it (domain.md §3). Teacher and learner accounts resolve to their people
    through int_buddy_accounts. Ratings are the ones given by the teacher / the learner
    (0-1).
-#}
{%- set value_columns = [
    'match_id',
    'teacher_id',
    'learner_id',
    'completed_at',
    'skill_id',
    'skill_name',
    'skill_category',
    'duration_minutes',
    'proficiency_level',
    'teacher_rating',
    'learner_rating',
    'learner_progress',
    'valuation_points',
] -%}

with observations as (
    select * from {{ ref('stg_buddy__skill_sessions') }}
),

as_of_observations as (
    select * from observations
    where {{ csr_analytics.is_on_or_before_as_of('completed_at') }}
),

accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

ranked as (
    select
        as_of_observations.*,
        {{ csr_analytics.observation_rank(['session_id']) }} as _observation_rank
    from as_of_observations
),

keys as (
    select
        session_id,
        {{ csr_analytics.latest_value_ranks(value_columns) }},
        {{ csr_analytics.feed_counts() }}
    from ranked
    group by
        session_id
),

latest_values as (
    select
        keys.session_id,
        {{ csr_analytics.latest_values('ranked', 'keys', value_columns) }}
    from keys
    inner join ranked
        on
            keys.session_id = ranked.session_id
    group by
        keys.session_id
),

loads as (
    select
        session_id,
        max(_loaded_at) as last_loaded_at
    from observations
    group by
        session_id
),

final as (
    select
        latest_values.session_id,
        latest_values.match_id,
        latest_values.teacher_id as teacher_account_id,
        latest_values.learner_id as learner_account_id,
        teachers.csr_user_id as teacher_user_id,
        learners.csr_user_id as learner_user_id,
        teachers.role as teacher_account_role,
        learners.role as learner_account_role,
        latest_values.completed_at,
        latest_values.skill_id,
        latest_values.skill_name,
        latest_values.skill_category,
        latest_values.duration_minutes,
        latest_values.proficiency_level,
        latest_values.teacher_rating,
        latest_values.learner_rating,
        latest_values.learner_progress,
        latest_values.valuation_points,
        keys.export_observations_count > 0 as in_export,
        keys.webhook_observations_count > 0 as in_webhooks,
        loads.last_loaded_at
    from latest_values
    inner join keys
        on
            latest_values.session_id = keys.session_id
    inner join loads
        on
            latest_values.session_id = loads.session_id
    left join accounts as teachers
        on latest_values.teacher_id = teachers.account_id
    left join accounts as learners
        on latest_values.learner_id = learners.account_id
)

select * from final
