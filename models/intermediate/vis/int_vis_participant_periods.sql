{#-
    Each participant of a volunteer in a program, per VIS period (vis.md §2-§3), with the
    window with the volunteer as it stood at the period's cutoff date: from the start of
    their first spell or skill session with the volunteer to participant_window_days
    after the end of their last one (open, window_end_date null, while a spell with the
    volunteer is open). Over all time: every participant; per quarter: the participants
    with an activity with the volunteer in that quarter. First and last activity with
    the volunteer up to the cutoff date bound the placement window.
-#}
with periods as (
    select * from {{ ref('int_vis_periods') }}
    where program_type <> 'all'
),

activities as (
    select * from {{ ref('int_volunteer_activities') }}
),

spells as (
    select * from {{ ref('int_participation_spells') }}
),

skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
),

volunteer_spells as (
    -- the beneficiary side of the volunteer's matches and pairs
    select
        program_type,
        csr_user_id as volunteer_user_id,
        counterpart_user_id as participant_user_id,
        'spell' as relation_type,
        started_at,
        ended_at,
        is_open
    from spells
    where
        csr_role = 'volunteer'
        and counterpart_user_id is not null
        and {{ csr_analytics.is_on_or_before_as_of('started_at') }}
),

taught_skill_sessions as (
    -- the beneficiary learners of the Buddy skill sessions the volunteer taught
    select
        'buddy' as program_type,
        teacher_user_id as volunteer_user_id,
        learner_user_id as participant_user_id,
        'skill_session' as relation_type,
        completed_at as started_at,
        completed_at as ended_at,
        false as is_open
    from skill_sessions
    where
        teacher_account_role = 'buddy'
        and learner_account_role = 'participant'
        and {{ csr_analytics.is_on_or_before_as_of('completed_at') }}
),

relations as (
    -- what ties a participant to the volunteer, each with its start, end and openness
    select * from volunteer_spells
    union all
    select * from taught_skill_sessions
),

activity_quarters as (
    -- activities of each volunteer with each participant, per quarter
    select
        volunteer_user_id,
        program_type,
        participant_user_id,
        {{ csr_analytics.quarter_start('occurred_at') }} as quarter_start,
        min(occurred_at) as first_activity_at,
        max(occurred_at) as last_activity_at
    from activities
    where participant_user_id is not null
    group by
        volunteer_user_id,
        program_type,
        participant_user_id,
        {{ csr_analytics.quarter_start('occurred_at') }}
),

relations_by_cutoff as (
    -- each tie with the participant that had started by the period's cutoff date
    select
        periods.volunteer_user_id,
        periods.program_type,
        periods.period_type,
        periods.period_start,
        periods.cutoff_date,
        relations.participant_user_id,
        1 as is_relation,
        case when relations.relation_type = 'spell' then relations.started_at end
            as spell_started_at,
        relations.started_at,
        relations.ended_at,
        case
            when
                relations.is_open
                or relations.ended_at is null
                or cast(relations.ended_at as date) > periods.cutoff_date
                then 1
            else 0
        end as is_open_at_cutoff,
        cast(null as timestamp) as first_activity_at,
        cast(null as timestamp) as last_activity_at,
        0 as is_activity_in_quarter
    from periods
    inner join relations
        on
            periods.volunteer_user_id = relations.volunteer_user_id
            and periods.program_type = relations.program_type
    where cast(relations.started_at as date) <= periods.cutoff_date
),

activities_by_cutoff as (
    -- the volunteer's activities with the participant up to the period's cutoff date
    select
        periods.volunteer_user_id,
        periods.program_type,
        periods.period_type,
        periods.period_start,
        periods.cutoff_date,
        activity_quarters.participant_user_id,
        0 as is_relation,
        cast(null as timestamp) as spell_started_at,
        cast(null as timestamp) as started_at,
        cast(null as timestamp) as ended_at,
        0 as is_open_at_cutoff,
        activity_quarters.first_activity_at,
        activity_quarters.last_activity_at,
        case
            when activity_quarters.quarter_start = periods.period_start then 1
            else 0
        end as is_activity_in_quarter
    from periods
    inner join activity_quarters
        on
            periods.volunteer_user_id = activity_quarters.volunteer_user_id
            and periods.program_type = activity_quarters.program_type
    where periods.cutoff_date >= activity_quarters.quarter_start
),

participant_facts as (
    -- one stream, aggregated once per participant and period (no join of two
    -- aggregates, which PostgreSQL would plan as a nested loop)
    select * from relations_by_cutoff
    union all
    select * from activities_by_cutoff
),

windows as (
    select
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        cutoff_date,
        participant_user_id,
        max(is_relation) as has_relation,
        min(started_at) as window_started_at,
        min(spell_started_at) as first_spell_started_at,
        max(is_open_at_cutoff) as has_open_relation,
        max(ended_at) as last_ended_at,
        min(first_activity_at) as first_activity_at,
        max(last_activity_at) as last_activity_at,
        max(is_activity_in_quarter) as has_activity_in_quarter
    from participant_facts
    group by
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        cutoff_date,
        participant_user_id
),

final as (
    select
        volunteer_user_id,
        program_type,
        period_type,
        period_start,
        participant_user_id,
        cutoff_date,
        first_spell_started_at,
        cast(window_started_at as date) as window_start_date,
        case
            when has_open_relation = 0
                then {{ csr_analytics.add_days(
                    'cast(last_ended_at as date)', var('participant_window_days')
                ) }}
        end as window_end_date,
        first_activity_at,
        last_activity_at
    from windows
    where
        has_relation = 1
        and (period_type = 'all' or has_activity_in_quarter = 1)
)

select * from final
