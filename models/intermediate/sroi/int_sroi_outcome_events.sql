{#-
    Every event that produces an SROI outcome (sroi.md §2), with its quantity in the
    outcome's unit and its evidence grade, traceable to the rows that produced it
    (source_type, source_key) and to its value-map row (outcome_code). An outcome counts in
    the quarter of its event. "Participant" means the Buddy account's role.

    language_level_gain: a learner with two or more assessed held sessions is measured: in
    each quarter with an assessment, the rise of their highest assessed CEFR step over
    their highest before that quarter (the first assessment is the baseline, also within
    its own quarter; no rise = 0, never negative). The other learners are estimated:
    quantity_per_event per held session.
-#}

with

milestones as (
    select * from {{ ref('int_buddy_milestones_reconciled') }}
),

skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
),

kintell_sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

course_records as (
    select * from {{ ref('int_course_records') }}
),

value_map as (
    select * from {{ ref('sroi_value_map') }}
),

employment_credits as (
    select * from {{ ref('int_sroi_employment_credits') }}
),

integration_events as (
    select
        'buddy_integration' as outcome_code,
        'buddy_milestone' as source_type,
        account_id || ':' || cast(milestone_id as text) as source_key,
        user_id as participant_user_id,
        reached_at as occurred_at,
        cast(null as numeric(18, 6)) as measured_quantity,
        cast(null as text) as evidence_override,
        'milestone ' || milestone_category as quantity_basis,
        cast(null as text) as credited_program_type
    from milestones
    where
        account_role = 'participant'
        and milestone_category in ('community', 'cultural')
        and {{ csr_analytics.is_on_or_before_as_of('reached_at') }}
),

participant_skill_sessions as (
    select *
    from skill_sessions
    where
        learner_account_role = 'participant'
        and {{ csr_analytics.is_on_or_before_as_of('completed_at') }}
),

buddy_skill_events as (
    select
        case
            when skill_category = 'language' then 'buddy_language'
            else 'buddy_job_readiness'
        end as outcome_code,
        'buddy_skill_session' as source_type,
        session_id as source_key,
        learner_user_id as participant_user_id,
        completed_at as occurred_at,
        cast(null as numeric(18, 6)) as measured_quantity,
        cast(null as text) as evidence_override,
        'skill session ' || skill_category as quantity_basis,
        cast(null as text) as credited_program_type
    from participant_skill_sessions
    where skill_category in ('language', 'professional', 'career')
),

mentorship_events as (
    select
        'mentorship_job_readiness' as outcome_code,
        'kintell_session' as source_type,
        session_id as source_key,
        participant_user_id,
        session_at as occurred_at,
        cast(null as numeric(18, 6)) as measured_quantity,
        cast(null as text) as evidence_override,
        'held mentorship session' as quantity_basis,
        cast(null as text) as credited_program_type
    from kintell_sessions
    where
        program_type = 'mentorship'
        and is_held
        and {{ csr_analytics.is_on_or_before_as_of('session_at') }}
),

language_sessions as (
    select
        session_id,
        participant_user_id,
        session_at,
        {{ csr_analytics.quarter_start('session_at') }} as quarter_start,
        cefr_step
    from kintell_sessions
    where
        program_type = 'language'
        and is_held
        and {{ csr_analytics.is_on_or_before_as_of('session_at') }}
),

assessments as (
    select *
    from language_sessions
    where cefr_step is not null
),

measured_learners as (
    select participant_user_id
    from assessments
    group by participant_user_id
    having count(*) >= 2
),

estimated_language_events as (
    select
        'language_level_gain' as outcome_code,
        'kintell_session' as source_type,
        language_sessions.session_id as source_key,
        language_sessions.participant_user_id,
        language_sessions.session_at as occurred_at,
        cast(null as numeric(18, 6)) as measured_quantity,
        'estimated' as evidence_override,
        'held language session (fewer than 2 assessed)' as quantity_basis,
        cast(null as text) as credited_program_type
    from language_sessions
    left join measured_learners
        on language_sessions.participant_user_id = measured_learners.participant_user_id
    where measured_learners.participant_user_id is null
),

measured_assessments as (
    select assessments.*
    from assessments
    inner join measured_learners
        on assessments.participant_user_id = measured_learners.participant_user_id
),

first_assessment_times as (
    select
        participant_user_id,
        min(session_at) as first_assessed_at
    from measured_assessments
    group by participant_user_id
),

baselines as (
    -- the first assessment; several at that same time: the highest (never over-claims)
    select
        measured_assessments.participant_user_id,
        max(measured_assessments.cefr_step) as baseline_step
    from measured_assessments
    inner join first_assessment_times
        on
            measured_assessments.participant_user_id
            = first_assessment_times.participant_user_id
            and measured_assessments.session_at = first_assessment_times.first_assessed_at
    group by measured_assessments.participant_user_id
),

quarter_highs as (
    select
        participant_user_id,
        quarter_start,
        max(cefr_step) as highest_step,
        max(session_at) as last_assessed_at
    from measured_assessments
    group by
        participant_user_id,
        quarter_start
),

earlier_highs as (
    select
        quarter_highs.participant_user_id,
        quarter_highs.quarter_start,
        max(earlier.cefr_step) as earlier_step
    from quarter_highs
    inner join measured_assessments as earlier
        on
            quarter_highs.participant_user_id = earlier.participant_user_id
            and quarter_highs.quarter_start > earlier.quarter_start
    group by
        quarter_highs.participant_user_id,
        quarter_highs.quarter_start
),

measured_language_events as (
    select
        'language_level_gain' as outcome_code,
        'cefr_assessments' as source_type,
        quarter_highs.participant_user_id
        || ':' || cast(quarter_highs.quarter_start as text) as source_key,
        quarter_highs.participant_user_id,
        quarter_highs.last_assessed_at as occurred_at,
        cast(
            case
                when quarter_highs.highest_step
                    > coalesce(earlier_highs.earlier_step, baselines.baseline_step)
                    then quarter_highs.highest_step
                        - coalesce(earlier_highs.earlier_step, baselines.baseline_step)
                else 0
            end
            as numeric(18, 6)
        ) as measured_quantity,
        cast(null as text) as evidence_override,
        'CEFR step '
        || cast(coalesce(earlier_highs.earlier_step, baselines.baseline_step) as text)
        || ' to ' || cast(quarter_highs.highest_step as text) as quantity_basis,
        cast(null as text) as credited_program_type
    from quarter_highs
    inner join baselines
        on quarter_highs.participant_user_id = baselines.participant_user_id
    left join earlier_highs
        on
            quarter_highs.participant_user_id = earlier_highs.participant_user_id
            and quarter_highs.quarter_start = earlier_highs.quarter_start
),

course_completion_events as (
    select
        'upskilling_course_completion' as outcome_code,
        'course_record' as source_type,
        csr_user_id || ':' || provider || ':' || course_id as source_key,
        csr_user_id as participant_user_id,
        completed_at as occurred_at,
        cast(null as numeric(18, 6)) as measured_quantity,
        cast(null as text) as evidence_override,
        'course completed' as quantity_basis,
        cast(null as text) as credited_program_type
    from course_records
    where
        is_current
        and status = 'completed'
        and completed_at is not null
        and {{ csr_analytics.is_on_or_before_as_of('completed_at') }}
),

employment_events as (
    -- one row per counted employment start and program it is credited to (null: none)
    select
        'employment_gained' as outcome_code,
        'employment_outcome' as source_type,
        participant_user_id
        || ':' || {{ csr_analytics.iso_timestamp_text('employed_at') }}
        || ':' || coalesce(program_type, 'none') as source_key,
        participant_user_id,
        employed_at as occurred_at,
        quantity as measured_quantity,
        cast(null as text) as evidence_override,
        'employment start, ' || share_basis as quantity_basis,
        program_type as credited_program_type
    from employment_credits
),

events as (
    select * from integration_events
    union all
    select * from buddy_skill_events
    union all
    select * from mentorship_events
    union all
    select * from estimated_language_events
    union all
    select * from measured_language_events
    union all
    select * from course_completion_events
    union all
    select * from employment_events
),

program_events as (
    -- an outcome of program 'any' (employment_gained) takes the program it is credited
    -- to (null: none)
    select
        events.*,
        case
            when value_map.program_type = 'any' then events.credited_program_type
            else value_map.program_type
        end as program_type,
        value_map.evidence as value_map_evidence,
        value_map.quantity_per_event
    from events
    inner join value_map
        on events.outcome_code = value_map.outcome_code
),

final as (
    select
        outcome_code || ':' || source_type || ':' || source_key as outcome_event_key,
        -- what the event is attributed by (sroi.md §3): a volunteer program's participant
        -- and quarter; for upskilling (no volunteers) the quarter alone; no program:
        -- 'none', which no basis matches (unattributed)
        coalesce(program_type, 'none')
        || case
            when program_type = 'upskilling' then ''
            else ':' || coalesce(participant_user_id, '')
        end
        || ':' || cast({{ csr_analytics.quarter_start('occurred_at') }} as text)
            as attribution_key,
        outcome_code,
        program_type,
        participant_user_id,
        occurred_at,
        {{ csr_analytics.quarter_start('occurred_at') }} as quarter_start,
        coalesce(evidence_override, value_map_evidence) as evidence,
        cast(coalesce(measured_quantity, quantity_per_event) as numeric(18, 6)) as quantity,
        quantity_basis,
        source_type,
        source_key
    from program_events
)

select * from final
