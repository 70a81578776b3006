{#-
    Enrollments (domain.md §5) on every date of the status history (int_status_dates):
    one row per date, person and program, with the person's role, enrolled_at,
    last_activity_at and the status on that date d, from the spells, memberships and
    activity a build with as_of_date = d sees, by the first rule that applies:
      1. every membership (Buddy account) left on or before d -> dropped
      2. at least one open spell -> active
      3. spells exist and all ended -> the last-ended spell's end_reason decides
      4. no spells -> active
      5. active by rule 2 or 4 but inactive for more than enrollment_inactivity_days
         before d -> dropped (inactivity)
    The rules are written here once; int_program_enrollments is the history's
    as_of_date.
-#}
with spells as (
    select * from {{ ref('int_participation_spell_history') }}
),

memberships as (
    select * from {{ ref('int_program_membership_history') }}
),

activities as (
    select * from {{ ref('int_program_activities') }}
),

program_roles as (
    select * from {{ ref('program_roles') }}
),

enrollment_keys as (
    select
        status_date,
        csr_user_id,
        program_type
    from spells

    union

    select
        status_date,
        csr_user_id,
        program_type
    from memberships
),

spell_summaries as (
    select
        status_date,
        csr_user_id,
        program_type,
        count(*) as spells_count,
        sum(case when is_open then 1 else 0 end) as open_spells_count,
        min(started_at) as first_started_at
    from spells
    group by
        status_date,
        csr_user_id,
        program_type
),

membership_summaries as (
    select
        status_date,
        csr_user_id,
        program_type,
        count(*) as memberships_count,
        sum(case when has_left then 1 else 0 end) as left_memberships_count,
        min(joined_at) as first_joined_at,
        max(left_at) as last_left_at
    from memberships
    group by
        status_date,
        csr_user_id,
        program_type
),

-- the latest activity on or before each date: each activity counts from the first
-- status date on or after it
activities_by_date as (
    select
        csr_user_id,
        program_type,
        {{ csr_analytics.first_status_date('occurred_at') }} as status_date,
        max(occurred_at) as last_activity_at
    from activities
    group by
        csr_user_id,
        program_type,
        {{ csr_analytics.first_status_date('occurred_at') }}
),

activity_dates as (
    select
        status_date,
        csr_user_id,
        program_type
    from enrollment_keys

    union

    select
        status_date,
        csr_user_id,
        program_type
    from activities_by_date
),

activity_summaries as (
    select
        activity_dates.status_date,
        activity_dates.csr_user_id,
        activity_dates.program_type,
        max(activities_by_date.last_activity_at) over (
            partition by activity_dates.csr_user_id, activity_dates.program_type
            order by activity_dates.status_date
            rows between unbounded preceding and current row
        ) as last_activity_at
    from activity_dates
    left join activities_by_date
        on
            activity_dates.status_date = activities_by_date.status_date
            and activity_dates.csr_user_id = activities_by_date.csr_user_id
            and activity_dates.program_type = activities_by_date.program_type
),

-- role: the role of most of their spells; on a tie the volunteer role
spell_role_counts as (
    select
        status_date,
        csr_user_id,
        program_type,
        role,
        csr_role,
        count(*) as spells_count
    from spells
    group by
        status_date,
        csr_user_id,
        program_type,
        role,
        csr_role
),

spell_roles as (
    select
        status_date,
        csr_user_id,
        program_type,
        role,
        csr_role,
        row_number() over (
            partition by status_date, csr_user_id, program_type
            order by
                spells_count desc,
                case when csr_role = 'volunteer' then 0 else 1 end,
                {{ csr_analytics.binary_order('role') }} asc
        ) as role_rank
    from spell_role_counts
),

-- no spells: their accounts' role; accounts of different roles: the volunteer one
membership_role_list as (
    select distinct
        status_date,
        csr_user_id,
        program_type,
        role,
        csr_role
    from memberships
),

membership_roles as (
    select
        status_date,
        csr_user_id,
        program_type,
        role,
        csr_role,
        row_number() over (
            partition by status_date, csr_user_id, program_type
            order by
                case when csr_role = 'volunteer' then 0 else 1 end,
                {{ csr_analytics.binary_order('role') }}
        ) as role_rank
    from membership_role_list
),

-- with neither: the program's volunteer role
program_default_roles as (
    select
        program_type,
        role,
        csr_role,
        row_number() over (
            partition by program_type
            order by
                case when csr_role = 'volunteer' then 0 else 1 end,
                {{ csr_analytics.binary_order('role') }}
        ) as role_rank
    from program_roles
),

-- the last-ended spell: latest ended_at, then a completed one, then the smallest spell_id
ended_spells as (
    select
        status_date,
        csr_user_id,
        program_type,
        spell_id,
        ended_at,
        end_reason,
        row_number() over (
            partition by status_date, csr_user_id, program_type
            order by
                ended_at desc nulls last,
                case when end_reason = 'completed' then 0 else 1 end,
                {{ csr_analytics.binary_order('spell_id') }} asc
        ) as end_rank
    from spells
    where not is_open
),

last_ended_spells as (
    select * from ended_spells
    where end_rank = 1
),

enrollment_facts as (
    select
        enrollment_keys.status_date,
        enrollment_keys.csr_user_id,
        enrollment_keys.program_type,
        coalesce(spell_roles.role, membership_roles.role, program_default_roles.role)
            as role,  -- noqa: RF04
        coalesce(
            spell_roles.csr_role,
            membership_roles.csr_role,
            program_default_roles.csr_role
        ) as csr_role,
        coalesce(membership_summaries.first_joined_at, spell_summaries.first_started_at)
            as enrolled_at,
        coalesce(membership_summaries.memberships_count, 0) as memberships_count,
        coalesce(membership_summaries.left_memberships_count, 0)
            as left_memberships_count,
        membership_summaries.last_left_at,
        cast(coalesce(spell_summaries.spells_count, 0) as integer) as spells_count,
        cast(coalesce(spell_summaries.open_spells_count, 0) as integer)
            as open_spells_count,
        last_ended_spells.ended_at as last_ended_at,
        last_ended_spells.end_reason as last_end_reason,
        activity_summaries.last_activity_at
    from enrollment_keys
    left join spell_summaries
        on
            enrollment_keys.status_date = spell_summaries.status_date
            and enrollment_keys.csr_user_id = spell_summaries.csr_user_id
            and enrollment_keys.program_type = spell_summaries.program_type
    left join membership_summaries
        on
            enrollment_keys.status_date = membership_summaries.status_date
            and enrollment_keys.csr_user_id = membership_summaries.csr_user_id
            and enrollment_keys.program_type = membership_summaries.program_type
    left join activity_summaries
        on
            enrollment_keys.status_date = activity_summaries.status_date
            and enrollment_keys.csr_user_id = activity_summaries.csr_user_id
            and enrollment_keys.program_type = activity_summaries.program_type
    left join spell_roles
        on
            enrollment_keys.status_date = spell_roles.status_date
            and enrollment_keys.csr_user_id = spell_roles.csr_user_id
            and enrollment_keys.program_type = spell_roles.program_type
            and spell_roles.role_rank = 1
    left join membership_roles
        on
            enrollment_keys.status_date = membership_roles.status_date
            and enrollment_keys.csr_user_id = membership_roles.csr_user_id
            and enrollment_keys.program_type = membership_roles.program_type
            and membership_roles.role_rank = 1
    left join program_default_roles
        on
            enrollment_keys.program_type = program_default_roles.program_type
            and program_default_roles.role_rank = 1
    left join last_ended_spells
        on
            enrollment_keys.status_date = last_ended_spells.status_date
            and enrollment_keys.csr_user_id = last_ended_spells.csr_user_id
            and enrollment_keys.program_type = last_ended_spells.program_type
),

-- rules 1 to 4: the first that applies
rule_statuses as (
    select
        *,
        case
            when memberships_count > 0 and left_memberships_count = memberships_count
                then 1
            when open_spells_count > 0 then 2
            when spells_count > 0 then 3
            else 4
        end as status_rule,
        case
            when last_activity_at > enrolled_at then last_activity_at
            else enrolled_at
        end as last_seen_at
    from enrollment_facts
),

rule_outcomes as (
    select
        *,
        case status_rule
            when 1 then 'dropped'
            when 3
                then
                    case
                        when last_end_reason = 'completed' then 'completed'
                        else 'dropped'
                    end
            else 'active'
        end as rule_status,
        case status_rule
            when 1 then 'left_program'
            when 2 then 'open_spell'
            when 3 then last_end_reason
            else 'no_spells'
        end as rule_status_reason,
        case status_rule
            when 1 then last_left_at
            when 3 then last_ended_at
        end as rule_completed_at
    from rule_statuses
),

-- rule 5: an active enrollment with no activity for too long is dropped
inactivity as (
    select
        *,
        rule_status = 'active'
        and {{ csr_analytics.days_since('last_seen_at', 'status_date') }}
        > {{ var('enrollment_inactivity_days') }} as is_inactive
    from rule_outcomes
),

final as (
    select
        status_date,
        {{ csr_analytics.uuid_from_text("csr_user_id || '|' || program_type") }}
            as enrollment_id,
        csr_user_id,
        program_type,
        role,
        csr_role,
        enrolled_at,
        case when is_inactive then 'dropped' else rule_status end as status,
        case when is_inactive then 'inactivity' else rule_status_reason end
            as status_reason,
        case when is_inactive then 5 else status_rule end as status_rule,
        case when is_inactive then last_seen_at else rule_completed_at end
            as completed_at,
        last_activity_at,
        spells_count,
        open_spells_count
    from inactivity
)

select * from final
