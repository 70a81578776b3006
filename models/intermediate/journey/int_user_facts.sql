{#-
    Everything the journey rules can test (domain.md §7), long-form: one row per person
    and fact with a value. Facts are every journey flag (int_user_journey_flags, keys as
    in the JSON) and the rule-only facts of int_journey_rule_facts. value_text holds the
    value as text (booleans 'true' / 'false', dates 'YYYY-MM-DD', timestamps
    'YYYY-MM-DDTHH:MM:SSZ'), value_number the value of numeric facts. A null value is no
    row: a condition on it never holds.
-#}
{%- set flag_facts = [] -%}
{%- for part, keys in csr_analytics.journey_flag_keys() -%}
    {%- for key in keys -%}{%- do flag_facts.append(key) -%}{%- endfor -%}
{%- endfor -%}
{%- set fact_sets = [
    ('journey_flags', flag_facts),
    ('people_rule_facts', csr_analytics.journey_rule_fact_keys()),
] -%}

with journey_flags as (
    select * from {{ ref('int_user_journey_flags') }}
),

rule_facts as (
    select * from {{ ref('int_journey_rule_facts') }}
),

people_rule_facts as (
    select rule_facts.*
    from rule_facts
    inner join journey_flags
        on rule_facts.csr_user_id = journey_flags.csr_user_id
),

facts as (
    {%- for relation, facts in fact_sets %}
        {%- set outer_loop = loop %}
        {%- for fact, kind in facts %}
            select
                csr_user_id,
                '{{ fact }}' as fact,
                {%- if kind == 'boolean' %}
                    case when {{ fact }} then 'true' else 'false' end as value_text,
                {%- elif kind in ('integer', 'number') %}
                    cast({{ fact }} as text) as value_text,
                {%- else %}
                    {{ csr_analytics.journey_flag_json_value(fact, kind) }} as value_text,
                {%- endif %}
                {%- if kind in ('integer', 'number') %}
                    cast({{ fact }} as numeric(38, 12)) as value_number
                {%- else %}
                    cast(null as numeric(38, 12)) as value_number
                {%- endif %}
            from {{ relation }}
            where {{ fact }} is not null
            {%- if not (loop.last and outer_loop.last) %}
                union all
            {%- endif %}
        {%- endfor %}
    {%- endfor %}
),

final as (
    select * from facts
)

select * from final
