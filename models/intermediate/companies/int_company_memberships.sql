{#-
    Company of the day (exports.md, company_users): a person belongs to a company on the
    UTC dates in [joined_at, left_at). Where memberships overlap, the later joined_at
    wins, then the smaller company_id (binary order). The result is one row per
    non-overlapping date range: valid_from inclusive, valid_to exclusive (null = open).
    A membership with no joined_at is open from the beginning (valid_from 1900-01-01);
    one that starts after as_of_date does not take part yet.
-#}
with company_users as (
    select * from {{ ref('stg_platform__company_users') }}
),

memberships as (
    select
        {{ csr_analytics.csr_user_id('user_email') }} as csr_user_id,
        company_id,
        joined_at,
        coalesce(cast(joined_at as date), cast('1900-01-01' as date)) as valid_from,
        cast(left_at as date) as valid_to
    from company_users
    where
        joined_at is null
        or {{ csr_analytics.is_on_or_before_as_of('joined_at') }}
),

non_empty_memberships as (
    select * from memberships
    where valid_to is null or valid_to > valid_from
),

boundaries as (
    select
        csr_user_id,
        valid_from as boundary
    from non_empty_memberships
    union
    select
        csr_user_id,
        valid_to as boundary
    from non_empty_memberships
    where valid_to is not null
),

segments as (
    select
        csr_user_id,
        boundary as segment_from,
        lead(boundary) over (
            partition by csr_user_id
            order by boundary
        ) as segment_to
    from boundaries
),

segment_candidates as (
    select
        segments.csr_user_id,
        segments.segment_from,
        segments.segment_to,
        non_empty_memberships.company_id,
        row_number() over (
            partition by segments.csr_user_id, segments.segment_from
            order by
                non_empty_memberships.joined_at desc nulls last,
                {{ csr_analytics.binary_order('non_empty_memberships.company_id') }}
        ) as candidate_rank
    from segments
    inner join non_empty_memberships
        on segments.csr_user_id = non_empty_memberships.csr_user_id
            and segments.segment_from >= non_empty_memberships.valid_from
            and coalesce(segments.segment_to, cast('9999-12-31' as date))
            <= coalesce(non_empty_memberships.valid_to, cast('9999-12-31' as date))
),

winning_segments as (
    select
        csr_user_id,
        segment_from,
        segment_to,
        company_id,
        lag(company_id) over (
            partition by csr_user_id
            order by segment_from
        ) as previous_company_id,
        lag(segment_to) over (
            partition by csr_user_id
            order by segment_from
        ) as previous_segment_to
    from segment_candidates
    where candidate_rank = 1
),

islands as (
    select
        csr_user_id,
        segment_from,
        segment_to,
        company_id,
        sum(
            case
                when previous_company_id = company_id
                    and previous_segment_to = segment_from
                    then 0
                else 1
            end
        ) over (
            partition by csr_user_id
            order by segment_from
            rows between unbounded preceding and current row
        ) as island_number
    from winning_segments
),

final as (
    select
        csr_user_id,
        min(segment_from) as valid_from,
        company_id,
        case
            when count(segment_to) = count(*) then max(segment_to)
        end as valid_to
    from islands
    group by
        csr_user_id,
        company_id,
        island_number
)

select * from final
