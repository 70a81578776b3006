{#-
    Every course status record (upskilling) whose updated_at is on or before as_of_date:
    several records per course are its status history. On each date, a course is in the
    state of its record with the latest updated_at on or before that date (then the
    later export, load and line): the last record of a day (is_last_of_day) is the
    course's state from that day until the next day with a record (next_recorded_on,
    exclusive); the current record (is_current) is the one that is still the state at
    as_of_date. course_started_at: when the course started as far as the records up to
    that day tell (the earliest started_at, else updated_at). spell_id identifies the
    person's course: the md5 of `upskilling|email|provider|course_id`, formatted as a
    UUID (domain.md §4).
-#}
with course_records as (
    select * from {{ ref('stg_upskilling__course_records') }}
),

as_of_records as (
    select
        course_records.*,
        {{ csr_analytics.normalize_email('user_email') }} as email,
        cast(updated_at as date) as recorded_on
    from course_records
    where {{ csr_analytics.is_on_or_before_as_of('updated_at') }}
),

ranked as (
    select
        as_of_records.*,
        row_number() over (
            partition by email, provider, course_id, recorded_on
            order by updated_at desc, {{ csr_analytics.observation_order() }}
        ) as day_recency_rank,
        min(coalesce(started_at, updated_at)) over (
            partition by email, provider, course_id
            order by recorded_on
            range between unbounded preceding and current row
        ) as course_started_at
    from as_of_records
),

days as (
    select
        ranked.*,
        lead(recorded_on) over (
            partition by email, provider, course_id, day_recency_rank
            order by recorded_on
        ) as next_recorded_on
    from ranked
),

final as (
    select
        {{ csr_analytics.csr_user_id('email') }} as csr_user_id,
        provider,
        course_id,
        updated_at,
        course_name,
        status,
        progress_percent,
        started_at,
        completed_at,
        final_score,
        day_recency_rank = 1 as is_last_of_day,
        case when day_recency_rank = 1 then next_recorded_on end as next_recorded_on,
        course_started_at,
        day_recency_rank = 1 and next_recorded_on is null as is_current,
        {{ csr_analytics.uuid_from_text(
            "'upskilling|' || email || '|' || provider || '|' || course_id"
        ) }} as spell_id
    from days
)

select * from final
