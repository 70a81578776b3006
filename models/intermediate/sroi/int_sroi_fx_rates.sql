{#-
    The exchange rates into the reporting currency as periods (fx_rates): a currency's
    rate holds from its valid_from to the day before its next valid_from (valid_to null:
    still in force). The reporting currency converts at 1, always (valid_from and valid_to
    null). The rate in force on a day is the one row of the currency whose period holds it.
-#}

with

fx_rates as (
    select * from {{ ref('fx_rates') }}
),

rate_periods as (
    select
        currency,
        valid_from,
        cast(
            {{ dbt.dateadd(
                'day',
                -1,
                'lead(valid_from) over (partition by currency order by valid_from)'
            ) }}
            as date
        ) as valid_to,
        cast(rate as numeric(18, 6)) as rate
    from fx_rates
    where currency <> '{{ var("reporting_currency") }}'
),

reporting_currency as (
    select
        cast('{{ var("reporting_currency") }}' as text) as currency,
        cast(null as date) as valid_from,
        cast(null as date) as valid_to,
        cast(1 as numeric(18, 6)) as rate
),

final as (
    select * from rate_periods
    union all
    select * from reporting_currency
)

select * from final
