{#-
    Every journey rule has at least one condition, and every condition tests a fact
    that int_user_facts publishes (a journey-flag key or a rule fact): a typo in a seed
    row would otherwise make its rule silently never hit.
-#}
{%- set known_facts = [] -%}
{%- for part, keys in csr_analytics.journey_flag_keys() -%}
    {%- for key, kind in keys -%}{%- do known_facts.append(key) -%}{%- endfor -%}
{%- endfor -%}
{%- for key, kind in csr_analytics.journey_rule_fact_keys() -%}
    {%- do known_facts.append(key) -%}
{%- endfor %}

with rules as (
    select * from {{ ref('journey_rules') }}
),

conditions as (
    select * from {{ ref('journey_rule_conditions') }}
),

unknown_facts as (
    select
        rule_id,
        'unknown fact: ' || fact as problem
    from conditions
    where fact not in (
        {%- for fact in known_facts %}
        '{{ fact }}'{{ "," if not loop.last }}
        {%- endfor %}
    )
),

rules_without_conditions as (
    select
        rules.rule_id,
        'no condition' as problem
    from rules
    left join conditions
        on rules.rule_id = conditions.rule_id
    where conditions.rule_id is null
)

select * from unknown_facts
union all
select * from rules_without_conditions
