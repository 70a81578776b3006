with loads as (
    select * from {{ ref('stg_loader__loads') }}
    where status = 'loaded'
),

rejected_lines as (
    select * from {{ ref('stg_loader__rejected_lines') }}
),

staged_rows as (
    select * from {{ ref('int_staged_rows') }}
),

row_counts as (
    select
        _load_id as load_id,
        count(*) as rows_staged,
        sum(case when is_accepted then 1 else 0 end) as rows_accepted,
        sum(case when is_superseded then 1 else 0 end) as rows_superseded,
        sum(case when not is_accepted then 1 else 0 end) as rows_rejected
    from staged_rows
    group by _load_id
),

line_counts as (
    select
        load_id,
        count(*) as loader_rejected_lines
    from rejected_lines
    group by load_id
),

final as (
    select
        loads.load_id,
        loads.source_file,
        loads.entity,
        loads.export_date,
        loads.rows_read as ledger_rows_read,
        cast(
            coalesce(row_counts.rows_staged, 0) + coalesce(line_counts.loader_rejected_lines, 0)
            as bigint
        ) as rows_read,
        cast(coalesce(row_counts.rows_accepted, 0) as bigint) as rows_accepted,
        cast(coalesce(row_counts.rows_superseded, 0) as bigint) as rows_superseded,
        cast(coalesce(row_counts.rows_rejected, 0) as bigint) as rows_rejected,
        cast(coalesce(line_counts.loader_rejected_lines, 0) as bigint) as loader_rejected_lines,
        cast(round(
            {{ csr_analytics.safe_divide(
                'coalesce(row_counts.rows_accepted, 0)',
                'coalesce(row_counts.rows_staged, 0) + coalesce(line_counts.loader_rejected_lines, 0)'
            ) }},
            4
        ) as numeric(7, 4)) as success_rate
    from loads
    left join row_counts
        on loads.load_id = row_counts.load_id
    left join line_counts
        on loads.load_id = line_counts.load_id
)

select * from final
