{#-
    Every accepted observation of a Buddy match (export rows and webhook events,
    stg_buddy__matches) as it stands at as_of_date: the latest version of
    int_buddy_match_observation_versions. Only observations whose business timestamp
    (matched_at, else ended_at) is on or before as_of_date take part, and an observation
    that says the match ended after as_of_date tells nothing yet about its end (status,
    ended_at, end_reason, duration and the end counts are blanked); its other fields
    still count. The reconciliation report reads the match history from here.
-#}
with observation_versions as (
    select * from {{ ref('int_buddy_match_observation_versions') }}
    where valid_to is null
),

final as (
    select
        _record_key,
        match_id,
        _feed,
        _observed_at,
        _load_id,
        _source_line,
        _loaded_at,
        participant_id,
        buddy_id,
        matched_at,
        status,
        ended_at,
        end_reason,
        duration_days,
        sessions_completed,
        events_attended
    from observation_versions
)

select * from final
