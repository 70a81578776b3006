{#-
    The Buddy entities whose export rows and webhook events are reconciled (domain.md
    §3), and how the reconciliation report compares them: for each entity (named as in
    dq_reconciliation) its observations model, the as_of_date cut-off (null: the model
    has applied it), its business timestamp, and the fields compared — in order, with
    the JSON fields compared in canonical JSON and the day fields as UTC dates. `state`
    fields are carried without being compared (a match's status is conflicting_status).
    Read by int_buddy_observation_keys and int_buddy_observation_fields (the model is the
    one each of them imports under the entity's name).
-#}
{% macro buddy_reconciled_entities() -%}
    {{ return({
        'matches': {
            'model': 'int_buddy_match_observations', 'as_of': none,
            'business_at': 'coalesce(ended_at, matched_at)',
            'fields': ['participant_id', 'buddy_id', 'matched_at', 'ended_at', 'end_reason',
                'duration_days', 'sessions_completed', 'events_attended'],
            'state': ['status'], 'json': [], 'date': [],
        },
        'events': {
            'model': 'stg_buddy__events', 'as_of': 'event_date', 'business_at': 'event_date',
            'fields': ['match_id', 'event_type', 'event_date', 'description', 'location',
                'attendees'],
            'state': [], 'json': ['attendees'], 'date': ['event_date'],
        },
        'event_attendance': {
            'model': 'stg_buddy__event_attendance', 'as_of': 'attended_at',
            'business_at': 'attended_at',
            'fields': ['match_id', 'event_title', 'event_type', 'event_format', 'attended_at',
                'location', 'duration_minutes', 'attendee_count', 'organizer', 'categories',
                'sdg_goals'],
            'state': [], 'json': ['categories', 'sdg_goals'], 'date': [],
        },
        'skill_sessions': {
            'model': 'stg_buddy__skill_sessions', 'as_of': 'completed_at',
            'business_at': 'completed_at',
            'fields': ['skill_id', 'skill_name', 'teacher_id', 'learner_id', 'completed_at',
                'skill_category', 'match_id', 'scheduled_at', 'duration_minutes', 'format',
                'proficiency_level', 'teacher_rating', 'learner_rating', 'teacher_comment',
                'learner_comment', 'learner_progress', 'sdg_goals', 'valuation_points'],
            'state': [], 'json': ['sdg_goals'], 'date': [],
        },
        'checkins': {
            'model': 'stg_buddy__checkins', 'as_of': 'checkin_date', 'business_at': 'checkin_date',
            'fields': ['match_id', 'checkin_date', 'mood', 'notes'],
            'state': [], 'json': [], 'date': ['checkin_date'],
        },
        'feedback': {
            'model': 'stg_buddy__feedback', 'as_of': 'submitted_at', 'business_at': 'submitted_at',
            'fields': ['match_id', 'from_role', 'rating', 'submitted_at', 'feedback_text',
                'communication', 'helpfulness', 'engagement'],
            'state': [], 'json': [], 'date': [],
        },
        'milestones': {
            'model': 'stg_buddy__milestones', 'as_of': 'reached_at', 'business_at': 'reached_at',
            'fields': ['milestone_title', 'milestone_category', 'reached_at', 'points',
                'badge_icon', 'target_role'],
            'state': [], 'json': [], 'date': [],
        },
    }) }}
{%- endmacro %}

{#- A field's value as comparable text: canonical JSON, a UTC date, or the typed value. -#}
{% macro reconciled_field_value(entity, field) -%}
    {%- if field in entity['json'] -%}
        {{ csr_analytics.json_canonical(field) }}
    {%- elif field in entity['date'] -%}
        cast(cast({{ field }} as date) as text)
    {%- else -%}
        cast({{ field }} as text)
    {%- endif -%}
{%- endmacro %}
