{#-
    Match observations from the export files and the match webhooks. A
    buddy.match.ended event carries no matched_at: it is required of the other rows only.
-#}
{%- set columns = [
    {'name': 'match_id', 'type': 'uuid', 'required': true},
    {'name': 'participant_id', 'type': 'uuid', 'required': true},
    {'name': 'buddy_id', 'type': 'uuid', 'required': true},
    {'name': 'matched_at', 'type': 'timestamp', 'business': true},
    {'name': 'status', 'type': 'enum', 'values': ['active', 'inactive', 'ended'], 'required': true},
    {'name': 'ended_at', 'type': 'timestamp', 'business': true},
    {'name': 'end_reason', 'type': 'enum', 'values': ['completed', 'participant_request',
        'buddy_request', 'mutual_agreement', 'inactivity', 'violation', 'program_ended', 'other']},
    {'name': 'duration_days', 'type': 'integer', 'min': 0},
    {'name': 'sessions_completed', 'type': 'integer', 'min': 0},
    {'name': 'events_attended', 'type': 'integer', 'min': 0},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with exports as (
    select * from {{ ref('base_buddy__exported_matches') }}
),

webhook_fields as (
    select * from {{ ref('base_buddy__webhook_fields') }}
    where raw_table = 'buddy_matches'
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
        participants.role as participant_role,
        participants.email as participant_email,
        buddies.role as buddy_role,
        buddies.email as buddy_email
    from typed
    left join users as participants
        on typed.participant_id = participants.user_id
    left join users as buddies
        on typed.buddy_id = buddies.user_id
),

checked as (
    select
        with_sides.*,
        coalesce(match_id, {{ csr_analytics.ascii_lower('match_id__text') }}) as _record_key,
        {{ csr_analytics.staged_failures(columns, [
            csr_analytics.check_condition(
                "matched_at__text is null and not (_feed = 'webhook' and status = 'ended')",
                'missing:matched_at'),
            csr_analytics.check_condition(
                "status = 'ended' and ended_at__text is null", 'missing:ended_at'),
            csr_analytics.check_condition(
                "status = 'ended' and end_reason__text is null", 'missing:end_reason'),
            csr_analytics.check_condition('ended_at < matched_at', 'before_start:ended_at'),
            csr_analytics.check_condition(
                'matched_at__text is null and duration_days > '
                    ~ csr_analytics.date_diff_days(
                        "cast('" ~ var('derived_match_start_min') ~ "' as date)", 'ended_at'),
                'out_of_range:duration_days'),
            csr_analytics.check_condition(
                'participant_id is not null and participant_role is null', 'orphan:participant_id'),
            csr_analytics.check_condition(
                'buddy_id is not null and buddy_role is null', 'orphan:buddy_id'),
            csr_analytics.check_condition(
                'participant_id = buddy_id or participant_email = buddy_email',
                'self_reference:buddy_id'),
        ]) }} as _failures,
        {{ csr_analytics.staged_warnings([
            csr_analytics.check_condition(
                'duration_days <> ' ~ csr_analytics.date_diff_days('matched_at', 'ended_at'),
                'duration_mismatch:duration_days'),
            csr_analytics.check_condition(
                "participant_role = 'buddy'", 'role_mismatch:participant_id'),
            csr_analytics.check_condition(
                "buddy_role = 'participant'", 'role_mismatch:buddy_id'),
        ]) }} as _warnings
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
