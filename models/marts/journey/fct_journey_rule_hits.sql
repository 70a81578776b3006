{#-
    Journey rules evaluated at as_of_date (domain.md §7). A rule (seeds/journey_rules)
    has one or more conditions (seeds/journey_rule_conditions: fact, operator, value),
    all ANDed, over the facts of int_user_facts; every rule whose conditions all hold
    for a person is a hit. Operators: = != < <= > >=; a numeric fact is compared with a
    numeric value as a number, anything else as text (binary order). A fact the person
    does not have (null) satisfies no condition. Hits never feed back into the flags.
-#}
with rules as (
    select * from {{ ref('journey_rules') }}
),

conditions as (
    select * from {{ ref('journey_rule_conditions') }}
),

facts as (
    select * from {{ ref('int_user_facts') }}
),

typed_conditions as (
    select
        rule_id,
        condition_number,
        fact,
        operator,
        cast(value as text) as value_text,
        {{ csr_analytics.parse_number('cast(value as text)', 37, 12) }}
            as value_number
    from conditions
),

rule_sizes as (
    select
        rule_id,
        count(distinct condition_number) as conditions_count
    from typed_conditions
    group by rule_id
),

condition_checks as (
    select
        facts.csr_user_id,
        typed_conditions.rule_id,
        typed_conditions.condition_number,
        {{ csr_analytics.journey_condition_is_met(
            'typed_conditions.operator',
            'facts.value_number',
            'typed_conditions.value_number',
            'facts.value_text',
            'typed_conditions.value_text'
        ) }} as is_met
    from typed_conditions
    inner join facts
        on typed_conditions.fact = facts.fact
),

met_rules as (
    select
        condition_checks.csr_user_id,
        condition_checks.rule_id
    from condition_checks
    inner join rule_sizes
        on condition_checks.rule_id = rule_sizes.rule_id
    where condition_checks.is_met
    group by
        condition_checks.csr_user_id,
        condition_checks.rule_id,
        rule_sizes.conditions_count
    having count(distinct condition_checks.condition_number) = rule_sizes.conditions_count
),

final as (
    select
        met_rules.csr_user_id,
        rules.rule_id,
        cast(rules.priority as integer) as priority,
        cast(rules.action as text) as action,  -- noqa: RF04
        cast(rules.message as text) as message,
        {{ csr_analytics.as_of_date() }} as as_of_date
    from met_rules
    inner join rules
        on met_rules.rule_id = rules.rule_id
)

select * from final
