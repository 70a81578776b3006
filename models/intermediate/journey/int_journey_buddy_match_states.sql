{#-
    Per person, their Buddy matches as the journey flags see them (domain.md §6): how many
    matches they are in (either side), their first matched_at (any status), whether one is
    open, whether an open one is overdue for a check-in (its latest check-in, or with none
    its matched_at, is more than checkin_due_days before as_of_date), whether one that
    started at least feedback_pending_days ago, and is open or ended at most that long
    ago, has no feedback from their side, and the check-ins on their matches.
-#}
{%- set checkin_due_days = var('checkin_due_days') -%}
{%- set feedback_pending_days = var('feedback_pending_days') -%}

with matches as (
    select * from {{ ref('int_buddy_matches_reconciled') }}
),

checkins as (
    select * from {{ ref('int_buddy_checkins_reconciled') }}
),

feedback as (
    select * from {{ ref('int_buddy_feedback_reconciled') }}
),

person_matches as (
    select
        match_id,
        participant_user_id as csr_user_id,
        'participant' as side,
        matched_at,
        is_open,
        ended_at
    from matches
    where participant_user_id is not null
    union all
    select
        match_id,
        buddy_user_id as csr_user_id,
        'buddy' as side,
        matched_at,
        is_open,
        ended_at
    from matches
    where buddy_user_id is not null
),

latest_checkins as (
    select
        match_id,
        max(checkin_date) as latest_checkin_at
    from checkins
    group by match_id
),

feedback_sides as (
    select distinct
        match_id,
        from_role
    from feedback
),

match_states as (
    select
        person_matches.csr_user_id,
        person_matches.match_id,
        person_matches.matched_at,
        person_matches.is_open,
        (
            person_matches.is_open
            and {{ csr_analytics.days_since(
                'coalesce(latest_checkins.latest_checkin_at, person_matches.matched_at)'
            ) }} > {{ checkin_due_days }}
        ) as is_checkin_due,
        (
            {{ csr_analytics.days_since('person_matches.matched_at') }}
            >= {{ feedback_pending_days }}
            and (
                person_matches.is_open
                or {{ csr_analytics.days_since('person_matches.ended_at') }}
                <= {{ feedback_pending_days }}
            )
            and feedback_sides.match_id is null
        ) as is_feedback_pending
    from person_matches
    left join latest_checkins
        on person_matches.match_id = latest_checkins.match_id
    left join feedback_sides
        on
            person_matches.match_id = feedback_sides.match_id
            and person_matches.side = feedback_sides.from_role
),

match_summary as (
    select
        csr_user_id,
        count(distinct match_id) as match_count,
        min(matched_at) as first_matched_at,
        max(case when is_open then 1 else 0 end) = 1 as has_open_match,
        max(case when is_checkin_due then 1 else 0 end) = 1 as has_checkin_due,
        max(case when is_feedback_pending then 1 else 0 end) = 1 as has_feedback_pending
    from match_states
    group by csr_user_id
),

checkin_counts as (
    select
        person_matches.csr_user_id,
        count(distinct checkins.checkin_id) as checkins_count
    from person_matches
    inner join checkins
        on person_matches.match_id = checkins.match_id
    group by person_matches.csr_user_id
),

final as (
    select
        match_summary.csr_user_id,
        match_summary.match_count,
        match_summary.first_matched_at,
        match_summary.has_open_match,
        match_summary.has_checkin_due,
        match_summary.has_feedback_pending,
        coalesce(checkin_counts.checkins_count, 0) as checkins_count
    from match_summary
    left join checkin_counts
        on match_summary.csr_user_id = checkin_counts.csr_user_id
)

select * from final
