{#-
    Match observations as they stand at as_of_date: an observation that says the match
    ended after as_of_date tells nothing yet about its end (status, ended_at, end_reason,
    duration and the end counts are blanked); its other fields still count.
    `observations` is a relation from buddy_observations('base_buddy__matches', ...).
-#}
{% macro buddy_match_observations(observations) -%}
    select
        _record_key,
        match_id,
        _feed,
        _observed_at,
        _load_id,
        _source_line,
        participant_id,
        buddy_id,
        matched_at,
        case when is_future_end then null else status end as status,
        case when is_future_end then null else ended_at end as ended_at,
        case when is_future_end then null else end_reason end as end_reason,
        case when is_future_end then null else duration_days end as duration_days,
        case when is_future_end then null else sessions_completed end
            as sessions_completed,
        case when is_future_end then null else events_attended end as events_attended
    from (
        select
            {{ observations }}.*,
            (
                {{ observations }}.status = 'ended'
                and not {{
                    csr_analytics.is_on_or_before_as_of(observations ~ '.ended_at')
                }}
            ) as is_future_end
        from {{ observations }}
    ) as flagged
{%- endmacro %}
