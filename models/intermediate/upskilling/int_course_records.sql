{#-
    Every course status record (upskilling) whose updated_at is on or before as_of_date:
    several records per course are its status history. The current record of a course
    is the one with the latest updated_at, then the later export, load and line.
    spell_id identifies the person's course: the md5 of
    `upskilling|email|provider|course_id`, formatted as a UUID (domain.md §4).
-#}
with course_records as (
    select * from {{ ref('stg_upskilling__course_records') }}
),

as_of_records as (
    select
        course_records.*,
        {{ csr_analytics.normalize_email('user_email') }} as email
    from course_records
    where {{ csr_analytics.is_on_or_before_as_of('updated_at') }}
),

ranked as (
    select
        as_of_records.*,
        row_number() over (
            partition by email, provider, course_id
            order by updated_at desc, {{ csr_analytics.observation_order() }}
        ) as recency_rank
    from as_of_records
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
        recency_rank = 1 as is_current,
        {{ csr_analytics.uuid_from_text(
            "'upskilling|' || email || '|' || provider || '|' || course_id"
        ) }} as spell_id
    from ranked
)

select * from final
