{#-
    Every outcome event joins back to the rows that produced it (sroi.md §6): a Buddy
    milestone, a Buddy skill session, a Kintell session, the assessed language sessions of
    a learner in the quarter, a course record, or an employment outcome (whose events carry
    the program they are credited to after its key). Lists the events whose source is
    missing.
-#}

with

outcome_events as (
    select * from {{ ref('int_sroi_outcome_events') }}
),

event_keys as (
    -- an employment event's key is its outcome's key and ':' and the program credited
    -- ('none': no program); the source's key is the part before that
    select
        outcome_events.*,
        case
            when source_type = 'employment_outcome'
                then left(
                        source_key,
                        length(source_key) - length(':' || coalesce(program_type, 'none'))
                    )
            else source_key
        end as traced_key
    from outcome_events
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

course_records as (
    select * from {{ ref('int_course_records') }}
),

employment_outcomes as (
    select * from {{ ref('int_employment_outcomes') }}
),

source_keys as (
    select
        'buddy_milestone' as source_type,
        account_id || ':' || cast(milestone_id as text) as source_key
    from milestones

    union all

    select
        'buddy_skill_session' as source_type,
        session_id as source_key
    from skill_sessions

    union all

    select
        'kintell_session' as source_type,
        session_id as source_key
    from kintell_sessions

    union all

    select distinct
        'cefr_assessments' as source_type,
        participant_user_id || ':'
        || cast({{ csr_analytics.quarter_start('session_at') }} as text) as source_key
    from kintell_sessions
    where
        program_type = 'language'
        and is_held
        and cefr_step is not null

    union all

    select distinct
        'course_record' as source_type,
        csr_user_id || ':' || provider || ':' || course_id as source_key
    from course_records

    union all

    select
        'employment_outcome' as source_type,
        csr_user_id || ':' || {{ csr_analytics.iso_timestamp_text('employed_at') }}
            as source_key
    from employment_outcomes
)

select event_keys.*
from event_keys
left join source_keys
    on
        event_keys.source_type = source_keys.source_type
        and event_keys.traced_key = source_keys.source_key
where source_keys.source_key is null
