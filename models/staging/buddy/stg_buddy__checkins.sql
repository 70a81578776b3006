with checkins as (
    select * from {{ ref('base_buddy__checkins') }}
),

final as (
    select
        checkin_id,
        match_id,
        checkin_date,
        mood,
        notes,
        question_responses,
        {{ csr_analytics.lineage_columns() }}
    from checkins
    where is_accepted and not is_superseded
)

select * from final
