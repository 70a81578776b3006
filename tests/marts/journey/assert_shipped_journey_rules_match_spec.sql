{#-
    The seeds ship exactly the four journey rules of domain.md §7, with their actions,
    messages and conditions (one line per condition: rule|action|message|fact|operator|
    value). Returns every line that is missing from the seeds or not in the spec.
-#}
with rules as (
    select * from {{ ref('journey_rules') }}
),

conditions as (
    select * from {{ ref('journey_rule_conditions') }}
),

shipped as (
    select
        rules.rule_id
        || '|' || rules.action
        || '|' || rules.message
        || '|' || conditions.fact
        || '|' || conditions.operator
        || '|' || cast(conditions.value as text) as rule_line
    from rules
    inner join conditions
        on rules.rule_id = conditions.rule_id
),

specified as (
    select
        'buddy_checkin_reminder|notify|Reminder: check in with your buddy this week'
        || '|buddy_match_active|=|true' as rule_line
    union all
    select
        'buddy_checkin_reminder|notify|Reminder: check in with your buddy this week'
        || '|buddy_checkin_due|=|true' as rule_line
    union all
    select 'followup_needed|set_flag|followup_needed|followup_needed|=|true' as rule_line
    union all
    select
        'mentor_ready|set_flag|mentor_ready|language_held_sessions_as_learner|>=|3'
            as rule_line
    union all
    select
        'mentor_ready|set_flag|mentor_ready|language_mean_learner_rating|>=|0.75'
            as rule_line
    union all
    select
        'language_support_needed|set_flag|language_support_needed'
        || '|latest_lang_level_proxy_score|<|0.5' as rule_line
),

missing as (
    select rule_line from specified
    except
    select rule_line from shipped
),

unexpected as (
    select rule_line from shipped
    except
    select rule_line from specified
),

final as (
    select
        'missing from the seeds' as problem,
        rule_line
    from missing
    union all
    select
        'not in the spec' as problem,
        rule_line
    from unexpected
)

select * from final
