{#-
    One row per landed raw row with the verdict of staging: its lineage, record key,
    failures, warnings, is_accepted and is_superseded — the rows of every base model that
    judges raw rows. A webhook line is counted in the entity model it was routed to, or
    else (invalid envelope, duplicate delivery, unknown type) in
    base_buddy__webhook_events. What dq_rejected_rows, dq_warnings and dq_import_summary
    count.
-#}
{{ config(materialized='view') }}
{%- set judged = [
    'buddy_users',
    'buddy_matches',
    'buddy_events',
    'buddy_event_attendance',
    'buddy_skill_sessions',
    'buddy_checkins',
    'buddy_feedback',
    'buddy_milestones',
    'kintell_users',
    'kintell_sessions',
    'upskilling_course_records',
    'upskilling_credentials',
    'platform_companies',
    'platform_company_users',
    'platform_program_investments',
    'platform_employee_hour_costs',
    'platform_employment_outcomes',
    'q2q_outcome_scores',
    'buddy_webhook_events',
] -%}

with buddy_users as (
    select * from {{ ref('base_buddy__users') }}
),

buddy_matches as (
    select * from {{ ref('base_buddy__matches') }}
),

buddy_events as (
    select * from {{ ref('base_buddy__events') }}
),

buddy_event_attendance as (
    select * from {{ ref('base_buddy__event_attendance') }}
),

buddy_skill_sessions as (
    select * from {{ ref('base_buddy__skill_sessions') }}
),

buddy_checkins as (
    select * from {{ ref('base_buddy__checkins') }}
),

buddy_feedback as (
    select * from {{ ref('base_buddy__feedback') }}
),

buddy_milestones as (
    select * from {{ ref('base_buddy__milestones') }}
),

kintell_users as (
    select * from {{ ref('base_kintell__users') }}
),

kintell_sessions as (
    select * from {{ ref('base_kintell__sessions') }}
),

upskilling_course_records as (
    select * from {{ ref('base_upskilling__course_records') }}
),

upskilling_credentials as (
    select * from {{ ref('base_upskilling__credentials') }}
),

platform_companies as (
    select * from {{ ref('base_platform__companies') }}
),

platform_company_users as (
    select * from {{ ref('base_platform__company_users') }}
),

platform_program_investments as (
    select * from {{ ref('base_platform__program_investments') }}
),

platform_employee_hour_costs as (
    select * from {{ ref('base_platform__employee_hour_costs') }}
),

platform_employment_outcomes as (
    select * from {{ ref('base_platform__employment_outcomes') }}
),

q2q_outcome_scores as (
    select * from {{ ref('base_q2q__outcome_scores') }}
),

buddy_webhook_events as (
    select * from {{ ref('base_buddy__webhook_events') }}
    where not is_routed
),

final as (
    {%- for relation in judged %}
        select
            _source_table,
            _load_id,
            _source_file,
            _source_line,
            _record_key,
            _failures,
            _warnings,
            is_accepted,
            is_superseded
        from {{ relation }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select * from final
