{#- A person belongs to at most one company on any day: their membership ranges
    [valid_from, valid_to) do not overlap. -#}
with memberships as (
    select * from {{ ref('int_company_memberships') }}
)

select
    this_range.csr_user_id,
    this_range.valid_from,
    other_range.valid_from as overlapping_valid_from
from memberships as this_range
inner join memberships as other_range
    on this_range.csr_user_id = other_range.csr_user_id
        and this_range.valid_from < other_range.valid_from
        and (this_range.valid_to is null or this_range.valid_to > other_range.valid_from)
