{#- Buddy check-ins, credited to the buddy of the check-in's match. -#}
with checkins as (
    select * from {{ ref('int_buddy_checkins_reconciled') }}
),

matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

credited as (
    select
        'buddy_checkin:' || checkins.checkin_id as activity_key,
        'buddy_checkin' as activity_source,
        'checkin' as activity_type,
        'buddy' as program_type,
        matches.buddy_user_id as volunteer_user_id,
        matches.participant_user_id,
        checkins.checkin_date as occurred_at,
        cast(null as text) as source_value,
        cast(null as integer) as duration_minutes
    from checkins
    inner join matches
        on checkins.match_id = matches.match_id
    where
        matches.buddy_user_id is not null
        and {{ csr_analytics.is_on_or_before_as_of('checkins.checkin_date') }}
),

final as (
    select * from credited
)

select * from final
