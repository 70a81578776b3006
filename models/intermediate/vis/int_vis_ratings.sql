{#-
    Every overall rating a volunteer's participants gave about the volunteer's work, on
    the common 0-1 scale (vis.md §2, Q): Buddy feedback from the participant of the
    volunteer's match, the learner's rating of a skill session the volunteer taught a
    beneficiary, and the normalised star rating of the volunteer's held Kintell sessions.
-#}
with feedback as (
    select * from {{ ref('int_buddy_feedback_reconciled') }}
),

matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
),

kintell_sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

match_feedback as (
    select
        'buddy_feedback:' || feedback.feedback_id as rating_key,
        'buddy_feedback' as rating_source,
        'buddy' as program_type,
        matches.buddy_user_id as volunteer_user_id,
        matches.participant_user_id,
        feedback.submitted_at as rated_at,
        cast(feedback.rating as numeric(18, 6)) as rating
    from feedback
    inner join matches
        on feedback.match_id = matches.match_id
    where
        feedback.from_role = 'participant'
        and feedback.rating is not null
        and matches.buddy_user_id is not null
        and {{ csr_analytics.is_on_or_before_as_of('feedback.submitted_at') }}
),

skill_session_ratings as (
    select
        'buddy_skill_session:' || session_id as rating_key,
        'buddy_skill_session' as rating_source,
        'buddy' as program_type,
        teacher_user_id as volunteer_user_id,
        learner_user_id as participant_user_id,
        completed_at as rated_at,
        cast(learner_rating as numeric(18, 6)) as rating
    from skill_sessions
    where
        teacher_account_role = 'buddy'
        and learner_account_role = 'participant'
        and learner_rating is not null
        and {{ csr_analytics.is_on_or_before_as_of('completed_at') }}
),

session_ratings as (
    select
        'kintell_session:' || session_id as rating_key,
        'kintell_session' as rating_source,
        program_type,
        volunteer_user_id,
        participant_user_id,
        session_at as rated_at,
        cast(rating_normalized as numeric(18, 6)) as rating
    from kintell_sessions
    where
        is_held
        and rating_normalized is not null
        and volunteer_user_id is not null
        and {{ csr_analytics.is_on_or_before_as_of('session_at') }}
),

final as (
    select * from match_feedback
    union all
    select * from skill_session_ratings
    union all
    select * from session_ratings
)

select * from final
