{#-
    The dates of the status history (domain.md §5): every month end from the month of
    the earliest business date a program's records hold (a Buddy account's joined_at, a
    match observation, a Kintell session, a course record) up to as_of_date, and
    as_of_date itself. Enrollments, spells and memberships are evaluated on each of
    them by the same rules as on as_of_date.
-#}
{%- set as_of = csr_analytics.as_of_date_value() -%}
{%- set months_since_year_one = (as_of[0:4] | int - 1) * 12 + (as_of[5:7] | int) -%}

with account_versions as (
    select * from {{ ref('int_buddy_account_versions') }}
),

match_versions as (
    select * from {{ ref('int_buddy_match_versions') }}
),

sessions as (
    select * from {{ ref('int_kintell_sessions') }}
),

course_records as (
    select * from {{ ref('int_course_records') }}
),

month_offsets as (
    {{ dbt.generate_series(months_since_year_one) }}
),

first_dates as (
    select min(cast(joined_at as date)) as first_date from account_versions
    union all
    select min(valid_from) as first_date from match_versions
    union all
    select min(cast(session_at as date)) as first_date from sessions
    union all
    select min(cast(updated_at as date)) as first_date from course_records
),

bounds as (
    select
        cast({{ dbt.date_trunc('month', 'min(first_date)') }} as date) as first_month
    from first_dates
),

months as (
    select
        cast({{ dbt.dateadd(
            'month',
            '1 - month_offsets.generated_number',
            dbt.date_trunc('month', csr_analytics.as_of_date())
        ) }} as date) as month_start
    from month_offsets
),

month_ends as (
    select {{ csr_analytics.month_end('months.month_start') }} as status_date
    from months
    cross join bounds
    where months.month_start >= bounds.first_month
),

final as (
    select
        status_date,
        true as is_month_end,
        false as is_as_of_date
    from month_ends
    where status_date < {{ csr_analytics.as_of_date() }}

    union all

    select
        {{ csr_analytics.as_of_date() }} as status_date,
        {{ csr_analytics.as_of_date() }} = {{ csr_analytics.month_end(csr_analytics.as_of_date()) }}
            as is_month_end,
        true as is_as_of_date
)

select * from final
