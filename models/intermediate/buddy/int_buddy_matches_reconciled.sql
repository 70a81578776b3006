{#-
    One row per Buddy match as it stands at as_of_date: its version valid at as_of_date
    (int_buddy_match_versions, where the reconciliation of the export rows and the
    match webhooks is written out, domain.md §3), with the people of its two accounts
    (int_buddy_accounts) and when an accepted observation of it was last loaded (any
    business date).
-#}
with match_versions as (
    select * from {{ ref('int_buddy_match_versions') }}
    where valid_to is null
),

observations as (
    select * from {{ ref('stg_buddy__matches') }}
),

accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

loads as (
    select
        match_id,
        max(_loaded_at) as last_loaded_at
    from observations
    group by match_id
),

final as (
    select
        match_versions.match_id,
        match_versions.participant_account_id,
        match_versions.buddy_account_id,
        participants.csr_user_id as participant_user_id,
        buddies.csr_user_id as buddy_user_id,
        match_versions.matched_at,
        match_versions.is_matched_at_derived,
        match_versions.status,
        match_versions.ended_at,
        match_versions.end_reason,
        match_versions.duration_days,
        match_versions.is_open,
        match_versions.in_export,
        match_versions.in_webhooks,
        match_versions.export_observations_count,
        match_versions.webhook_observations_count,
        match_versions.sessions_completed,
        match_versions.events_attended,
        match_versions.last_observed_at,
        loads.last_loaded_at
    from match_versions
    inner join loads
        on match_versions.match_id = loads.match_id
    left join accounts as participants
        on match_versions.participant_account_id = participants.account_id
    left join accounts as buddies
        on match_versions.buddy_account_id = buddies.account_id
)

select * from final
