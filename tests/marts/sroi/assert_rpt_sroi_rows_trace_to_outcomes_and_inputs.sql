{#-
    Every rpt_sroi row traces to its outcome rows and inputs: the fct_sroi_outcomes rows of
    its scope, program and period add up to its gross value and present value, each of
    them joins to its sroi_value_map row (same outcome_code and program), and the
    int_sroi_inputs_quarterly rows of its scope, program and period add up to its
    investment. Published figures are rounded once, so sums may differ by half a cent per
    row summed. Lists the report rows that do not trace. Each source row is expanded to
    the report rows it feeds (its company or the unattributed scope, and the platform;
    its program and 'all'; its quarter, year and 'all'), so every join is on equal keys.
    A row with no outcome and no input must miss a rejected input (rejected_inputs_count);
    an outcome of program 'any' (employment_gained) maps to its value-map row whatever
    program it is credited to, or none.
-#}

{%- set report_key = ['scope', 'company_id', 'program_type', 'period_type', 'period_start'] -%}
{#- (scope, company_id) x (program_type) x (period_type, period_start, condition) -#}
{%- set scopes = [
    ("case when company_id is null then 'unattributed' else 'company' end", 'company_id'),
    ("'platform'", 'cast(null as text)'),
] -%}
{%- set programs = ['program_type', "'all'"] -%}
{%- set periods = [
    ("'quarter'", 'quarter_start', 'true'),
    ("'year'", csr_analytics.year_start('quarter_start'), 'true'),
    ("'all'", "cast('1900-01-01' as date)",
        'quarter_start <= ' ~ csr_analytics.quarter_start(csr_analytics.as_of_date())),
] -%}
{%- set sources = [
    ('outcome_keys', 'outcomes_mapped', [
        'cast(1 as bigint) as outcome_rows_count',
        'case when value_map_outcome_code is null then 0 else 1 end as mapped_rows_count',
        'gross_value',
        'present_value',
    ]),
    ('input_keys', 'inputs', ['cast(1 as bigint) as input_rows_count', 'investment_total']),
] -%}

with

rpt_sroi as (
    select * from {{ ref('rpt_sroi') }}
),

sroi_outcomes as (
    select * from {{ ref('fct_sroi_outcomes') }}
),

inputs as (
    select * from {{ ref('int_sroi_inputs_quarterly') }}
),

value_map as (
    select * from {{ ref('sroi_value_map') }}
),

outcomes_mapped as (
    select
        sroi_outcomes.*,
        value_map.outcome_code as value_map_outcome_code
    from sroi_outcomes
    left join value_map
        on
            sroi_outcomes.outcome_code = value_map.outcome_code
            and (
                sroi_outcomes.program_type = value_map.program_type
                or value_map.program_type = 'any'
            )
),

{% for name, relation, measures in sources %}
    {{ name }} as (
        {%- for scope, company in scopes %}
            {%- set scope_loop = loop %}
            {%- for program in programs %}
                {%- set program_loop = loop %}
                {%- for period_type, period_start, condition in periods %}
                    select
                        {{ scope }} as scope,
                        {{ company }} as company_id,
                        {{ program }} as program_type,
                        {{ period_type }} as period_type,
                        {{ period_start }} as period_start,
                        {{ measures | join(',\n                        ') }}
                    from {{ relation }}
                    where {{ condition }}
                    {%- if not (scope_loop.last and program_loop.last and loop.last) %}
                        union all
                    {%- endif %}
                {%- endfor %}
            {%- endfor %}
        {%- endfor %}
    ),
{% endfor %}

outcome_sums as (
    select
        {{ report_key | join(',\n        ') }},
        sum(outcome_rows_count) as outcome_rows_count,
        sum(mapped_rows_count) as mapped_rows_count,
        sum(gross_value) as gross_value,
        sum(present_value) as present_value
    from outcome_keys
    group by
        {{ report_key | join(',\n        ') }}
),

input_sums as (
    select
        {{ report_key | join(',\n        ') }},
        sum(input_rows_count) as input_rows_count,
        sum(investment_total) as investment_total
    from input_keys
    group by
        {{ report_key | join(',\n        ') }}
),

compared as (
    select
        rpt_sroi.scope,
        rpt_sroi.company_id,
        rpt_sroi.program_type,
        rpt_sroi.period_type,
        rpt_sroi.period_start,
        rpt_sroi.gross_value,
        coalesce(outcome_sums.gross_value, 0) as traced_gross_value,
        rpt_sroi.present_value,
        coalesce(outcome_sums.present_value, 0) as traced_present_value,
        rpt_sroi.investment_total,
        coalesce(input_sums.investment_total, 0) as traced_investment_total,
        coalesce(outcome_sums.outcome_rows_count, 0) as outcome_rows_count,
        coalesce(outcome_sums.mapped_rows_count, 0) as mapped_rows_count,
        coalesce(input_sums.input_rows_count, 0) as input_rows_count,
        rpt_sroi.rejected_inputs_count
    from rpt_sroi
    left join outcome_sums
        on
            rpt_sroi.scope = outcome_sums.scope
            and coalesce(rpt_sroi.company_id, '') = coalesce(outcome_sums.company_id, '')
            and coalesce(rpt_sroi.program_type, '') = coalesce(outcome_sums.program_type, '')
            and rpt_sroi.period_type = outcome_sums.period_type
            and rpt_sroi.period_start = outcome_sums.period_start
    left join input_sums
        on
            rpt_sroi.scope = input_sums.scope
            and coalesce(rpt_sroi.company_id, '') = coalesce(input_sums.company_id, '')
            and coalesce(rpt_sroi.program_type, '') = coalesce(input_sums.program_type, '')
            and rpt_sroi.period_type = input_sums.period_type
            and rpt_sroi.period_start = input_sums.period_start
),

toleranced as (
    select
        compared.*,
        cast(0.005 as numeric(18, 4)) * (outcome_rows_count + 1) as outcome_tolerance,
        cast(0.005 as numeric(18, 4)) as input_tolerance
    from compared
)

select *
from toleranced
where
    outcome_rows_count + input_rows_count + rejected_inputs_count = 0
    or mapped_rows_count <> outcome_rows_count
    or abs(gross_value - traced_gross_value) > outcome_tolerance
    or abs(present_value - traced_present_value) > outcome_tolerance
    or abs(investment_total - traced_investment_total) > input_tolerance
