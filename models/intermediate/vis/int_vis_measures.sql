{#-
    What the VIS components are computed from, per volunteer, program ('all' =
    cross-program) and period (vis.md §2-§3): hours, ratings, participants counted once,
    the improved and placed among them, and the components the program's template tracks
    (cross-program: the union over the volunteer's programs in the period).
-#}
with periods as (
    select * from {{ ref('int_vis_periods') }}
),

activities as (
    select * from {{ ref('int_volunteer_activities') }}
),

participant_outcomes as (
    select * from {{ ref('int_vis_participant_outcomes') }}
),

program_vis_components as (
    select * from {{ ref('program_vis_components') }}
),

feedback as (
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
    -- Buddy: feedback from the participant of the volunteer's match
    select
        'buddy' as program_type,
        matches.buddy_user_id as volunteer_user_id,
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
    -- Buddy: the learner's rating of a skill session the volunteer taught a beneficiary
    select
        'buddy' as program_type,
        teacher_user_id as volunteer_user_id,
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
    -- Kintell: the participant's star rating of a held session, normalised to 0-1
    select
        program_type,
        volunteer_user_id,
        session_at as rated_at,
        cast(rating_normalized as numeric(18, 6)) as rating
    from kintell_sessions
    where
        is_held
        and rating_normalized is not null
        and volunteer_user_id is not null
        and {{ csr_analytics.is_on_or_before_as_of('session_at') }}
),

ratings as (
    -- every overall rating the volunteer's participants gave about their work (0-1)
    select * from match_feedback
    union all
    select * from skill_session_ratings
    union all
    select * from session_ratings
),

program_tracks as (
    select
        program_type,
        max(case when component = 'hours' then 1 else 0 end) as tracks_hours,
        max(case when component = 'quality' then 1 else 0 end) as tracks_quality,
        max(case when component = 'outcome' then 1 else 0 end) as tracks_outcome,
        max(case when component = 'placement' then 1 else 0 end) as tracks_placement
    from program_vis_components
    group by program_type
),

program_period_tracks as (
    select
        periods.volunteer_user_id,
        periods.program_type,
        periods.period_type,
        periods.period_start,
        program_tracks.tracks_hours,
        program_tracks.tracks_quality,
        program_tracks.tracks_outcome,
        program_tracks.tracks_placement
    from periods
    inner join program_tracks
        on periods.program_type = program_tracks.program_type
),

activity_quarters as (
    select
        activities.volunteer_user_id,
        activities.program_type,
        {{ csr_analytics.quarter_start('activities.occurred_at') }} as quarter_start,
        sum(activities.minutes) as minutes,
        sum(activities.weighted_hours) as weighted_hours
    from activities
    inner join program_tracks
        on activities.program_type = program_tracks.program_type
    group by
        activities.volunteer_user_id,
        activities.program_type,
        {{ csr_analytics.quarter_start('activities.occurred_at') }}
),

rating_quarters as (
    select
        ratings.volunteer_user_id,
        ratings.program_type,
        {{ csr_analytics.quarter_start('ratings.rated_at') }} as quarter_start,
        count(*) as ratings_count,
        sum(ratings.rating) as ratings_sum
    from ratings
    inner join program_tracks
        on ratings.program_type = program_tracks.program_type
    group by
        ratings.volunteer_user_id,
        ratings.program_type,
        {{ csr_analytics.quarter_start('ratings.rated_at') }}
),

program_participants as (
    select
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        count(*) as participants_count,
        sum(case when is_improved then 1 else 0 end) as improved_participants_count,
        sum(case when is_placement_candidate then 1 else 0 end)
            as placement_candidates_count,
        sum(case when is_placed then 1 else 0 end) as placed_participants_count
    from participant_outcomes
    group by
        volunteer_user_id,
        program_type,
        period_type,
        period_start
),

cross_program_participant_outcomes as (
    -- each participant once: improved in any program; placement only over the
    -- programs that track it
    select
        participant_outcomes.volunteer_user_id,
        participant_outcomes.period_type,
        participant_outcomes.period_start,
        participant_outcomes.participant_user_id,
        max(case when participant_outcomes.is_improved then 1 else 0 end) as is_improved,
        max(
            case
                when participant_outcomes.is_placement_candidate
                    and program_tracks.tracks_placement = 1
                    then 1
                else 0
            end
        ) as is_placement_candidate,
        max(
            case
                when participant_outcomes.is_placed
                    and program_tracks.tracks_placement = 1
                    then 1
                else 0
            end
        ) as is_placed
    from participant_outcomes
    inner join program_tracks
        on participant_outcomes.program_type = program_tracks.program_type
    group by
        participant_outcomes.volunteer_user_id,
        participant_outcomes.period_type,
        participant_outcomes.period_start,
        participant_outcomes.participant_user_id
),

cross_program_participants as (
    select
        volunteer_user_id,
        period_type,
        period_start,
        count(*) as participants_count,
        sum(is_improved) as improved_participants_count,
        sum(is_placement_candidate) as placement_candidates_count,
        sum(is_placed) as placed_participants_count
    from cross_program_participant_outcomes
    group by
        volunteer_user_id,
        period_type,
        period_start
),

quarter_figures as (
    select
        volunteer_user_id,
        program_type,
        quarter_start,
        minutes,
        weighted_hours,
        cast(null as bigint) as ratings_count,
        cast(null as numeric(18, 6)) as ratings_sum
    from activity_quarters
    union all
    select
        volunteer_user_id,
        program_type,
        quarter_start,
        cast(null as bigint) as minutes,
        cast(null as numeric(18, 6)) as weighted_hours,
        ratings_count,
        ratings_sum
    from rating_quarters
),

{#- the stream's columns, each branch giving some and null for the rest -#}
{%- set measure_columns = {
    'cutoff_date': 'date',
    'minutes': 'bigint',
    'weighted_hours': 'numeric(18, 6)',
    'ratings_count': 'bigint',
    'ratings_sum': 'numeric(18, 6)',
    'participants_count': 'bigint',
    'improved_participants_count': 'bigint',
    'placement_candidates_count': 'bigint',
    'placed_participants_count': 'bigint',
    'tracks_hours': 'integer',
    'tracks_quality': 'integer',
    'tracks_outcome': 'integer',
    'tracks_placement': 'integer',
} -%}
{%- set quarter_rollups = [
    ('program_type', "'quarter'", 'quarter_start'),
    ("'all'", "'quarter'", 'quarter_start'),
    ('program_type', "'all'", "cast('1900-01-01' as date)"),
    ("'all'", "'all'", "cast('1900-01-01' as date)"),
] -%}
{%- set figure_columns = ['minutes', 'weighted_hours', 'ratings_count', 'ratings_sum'] -%}
{%- set participant_columns = [
    'participants_count',
    'improved_participants_count',
    'placement_candidates_count',
    'placed_participants_count',
] -%}
{%- set track_columns = ['tracks_hours', 'tracks_quality', 'tracks_outcome', 'tracks_placement'] -%}
{#- (comment, relation, program_type, period_type, period_start, is_period, columns given) -#}
{%- set branches = [
    ('the periods themselves',
        'periods', 'program_type', 'period_type', 'period_start', 1, ['cutoff_date']),
    ("the components of the volunteer's programs, for their 'all' rows"
        ~ " (a program's own rows take them from program_tracks)",
        'program_period_tracks', "'all'", 'period_type', 'period_start', 0, track_columns),
] -%}
{%- for program, period_type, period_start in quarter_rollups -%}
    {%- do branches.append((
        "each quarter's hours and ratings feed the quarter, the program and the 'all' rows",
        'quarter_figures', program, period_type, period_start, 0, figure_columns)) -%}
{%- endfor -%}
{%- do branches.append(('participants per program',
    'program_participants', 'program_type', 'period_type', 'period_start', 0, participant_columns)) -%}
{%- do branches.append(('participants across programs, each once',
    'cross_program_participants', "'all'", 'period_type', 'period_start', 0, participant_columns)) %}

measure_rows as (
    {%- for comment, relation, program, period_type, period_start, is_period, given in branches %}
        {%- set padded = [] %}
        {%- for column, data_type in measure_columns.items() %}
            {%- do padded.append(
                column if column in given else 'cast(null as ' ~ data_type ~ ') as ' ~ column
            ) %}
        {%- endfor %}
        -- {{ comment }}
        select
            volunteer_user_id,
            {{ program }}{% if program != 'program_type' %} as program_type{% endif %},
            {{ period_type }}{% if period_type != 'period_type' %} as period_type{% endif %},
            {{ period_start }}{% if period_start != 'period_start' %} as period_start{% endif %},
            {{ is_period }} as is_period,
            {{ padded | join(',\n            ') }}
        from {{ relation }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

measures as (
    -- one aggregation over the stream; only the rows of a period are kept (no chain of
    -- joins between aggregates, which PostgreSQL would plan as nested loops)
    select
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        max(cutoff_date) as cutoff_date,
        max(is_period) as is_period,
        sum(minutes) as minutes,
        sum(weighted_hours) as weighted_hours,
        sum(ratings_count) as ratings_count,
        sum(ratings_sum) as ratings_sum,
        sum(participants_count) as participants_count,
        sum(improved_participants_count) as improved_participants_count,
        sum(placement_candidates_count) as placement_candidates_count,
        sum(placed_participants_count) as placed_participants_count,
        max(tracks_hours) as tracks_hours,
        max(tracks_quality) as tracks_quality,
        max(tracks_outcome) as tracks_outcome,
        max(tracks_placement) as tracks_placement
    from measure_rows
    group by
        volunteer_user_id,
        program_type,
        period_type,
        period_start
),

final as (
    select
        measures.volunteer_user_id,
        measures.program_type,
        measures.period_type,
        measures.period_start,
        measures.cutoff_date,
        cast(coalesce(measures.minutes, 0) as bigint) as minutes,
        cast(coalesce(measures.weighted_hours, 0) as numeric(18, 6)) as weighted_hours,
        cast(coalesce(measures.ratings_count, 0) as integer) as ratings_count,
        cast(coalesce(measures.ratings_sum, 0) as numeric(18, 6)) as ratings_sum,
        cast(coalesce(measures.participants_count, 0) as integer) as participants_count,
        cast(coalesce(measures.improved_participants_count, 0) as integer)
            as improved_participants_count,
        cast(coalesce(measures.placement_candidates_count, 0) as integer)
            as placement_candidates_count,
        cast(coalesce(measures.placed_participants_count, 0) as integer)
            as placed_participants_count,
        coalesce(program_tracks.tracks_hours, measures.tracks_hours, 0) = 1
            as tracks_hours,
        coalesce(program_tracks.tracks_quality, measures.tracks_quality, 0) = 1
            as tracks_quality,
        coalesce(program_tracks.tracks_outcome, measures.tracks_outcome, 0) = 1
            as tracks_outcome,
        coalesce(program_tracks.tracks_placement, measures.tracks_placement, 0) = 1
            as tracks_placement
    from measures
    left join program_tracks
        on measures.program_type = program_tracks.program_type
    where measures.is_period = 1
)

select * from final
