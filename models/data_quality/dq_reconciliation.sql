{#-
    Buddy export vs webhook comparison (domain.md §3): one row per entity, key and
    discrepancy - missing_in_export, missing_in_webhooks, conflicting_status (matches),
    conflicting_values. Values are compared typed (UUIDs lower-cased, timestamps in UTC,
    numbers as numbers, JSON arrays in canonical form, event and check-in days as
    dates), and an export row is compared with the webhook state as it stood at the
    export's observation time: a webhook after the export is not a conflict. Only
    observations that take part at as_of_date count, each webhook delivery once. Field
    names are listed, never values (some are free text).
-#}

with webhook_envelopes as (
    select * from {{ ref('base_buddy__webhook_events') }}
    where is_accepted
),

webhook_feed as (
    select min(occurred_at) as feed_started_at
    from webhook_envelopes
),

match_observations as (
    {{ csr_analytics.buddy_observations(
        'base_buddy__matches', 'coalesce(matched_at, ended_at)'
    ) }}
),

as_of_match_observations as (
    {{ csr_analytics.buddy_match_observations('match_observations') }}
),

{{ csr_analytics.reconciliation_discrepancies(
    'matches', 'matches', 'as_of_match_observations',
    [
        'participant_id', 'buddy_id', 'matched_at', 'ended_at', 'end_reason',
        'duration_days', 'sessions_completed', 'events_attended'
    ],
    'coalesce(ended_at, matched_at)', 'webhook_feed',
    state_columns=['status'],
) }},

match_later_open_status as (
    select _record_key
    from matches_ranked
    group by _record_key
    having
        min(case when status in ('active', 'inactive') then _observation_rank end)
        < max(case when status = 'ended' then _observation_rank end)
),

match_export_status_differences as (
    select exports._record_key
    from matches_ranked as exports
    inner join matches_webhook_states as states
        on exports._record_key = states._record_key
            and exports._observation_rank = states.export_rank
    where
        exports._feed = 'export'
        and (exports.status = 'ended') <> (states.status = 'ended')
),

match_status_conflicts as (
    select
        'matches' as entity,
        key_summary._record_key as record_key,
        'conflicting_status' as discrepancy,
        'status' as field_names,
        key_summary.last_export_at as export_observed_at,
        key_summary.last_webhook_at as webhook_observed_at
    from matches_keys as key_summary
    where
        key_summary._record_key in (select _record_key from match_later_open_status)
        or key_summary._record_key in (
            select _record_key from match_export_status_differences
        )
),

events_observations as (
    {{ csr_analytics.buddy_observations('base_buddy__events', 'event_date') }}
),

{{ csr_analytics.reconciliation_discrepancies(
    'events', 'events', 'events_observations',
    [
        'match_id', 'event_type', 'event_date', 'description', 'location', 'attendees'
    ],
    'event_date', 'webhook_feed', json_columns=['attendees'], date_columns=['event_date'],
) }},

event_attendance_observations as (
    {{ csr_analytics.buddy_observations('base_buddy__event_attendance', 'attended_at') }}
),

{{ csr_analytics.reconciliation_discrepancies(
    'event_attendance', 'event_attendance', 'event_attendance_observations',
    [
        'match_id', 'event_title', 'event_type', 'event_format', 'attended_at',
        'location', 'duration_minutes', 'attendee_count', 'organizer', 'categories',
        'sdg_goals'
    ],
    'attended_at', 'webhook_feed', json_columns=['categories', 'sdg_goals'],
) }},

skill_sessions_observations as (
    {{ csr_analytics.buddy_observations('base_buddy__skill_sessions', 'completed_at') }}
),

{{ csr_analytics.reconciliation_discrepancies(
    'skill_sessions', 'skill_sessions', 'skill_sessions_observations',
    [
        'skill_id', 'skill_name', 'teacher_id', 'learner_id', 'completed_at',
        'skill_category', 'match_id', 'scheduled_at', 'duration_minutes', 'format',
        'proficiency_level', 'teacher_rating', 'learner_rating', 'teacher_comment',
        'learner_comment', 'learner_progress', 'sdg_goals', 'valuation_points'
    ],
    'completed_at', 'webhook_feed', json_columns=['sdg_goals'],
) }},

checkins_observations as (
    {{ csr_analytics.buddy_observations('base_buddy__checkins', 'checkin_date') }}
),

{{ csr_analytics.reconciliation_discrepancies(
    'checkins', 'checkins', 'checkins_observations',
    [
        'match_id', 'checkin_date', 'mood', 'notes'
    ],
    'checkin_date', 'webhook_feed', date_columns=['checkin_date'],
) }},

feedback_observations as (
    {{ csr_analytics.buddy_observations('base_buddy__feedback', 'submitted_at') }}
),

{{ csr_analytics.reconciliation_discrepancies(
    'feedback', 'feedback', 'feedback_observations',
    [
        'match_id', 'from_role', 'rating', 'submitted_at', 'feedback_text',
        'communication', 'helpfulness', 'engagement'
    ],
    'submitted_at', 'webhook_feed',
) }},

milestones_observations as (
    {{ csr_analytics.buddy_observations('base_buddy__milestones', 'reached_at') }}
),

{{ csr_analytics.reconciliation_discrepancies(
    'milestones', 'milestones', 'milestones_observations',
    [
        'milestone_title', 'milestone_category', 'reached_at', 'points', 'badge_icon',
        'target_role'
    ],
    'reached_at', 'webhook_feed',
) }},

final as (
    select * from matches_discrepancies
    union all
    select * from match_status_conflicts
    union all
    select * from events_discrepancies
    union all
    select * from event_attendance_discrepancies
    union all
    select * from skill_sessions_discrepancies
    union all
    select * from checkins_discrepancies
    union all
    select * from feedback_discrepancies
    union all
    select * from milestones_discrepancies
)

select * from final
