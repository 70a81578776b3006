{#-
    Whether each participant of a volunteer improved (O) and was placed (P), per VIS
    period, judged only on what happened with the volunteer and on data up to the
    period's cutoff date (vis.md §2). One flag per improvement criterion.
-#}
{%- set participant_key = [
    'volunteer_user_id', 'program_type', 'period_type', 'period_start', 'participant_user_id',
] -%}
{#- (criterion, the relation of the participants who meet it, its flag) -#}
{%- set criteria = [
    ('milestone', 'milestone_improved', 'is_milestone_reached'),
    ('mood', 'mood_improved', 'is_mood_improved'),
    ('skill_progress', 'skill_progress_improved', 'is_skill_progress_good'),
    ('cefr', 'cefr_improved', 'is_cefr_improved'),
    ('sessions', 'sessions_improved', 'is_sessions_completed'),
    ('q2q', 'q2q_improved', 'is_q2q_improved'),
    ('job_ready', 'job_ready', 'is_job_ready'),
    ('employed', 'employed_in_window', 'is_employed_in_window'),
] -%}

with participant_periods as (
    select * from {{ ref('int_vis_participant_periods') }}
),

matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

checkins as (
    select * from {{ ref('int_buddy_checkins_reconciled') }}
),

milestones as (
    select * from {{ ref('int_buddy_milestones_reconciled') }}
),

skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
),

kintell_sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

q2q_scores as (
    select * from {{ ref('int_q2q_scores') }}
),

employment_outcomes as (
    select * from {{ ref('int_employment_outcomes') }}
),

milestone_improved as (
    -- Buddy: a milestone strictly after the first matched_at with the volunteer,
    -- within the window
    select
        participant_periods.volunteer_user_id,
        participant_periods.program_type,
        participant_periods.period_type,
        participant_periods.period_start,
        participant_periods.participant_user_id
    from participant_periods
    inner join milestones
        on participant_periods.participant_user_id = milestones.user_id
    where
        participant_periods.program_type = 'buddy'
        and milestones.reached_at > participant_periods.first_spell_started_at
        and cast(milestones.reached_at as date) <= participant_periods.cutoff_date
        and (
            participant_periods.window_end_date is null
            or cast(milestones.reached_at as date) <= participant_periods.window_end_date
        )
),

match_checkins as (
    select
        participant_periods.volunteer_user_id,
        participant_periods.program_type,
        participant_periods.period_type,
        participant_periods.period_start,
        participant_periods.participant_user_id,
        checkins.mood_rank,
        row_number() over (
            partition by
                participant_periods.volunteer_user_id,
                participant_periods.program_type,
                participant_periods.period_type,
                participant_periods.period_start,
                participant_periods.participant_user_id
            order by
                checkins.checkin_date,
                {{ csr_analytics.binary_order('checkins.checkin_id') }}
        ) as position_from_first,
        count(*) over (
            partition by
                participant_periods.volunteer_user_id,
                participant_periods.program_type,
                participant_periods.period_type,
                participant_periods.period_start,
                participant_periods.participant_user_id
        ) as rows_count
    from participant_periods
    inner join matches
        on
            participant_periods.volunteer_user_id = matches.buddy_user_id
            and participant_periods.participant_user_id = matches.participant_user_id
    inner join checkins
        on matches.match_id = checkins.match_id
    where
        participant_periods.program_type = 'buddy'
        and checkins.mood_rank is not null
        and cast(checkins.checkin_date as date) <= participant_periods.cutoff_date
),

mood_improved as (
    -- Buddy: mood rank rose between the first and the latest check-in with a mood
    select
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id
    from match_checkins
    group by
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id
    having
        count(*) >= 2
        and max(case when position_from_first = rows_count then mood_rank end)
        > max(case when position_from_first = 1 then mood_rank end)
),

skill_progress_improved as (
    -- Buddy: a skill session with the volunteer with good or excellent progress
    select
        participant_periods.volunteer_user_id,
        participant_periods.program_type,
        participant_periods.period_type,
        participant_periods.period_start,
        participant_periods.participant_user_id
    from participant_periods
    inner join skill_sessions
        on
            participant_periods.volunteer_user_id = skill_sessions.teacher_user_id
            and participant_periods.participant_user_id = skill_sessions.learner_user_id
    where
        participant_periods.program_type = 'buddy'
        and skill_sessions.learner_progress in ('good-progress', 'excellent-progress')
        and cast(skill_sessions.completed_at as date) <= participant_periods.cutoff_date
),

held_sessions as (
    select
        participant_periods.volunteer_user_id,
        participant_periods.program_type,
        participant_periods.period_type,
        participant_periods.period_start,
        participant_periods.participant_user_id,
        kintell_sessions.session_id,
        kintell_sessions.session_at,
        kintell_sessions.cefr_step
    from participant_periods
    inner join kintell_sessions
        on
            participant_periods.volunteer_user_id = kintell_sessions.volunteer_user_id
            and participant_periods.participant_user_id
            = kintell_sessions.participant_user_id
            and participant_periods.program_type = kintell_sessions.program_type
    where
        kintell_sessions.is_held
        and cast(kintell_sessions.session_at as date) <= participant_periods.cutoff_date
),

assessed_sessions as (
    select
        held_sessions.*,
        row_number() over (
            partition by
                volunteer_user_id,
                program_type,
                period_type,
                period_start,
                participant_user_id
            order by session_at, {{ csr_analytics.binary_order('session_id') }}
        ) as position_from_first,
        count(*) over (
            partition by
                volunteer_user_id,
                program_type,
                period_type,
                period_start,
                participant_user_id
        ) as rows_count
    from held_sessions
    where
        program_type = 'language'
        and cefr_step is not null
),

cefr_improved as (
    -- Language: the assessed CEFR step rose by at least one
    select
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id
    from assessed_sessions
    group by
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id
    having
        max(case when position_from_first = rows_count then cefr_step end)
        - max(case when position_from_first = 1 then cefr_step end) >= 1
),

sessions_improved as (
    -- Mentorship: at least pair_completion_min_sessions held sessions with the volunteer
    select
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id
    from held_sessions
    where program_type = 'mentorship'
    group by
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id
    having count(*) >= {{ var('pair_completion_min_sessions') }}
),

window_scores as (
    select
        participant_periods.volunteer_user_id,
        participant_periods.program_type,
        participant_periods.period_type,
        participant_periods.period_start,
        participant_periods.participant_user_id,
        q2q_scores.dimension,
        cast(q2q_scores.score as numeric(18, 6)) as score,
        row_number() over (
            partition by
                participant_periods.volunteer_user_id,
                participant_periods.program_type,
                participant_periods.period_type,
                participant_periods.period_start,
                participant_periods.participant_user_id,
                q2q_scores.dimension
            order by
                q2q_scores.measured_at,
                {{ csr_analytics.binary_order("coalesce(q2q_scores.text_type, '')") }}
        ) as position_from_first,
        count(*) over (
            partition by
                participant_periods.volunteer_user_id,
                participant_periods.program_type,
                participant_periods.period_type,
                participant_periods.period_start,
                participant_periods.participant_user_id,
                q2q_scores.dimension
        ) as rows_count
    from participant_periods
    inner join q2q_scores
        on participant_periods.participant_user_id = q2q_scores.csr_user_id
    where
        cast(q2q_scores.measured_at as date) >= participant_periods.window_start_date
        and cast(q2q_scores.measured_at as date) <= participant_periods.cutoff_date
        and (
            participant_periods.window_end_date is null
            or cast(q2q_scores.measured_at as date) <= participant_periods.window_end_date
        )
),

dimension_changes as (
    select
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id,
        dimension,
        max(case when position_from_first = rows_count then score end)
        - max(case when position_from_first = 1 then score end) as score_change
    from window_scores
    group by
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id,
        dimension
    having count(*) >= 2
),

q2q_improved as (
    -- any program: a Q2Q dimension rose by at least q2q_improvement_threshold
    -- within the window
    select
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id
    from dimension_changes
    where
        score_change
        >= cast({{ var('q2q_improvement_threshold') }} as numeric(18, 6))
),

readiness_scores as (
    select
        participant_periods.volunteer_user_id,
        participant_periods.program_type,
        participant_periods.period_type,
        participant_periods.period_start,
        participant_periods.participant_user_id,
        q2q_scores.measured_at,
        cast(q2q_scores.score as numeric(18, 6)) as score,
        max(q2q_scores.measured_at) over (
            partition by
                participant_periods.volunteer_user_id,
                participant_periods.program_type,
                participant_periods.period_type,
                participant_periods.period_start,
                participant_periods.participant_user_id
        ) as latest_measured_at
    from participant_periods
    inner join q2q_scores
        on participant_periods.participant_user_id = q2q_scores.csr_user_id
    where
        q2q_scores.dimension = 'job_readiness'
        and cast(q2q_scores.measured_at as date) <= participant_periods.cutoff_date
),

job_ready as (
    -- the latest job_readiness score (several at the same time: their mean) >= threshold
    select
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id
    from readiness_scores
    where measured_at = latest_measured_at
    group by
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id
    having
        {{ csr_analytics.safe_divide('sum(score)', 'count(*)') }}
        >= cast({{ var('job_ready_threshold') }} as numeric(18, 6))
),

employed_in_window as (
    -- employed between the first held activity with the volunteer and
    -- placement_window_days after the last one (UTC dates)
    select
        participant_periods.volunteer_user_id,
        participant_periods.program_type,
        participant_periods.period_type,
        participant_periods.period_start,
        participant_periods.participant_user_id
    from participant_periods
    inner join employment_outcomes
        on participant_periods.participant_user_id = employment_outcomes.csr_user_id
    where
        cast(employment_outcomes.employed_at as date)
        >= cast(participant_periods.first_activity_at as date)
        and cast(employment_outcomes.employed_at as date)
        <= {{ csr_analytics.add_days(
            'cast(participant_periods.last_activity_at as date)',
            var('placement_window_days')
        ) }}
        and cast(employment_outcomes.employed_at as date)
        <= participant_periods.cutoff_date
),

criteria_met as (
    -- every participant once, and a row per criterion they meet: aggregated once
    -- (no chain of joins between aggregates)
    select
        {{ participant_key | join(',\n        ') }},
        'participant' as criterion
    from participant_periods
    {%- for criterion, relation, flag in criteria %}
        union all
        select
            {{ participant_key | join(',\n            ') }},
            '{{ criterion }}' as criterion
        from {{ relation }}
    {%- endfor %}
),

flagged as (
    {%- set flags = [] %}
    {%- for criterion, relation, flag in criteria %}
        {%- do flags.append(
            "max(case when criterion = '" ~ criterion ~ "' then 1 else 0 end) = 1 as " ~ flag
        ) %}
    {%- endfor %}
    select
        {{ (participant_key + flags) | join(',\n        ') }}
    from criteria_met
    group by
        {{ participant_key | join(',\n        ') }}
),

final as (
    select
        flagged.*,
        (
            is_milestone_reached
            or is_mood_improved
            or is_skill_progress_good
            or is_cefr_improved
            or is_sessions_completed
            or is_q2q_improved
        ) as is_improved,
        (is_job_ready or is_employed_in_window) as is_placement_candidate,
        is_employed_in_window as is_placed
    from flagged
)

select * from final
