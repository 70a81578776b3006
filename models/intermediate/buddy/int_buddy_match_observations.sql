{#-
    Every accepted observation of a Buddy match (export rows and webhook events,
    stg_buddy__matches) as it stands at as_of_date: only observations whose business
    timestamp (matched_at, else ended_at) is on or before as_of_date take part, and an
    observation that says the match ended after as_of_date tells nothing yet about its
    end (status, ended_at, end_reason, duration and the end counts are blanked); its
    other fields still count. The reconciled match and the reconciliation report read
    the match history from here.
-#}
with observations as (
    select * from {{ ref('stg_buddy__matches') }}
    where {{ csr_analytics.is_on_or_before_as_of('coalesce(matched_at, ended_at)') }}
),

flagged as (
    select
        observations.*,
        (
            status = 'ended'
            and not {{ csr_analytics.is_on_or_before_as_of('ended_at') }}
        ) as is_future_end
    from observations
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
        case when is_future_end then null else status end as status,
        case when is_future_end then null else ended_at end as ended_at,
        case when is_future_end then null else end_reason end as end_reason,
        case when is_future_end then null else duration_days end as duration_days,
        case when is_future_end then null else sessions_completed end as sessions_completed,
        case when is_future_end then null else events_attended end as events_attended
    from flagged
)

select * from final
