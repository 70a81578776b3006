{%- set columns = [
    {'name': 'session_id', 'type': 'uuid', 'required': true},
    {'name': 'skill_id', 'type': 'integer', 'required': true, 'min': 1},
    {'name': 'skill_name', 'required': true, 'free_text': true},
    {'name': 'teacher_id', 'type': 'uuid', 'required': true},
    {'name': 'learner_id', 'type': 'uuid', 'required': true},
    {'name': 'completed_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'skill_category'},
    {'name': 'match_id', 'type': 'uuid'},
    {'name': 'scheduled_at', 'type': 'timestamp'},
    {'name': 'duration_minutes', 'type': 'integer', 'min': 1},
    {'name': 'format'},
    {'name': 'proficiency_level', 'type': 'enum', 'values': ['beginner', 'intermediate', 'advanced']},
    {'name': 'teacher_rating', 'type': 'number', 'min': 0, 'max': 1},
    {'name': 'learner_rating', 'type': 'number', 'min': 0, 'max': 1},
    {'name': 'teacher_comment', 'free_text': true},
    {'name': 'learner_comment', 'free_text': true},
    {'name': 'learner_progress', 'type': 'enum', 'values': ['no-progress', 'some-progress',
        'good-progress', 'excellent-progress']},
    {'name': 'sdg_goals', 'type': 'json_array'},
    {'name': 'valuation_points', 'type': 'integer', 'min': 1},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with exports as (
    select * from {{ ref('base_buddy__exported_skill_sessions') }}
),

webhook_fields as (
    select * from {{ ref('base_buddy__webhook_fields') }}
    where raw_table = 'buddy_skill_sessions'
),

users as (
    select * from {{ ref('base_buddy__users') }}
    where is_accepted and not is_superseded
),

webhook_rows as (
    select
        {{ csr_analytics.lineage_columns() }},
        {{ csr_analytics.webhook_field_values(raw_names) }}
    from webhook_fields
    group by
        {{ csr_analytics.lineage_columns() }}
),

observations as (
    select
        {{ csr_analytics.lineage_columns('exports') }},
        {{ csr_analytics.raw_columns('exports', raw_names) }}
    from exports
    union all
    select
        {{ csr_analytics.lineage_columns('webhook_rows') }},
        {{ csr_analytics.raw_columns('webhook_rows', raw_names) }}
    from webhook_rows
),

cleaned as (
    select
        {{ csr_analytics.lineage_columns() }},
        {{ csr_analytics.staged_text_columns(columns) }}
    from observations
),

typed as (
    select
        cleaned.*,
        {{ csr_analytics.staged_typed_columns(columns) }}
    from cleaned
),

with_sides as (
    select
        typed.*,
        teachers.email as teacher_email,
        learners.email as learner_email
    from typed
    left join users as teachers
        on typed.teacher_id = teachers.user_id
    left join users as learners
        on typed.learner_id = learners.user_id
),

checked as (
    select
        with_sides.*,
        coalesce(session_id, {{ csr_analytics.ascii_lower('session_id__text') }}) as _record_key,
        {{ csr_analytics.staged_failures(columns, [
            csr_analytics.check_condition(
                'teacher_id is not null and teacher_email is null', 'orphan:teacher_id'),
            csr_analytics.check_condition(
                'learner_id is not null and learner_email is null', 'orphan:learner_id'),
            csr_analytics.check_condition(
                'teacher_id = learner_id or teacher_email = learner_email', 'self_reference:learner_id'),
            csr_analytics.check_condition(
                'sdg_goals is not null and not ('
                    ~ csr_analytics.json_int_array_within('sdg_goals', 1, 17) ~ ')',
                'out_of_range:sdg_goals'),
        ]) }} as _failures,
        {{ csr_analytics.staged_warnings() }} as _warnings
    from with_sides
),

marked as (
    select
        checked.*,
        _failures is null as is_accepted,
        {{ csr_analytics.is_superseded('_record_key') }} as is_superseded
    from checked
),

final as (
    select
        {{ csr_analytics.lineage_columns() }},
        _record_key,
        {{ csr_analytics.staged_column_names(columns) }},
        _failures,
        _warnings,
        is_accepted,
        is_superseded
    from marked
)

select * from final
