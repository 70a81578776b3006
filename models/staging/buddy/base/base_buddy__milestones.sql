{%- set columns = [
    {'name': 'milestone_id', 'type': 'integer', 'required': true, 'min': 1},
    {'name': 'user_id', 'type': 'uuid', 'required': true},
    {'name': 'milestone_title', 'required': true},
    {'name': 'milestone_category', 'type': 'enum', 'required': true, 'values': ['onboarding', 'cultural',
        'language', 'community', 'professional', 'skills', 'events', 'buddy-connection', 'impact',
        'completion', 'other']},
    {'name': 'reached_at', 'type': 'timestamp', 'required': true, 'business': true},
    {'name': 'points', 'type': 'integer', 'required': true, 'min': 0},
    {'name': 'badge_icon'},
    {'name': 'target_role', 'type': 'enum', 'values': ['participant', 'buddy', 'all']},
    {'name': 'progress', 'type': 'json_object'},
    {'name': 'metadata', 'type': 'json_object'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with observations as (
    {{ csr_analytics.export_rows('buddy', 'buddy_milestones', raw_names) }}
    union all
    {{ csr_analytics.webhook_rows('buddy_milestones', raw_names) }}
),

users as (
    select * from {{ ref('base_buddy__users') }}
    where is_accepted and not is_superseded
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
        {{ csr_analytics.code_list(csr_analytics.staged_column_checks(columns) + [
            csr_analytics.check_condition('user_id is not null and not is_known_user', 'orphan:user_id'),
        ]) }} as _failures,
        cast(null as text) as _warnings
    from with_user
),

marked as (
    {{ csr_analytics.mark_accepted('checked', '_record_key') }}
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
