{#-
    Company memberships: a person belongs to a company on the UTC dates in
    [joined_at, left_at). Overlapping memberships of one person are kept with a warning.
-#}
{%- set columns = [
    {'name': 'company_id', 'required': true},
    {'name': 'user_email', 'type': 'email', 'required': true},
    {'name': 'joined_at', 'type': 'timestamp'},
    {'name': 'left_at', 'type': 'timestamp'},
] -%}
{%- set raw_names = columns | map(attribute='name') | list -%}

with raw_rows as (
    select * from {{ source('platform', 'platform_company_users') }}
),

observations as (
    select
        {{ csr_analytics.export_lineage('raw_rows', 'platform_company_users') }},
        {{ csr_analytics.raw_columns('raw_rows', raw_names) }}
    from raw_rows
),

cleaned as (
    select
        {{ csr_analytics.lineage_columns() }},
        {{ csr_analytics.staged_text_columns(columns) }}
    from observations
),

typed as (
    select
        cleaned.*,
        {{ csr_analytics.staged_typed_columns(columns) }}
    from cleaned
),

checked as (
    select
        typed.*,
        {{ csr_analytics.record_key(['company_id', 'user_email', 'joined_at']) }} as _record_key,
        {{ csr_analytics.staged_failures(columns, [
            csr_analytics.check_condition('left_at < joined_at', 'before_start:left_at'),
        ]) }} as _failures
    from typed
),

valid_memberships as (
    select
        _load_id,
        _source_line,
        _source_table,
        _record_key,
        user_email,
        coalesce(joined_at, cast('1900-01-01' as timestamp)) as membership_start,
        coalesce(left_at, cast('9999-12-31' as timestamp)) as membership_end
    from checked
    where _failures is null
),

overlapping as (
    select distinct
        this_membership._load_id,
        this_membership._source_line,
        this_membership._source_table
    from valid_memberships as this_membership
    inner join valid_memberships as other_membership
        on this_membership.user_email = other_membership.user_email
            and this_membership._record_key <> other_membership._record_key
            and this_membership.membership_start < other_membership.membership_end
            and this_membership.membership_end > other_membership.membership_start
),

warned as (
    select
        checked.*,
        {{ csr_analytics.staged_warnings([
            csr_analytics.check_condition(
                'overlapping._load_id is not null', 'overlapping_membership:joined_at'),
        ]) }} as _warnings
    from checked
    left join overlapping
        on checked._load_id = overlapping._load_id
            and checked._source_line = overlapping._source_line
            and checked._source_table = overlapping._source_table
),

marked as (
    select
        warned.*,
        _failures is null as is_accepted,
        {{ csr_analytics.is_superseded('_record_key') }} as is_superseded
    from warned
),

final as (
    select
        {{ csr_analytics.lineage_columns() }},
        _record_key,
        {{ csr_analytics.staged_column_names(columns) }},
        _failures,
        _warnings,
        is_accepted,
        is_superseded
    from marked
)

select * from final
