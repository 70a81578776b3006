{#-
    Facts about a person that journey rules use beyond the journey flags (domain.md §7),
    one row per person who has any of them:
    - language_held_sessions_as_learner: held language sessions where they are the
      learner (the session's participant);
    - language_mean_learner_rating: the mean of the non-null normalised (0-1) ratings of
      those sessions (Kintell's rating is the learner's rating of the session);
    - latest_lang_level_proxy_score: their latest lang_level_proxy Q2Q score (several at
      the same latest measured_at: their mean).
-#}
with sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

q2q_scores as (
    select * from {{ ref('int_q2q_scores') }}
),

learner_sessions as (
    select
        participant_user_id as csr_user_id,
        count(*) as held_sessions_count,
        {{ csr_analytics.safe_divide(
            'sum(cast(rating_normalized as numeric(18, 6)))',
            'count(rating_normalized)'
        ) }} as mean_rating
    from sessions
    where
        program_type = 'language'
        and is_held
        and participant_user_id is not null
    group by participant_user_id
),

lang_level_scores as (
    select
        csr_user_id,
        measured_at,
        score,
        max(measured_at) over (partition by csr_user_id) as latest_measured_at
    from q2q_scores
    where
        dimension = 'lang_level_proxy'
        and score is not null
),

latest_lang_level as (
    select
        csr_user_id,
        {{ csr_analytics.safe_divide(
            'sum(cast(score as numeric(18, 6)))',
            'count(*)'
        ) }} as latest_score
    from lang_level_scores
    where measured_at = latest_measured_at
    group by csr_user_id
),

fact_people as (
    select csr_user_id from learner_sessions
    union
    select csr_user_id from latest_lang_level
),

final as (
    select
        fact_people.csr_user_id,
        cast(learner_sessions.held_sessions_count as integer)
            as language_held_sessions_as_learner,
        learner_sessions.mean_rating as language_mean_learner_rating,
        latest_lang_level.latest_score as latest_lang_level_proxy_score
    from fact_people
    left join learner_sessions
        on fact_people.csr_user_id = learner_sessions.csr_user_id
    left join latest_lang_level
        on fact_people.csr_user_id = latest_lang_level.csr_user_id
)

select * from final
