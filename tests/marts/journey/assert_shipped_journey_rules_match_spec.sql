{#-
    The seeds ship exactly the four journey rules of domain.md §7, with their actions,
    messages and conditions. Returns every row that differs (missing or unexpected).
-#}
with rules as (
    select * from {{ ref('journey_rules') }}
),

conditions as (
    select * from {{ ref('journey_rule_conditions') }}
),

shipped as (
    select
        rules.rule_id,
        rules.action,
        rules.message,
        conditions.fact,
        conditions.operator,
        cast(conditions.value as text) as value
    from rules
    inner join conditions
        on rules.rule_id = conditions.rule_id
),

specified as (
    select
        'buddy_checkin_reminder' as rule_id,
        'notify' as action,
        'Reminder: check in with your buddy this week' as message,
        'buddy_match_active' as fact,
        '=' as operator,
        'true' as value
    union all
    select
        'buddy_checkin_reminder',
        'notify',
        'Reminder: check in with your buddy this week',
        'buddy_checkin_due',
        '=',
        'true'
    union all
    select 'followup_needed', 'set_flag', 'followup_needed', 'followup_needed', '=', 'true'
    union all
    select
        'mentor_ready',
        'set_flag',
        'mentor_ready',
        'language_held_sessions_as_learner',
        '>=',
        '3'
    union all
    select
        'mentor_ready',
        'set_flag',
        'mentor_ready',
        'language_mean_learner_rating',
        '>=',
        '0.75'
    union all
    select
        'language_support_needed',
        'set_flag',
        'language_support_needed',
        'latest_lang_level_proxy_score',
        '<',
        '0.5'
),

missing as (
    select 'missing' as problem, specified.* from specified
    except
    select 'missing' as problem, shipped.* from shipped
),

unexpected as (
    select 'unexpected' as problem, shipped.* from shipped
    except
    select 'unexpected' as problem, specified.* from specified
)

select * from missing
union all
select * from unexpected
