{#-
    Participation spells (domain.md §4): one row per program, spell and person, in the
    state they have at as_of_date - the as_of_date of int_participation_spell_history,
    where each program's mapping onto the one shape is written out.
-#}
with spell_history as (
    select * from {{ ref('int_participation_spell_history') }}
    where status_date = {{ csr_analytics.as_of_date() }}
),

final as (
    select
        program_type,
        spell_id,
        csr_user_id,
        role,
        csr_role,
        started_at,
        ended_at,
        end_reason,
        is_open,
        counterpart_user_id,
        sessions_count
    from spell_history
)

select * from final
