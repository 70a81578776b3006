{#-
    PII stays in raw, staging and pii (domain.md §1): no relation the project builds in
    marts or data_quality has a column named like PII or a text value that looks like an
    email address. Column names, case-insensitive:
    - email: any name containing "email" or "e_mail";
    - a person's name: name, surname, username, and any name ending in first_name,
      last_name, full_name, given_name, family_name, middle_name, user_name,
      person_name, participant_name, volunteer_name or buddy_name; other *_name columns
      name things (company_name, display_name of a program) and are allowed;
    - LinkedIn: any name containing "linkedin";
    - free text: a name with the word note(s), comment(s) or remark(s), and
      feedback_text, free_text.
    Values: every text or JSON column, scanned with email_pattern().
    Every relation scanned must be listed below, so that dbt builds it first; one that
    is not (a new mart) fails the test until it is added. A relation not built (a partial
    build selecting this test) holds nothing to scan.
-#}
-- depends_on: {{ ref('dim_companies') }}
-- depends_on: {{ ref('dim_programs') }}
-- depends_on: {{ ref('dim_user_external_ids') }}
-- depends_on: {{ ref('dim_user_journey_flags') }}
-- depends_on: {{ ref('dim_users') }}
-- depends_on: {{ ref('fct_buddy_matches') }}
-- depends_on: {{ ref('fct_buddy_checkins') }}
-- depends_on: {{ ref('fct_buddy_event_attendance') }}
-- depends_on: {{ ref('fct_buddy_events') }}
-- depends_on: {{ ref('fct_buddy_feedback') }}
-- depends_on: {{ ref('fct_buddy_milestones') }}
-- depends_on: {{ ref('fct_buddy_skill_sessions') }}
-- depends_on: {{ ref('fct_course_records') }}
-- depends_on: {{ ref('fct_credentials') }}
-- depends_on: {{ ref('fct_kintell_sessions') }}
-- depends_on: {{ ref('fct_enrollment_status_changes') }}
-- depends_on: {{ ref('fct_enrollment_status_history') }}
-- depends_on: {{ ref('fct_journey_rule_hits') }}
-- depends_on: {{ ref('fct_participation_spells') }}
-- depends_on: {{ ref('fct_program_enrollments') }}
-- depends_on: {{ ref('fct_sroi_outcomes') }}
-- depends_on: {{ ref('fct_sroi_quarterly') }}
-- depends_on: {{ ref('fct_vis_scores') }}
-- depends_on: {{ ref('fct_volunteer_activities') }}
-- depends_on: {{ ref('metricflow_time_spine') }}
-- depends_on: {{ ref('rpt_company_vis') }}
-- depends_on: {{ ref('rpt_multi_program_users') }}
-- depends_on: {{ ref('rpt_program_metrics') }}
-- depends_on: {{ ref('rpt_program_metrics_quarterly') }}
-- depends_on: {{ ref('rpt_sroi') }}
-- depends_on: {{ ref('dq_identity_conflicts') }}
-- depends_on: {{ ref('dq_import_summary') }}
-- depends_on: {{ ref('dq_reconciliation') }}
-- depends_on: {{ ref('dq_rejected_rows') }}
-- depends_on: {{ ref('dq_warnings') }}
{%- set pii_name = (
    '^(name|surname|username)$'
    ~ '|e_?mail|linkedin'
    ~ '|(first|last|full|given|family|middle|user|person|participant|volunteer|buddy)_name$'
    ~ '|(^|_)(notes?|comments?|remarks?)(_|$)'
    ~ '|^(feedback|free)_text$'
) %}
{%- set text_types = ['text', 'varchar', 'character varying', 'character', 'json', 'jsonb'] %}
{%- set findings = [] %}
{%- if execute %}
    {%- set scanned = [] %}
    {%- for node in graph.nodes.values() %}
        {%- if node.resource_type in ['model', 'seed', 'snapshot']
            and node.schema in ['marts', 'data_quality']
            and node.config.materialized != 'ephemeral' %}
            {%- do scanned.append(node) %}
        {%- endif %}
    {%- endfor %}
    {%- for node in scanned | sort(attribute='name') %}
        {%- set label = node.schema ~ '.' ~ node.alias %}
        {%- set relation = adapter.get_relation(
            database=node.database, schema=node.schema, identifier=node.alias
        ) %}
        {%- if node.unique_id not in model.depends_on.nodes %}
            {%- do findings.append(
                "select '" ~ label ~ "' as relation_name, cast(null as text) as column_name, "
                ~ "'not listed in this test' as finding, cast(1 as bigint) as rows_count"
            ) %}
        {%- elif relation is not none %}
            {%- for column in adapter.get_columns_in_relation(relation) %}
                {%- set column_name = column.name | lower %}
                {%- if modules.re.search(pii_name, column_name) %}
                    {%- do findings.append(
                        "select '" ~ label ~ "' as relation_name, '" ~ column_name
                        ~ "' as column_name, 'column named like PII' as finding, "
                        ~ "cast(1 as bigint) as rows_count"
                    ) %}
                {%- endif %}
                {%- if (column.dtype | lower).split('(')[0] in text_types %}
                    {%- do findings.append(
                        "select '" ~ label ~ "' as relation_name, '" ~ column_name
                        ~ "' as column_name, 'email-like value' as finding, count(*) as rows_count"
                        ~ " from " ~ relation ~ " where "
                        ~ csr_analytics.regex_contains(
                            'cast(' ~ adapter.quote(column.name) ~ ' as text)',
                            csr_analytics.email_pattern()
                        )
                        ~ " having count(*) > 0"
                    ) %}
                {%- endif %}
            {%- endfor %}
        {%- endif %}
    {%- endfor %}
{%- endif %}

select
    cast(null as text) as relation_name,
    cast(null as text) as column_name,
    cast(null as text) as finding,
    cast(0 as bigint) as rows_count
where 1 = 0
{% for finding in findings %}
    union all
    {{ finding }}
{% endfor %}
