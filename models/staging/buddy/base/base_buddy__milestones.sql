{%- set columns = [
    {'name': 'milestone_id', 'type': 'integer', 'required': true, 'min': 1},
    {'name': 'user_id', 'type': 'uuid', 'required': true},
    {'name': 'milestone_title', 'required': true, 'free_text': true},
    {'name': 'milestone_category', 'type': 'enum', 'required': true, 'values': ['onboarding', 'cultural',
        'language', 'community', 'professional', 'skills', 'events', 'buddy-connection', 'impact',
        'completion', 'other']},
    {'name': 'reached_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'points', 'type': 'integer', 'required': true, 'min': 0},
    {'name': 'badge_icon', 'free_text': true},
    {'name': 'target_role', 'type': 'enum', 'values': ['participant', 'buddy', 'all']},
    {'name': 'progress', 'type': 'json_object'},
    {'name': 'metadata', 'type': 'json_object'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with exports as (
    select * from {{ ref('base_buddy__exported_milestones') }}
),

webhook_fields as (
    select * from {{ ref('base_buddy__webhook_fields') }}
    where raw_table = 'buddy_milestones'
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

with_user as (
    select
        typed.*,
        users.user_id is not null as is_known_user
    from typed
    left join users
        on typed.user_id = users.user_id
),

checked as (
    select
        with_user.*,
        {{ csr_analytics.record_key(['user_id', 'milestone_id']) }} as _record_key,
        {{ csr_analytics.staged_failures(columns, [
            csr_analytics.check_condition('user_id is not null and not is_known_user', 'orphan:user_id'),
        ]) }} as _failures,
        {{ csr_analytics.staged_warnings() }} as _warnings
    from with_user
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
