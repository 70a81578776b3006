{#- Every base model that validates raw rows: the one list the data-quality models read. -#}
{% macro staged_base_models() -%}
    {{ return([
        'base_buddy__users',
        'base_buddy__matches',
        'base_buddy__events',
        'base_buddy__event_attendance',
        'base_buddy__skill_sessions',
        'base_buddy__checkins',
        'base_buddy__feedback',
        'base_buddy__milestones',
        'base_kintell__users',
        'base_kintell__sessions',
        'base_upskilling__course_records',
        'base_upskilling__credentials',
        'base_platform__companies',
        'base_platform__company_users',
        'base_platform__program_investments',
        'base_platform__employee_hour_costs',
        'base_platform__employment_outcomes',
        'base_q2q__outcome_scores',
    ]) }}
{%- endmacro %}
