{#-
    Every journey rule has at least one condition, and every condition tests a fact
    that int_user_facts publishes (a journey-flag key or a rule fact): a typo in a seed
    row would otherwise make its rule silently never hit.
-#}
{%- set known_fact_names = [] -%}
{%- for part, keys in csr_analytics.journey_flag_keys() -%}
    {%- for key, kind in keys -%}{%- do known_fact_names.append(key) -%}{%- endfor -%}
{%- endfor -%}
{%- for key, kind in csr_analytics.journey_rule_fact_keys() -%}
    {%- do known_fact_names.append(key) -%}
{%- endfor %}

with rules as (
    select * from {{ ref('journey_rules') }}
),

conditions as (
    select * from {{ ref('journey_rule_conditions') }}
),

known_facts as (
    {%- for fact_name in known_fact_names %}
        select '{{ fact_name }}' as fact
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

unknown_facts as (
    select
        conditions.rule_id,
        'unknown fact: ' || conditions.fact as problem
    from conditions
    left join known_facts
        on conditions.fact = known_facts.fact
    where known_facts.fact is null
),

rules_without_conditions as (
    select
        rules.rule_id,
        'no condition' as problem
    from rules
    left join conditions
        on rules.rule_id = conditions.rule_id
    where conditions.rule_id is null
),

final as (
    select * from unknown_facts
    union all
    select * from rules_without_conditions
)

select * from final
