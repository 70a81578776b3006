{#-
    Every accepted observation of a Buddy match (export rows and webhook events,
    stg_buddy__matches) as it stands on each date the match's history changes, up to
    as_of_date. Those dates (valid_from; valid_to = the next one, exclusive, null = still
    valid at as_of_date) are the match's observations' business dates (matched_at, else
    ended_at) and the dates of the ends they report. On such a date d, only observations
    whose business timestamp is on or before d take part, and an observation that says
    the match ended after d tells nothing yet about its end (status, ended_at,
    end_reason, duration and the end counts are blanked); its other fields still count.
    int_buddy_match_observations is the match as it stands at as_of_date.
-#}
with observations as (
    select * from {{ ref('stg_buddy__matches') }}
    where {{ csr_analytics.is_on_or_before_as_of('coalesce(matched_at, ended_at)') }}
),

observation_dates as (
    select
        match_id,
        cast(coalesce(matched_at, ended_at) as date) as valid_from
    from observations

    union

    select
        match_id,
        cast(ended_at as date) as valid_from
    from observations
    where
        status = 'ended'
        and {{ csr_analytics.is_on_or_before_as_of('ended_at') }}
),

change_dates as (
    select
        match_id,
        valid_from,
        lead(valid_from) over (
            partition by match_id
            order by valid_from
        ) as valid_to
    from observation_dates
),

visible as (
    select
        change_dates.valid_from,
        change_dates.valid_to,
        observations.*,
        (
            observations.status = 'ended'
            and not {{ csr_analytics.is_on_or_before_as_of(
                'observations.ended_at', 'change_dates.valid_from'
            ) }}
        ) as is_future_end
    from change_dates
    inner join observations
        on
            change_dates.match_id = observations.match_id
            and {{ csr_analytics.is_on_or_before_as_of(
                'coalesce(observations.matched_at, observations.ended_at)',
                'change_dates.valid_from'
            ) }}
),

final as (
    select
        match_id,
        valid_from,
        valid_to,
        _record_key,
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
    from visible
)

select * from final
