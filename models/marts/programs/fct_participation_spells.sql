with spells as (
    select * from {{ ref('int_participation_spells') }}
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
    from spells
)

select * from final
