{#-
    buddy_last_synced (domain.md §6): per person, the latest _loaded_at over the accepted
    Buddy rows (export rows and webhook events) about any of their accounts: the account
    itself, its matches (either side), and the events, check-ins and feedback on those
    matches (int_buddy_matches_last_loaded), the formal events it attended, the skill
    sessions it taught or learned and the milestones it reached. Only rows about an
    entity that exists at as_of_date take part (the reconciled models apply the cut-off).
-#}
with buddy_accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

matches as (
    select * from {{ ref('int_buddy_matches_last_loaded') }}
),

event_attendance as (
    select * from {{ ref('int_buddy_event_attendance_reconciled') }}
),

skill_sessions as (
    select * from {{ ref('int_buddy_skill_sessions_reconciled') }}
),

milestones as (
    select * from {{ ref('int_buddy_milestones_reconciled') }}
),

account_loads as (
    select
        account_id,
        last_loaded_at
    from buddy_accounts
    union all
    select
        participant_account_id as account_id,
        last_loaded_at
    from matches
    union all
    select
        buddy_account_id as account_id,
        last_loaded_at
    from matches
    union all
    select
        account_id,
        last_loaded_at
    from event_attendance
    union all
    select
        teacher_account_id as account_id,
        last_loaded_at
    from skill_sessions
    union all
    select
        learner_account_id as account_id,
        last_loaded_at
    from skill_sessions
    union all
    select
        account_id,
        last_loaded_at
    from milestones
),

final as (
    select
        buddy_accounts.csr_user_id,
        max(account_loads.last_loaded_at) as buddy_last_synced
    from account_loads
    inner join buddy_accounts
        on account_loads.account_id = buddy_accounts.account_id
    group by buddy_accounts.csr_user_id
)

select * from final
