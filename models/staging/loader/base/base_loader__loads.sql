with loads as (
    select * from {{ source('loader', '_loads') }}
),

typed as (
    select
        load_id,
        source_file,
        file_sha256,
        entity,
        export_id,
        {{ csr_analytics.export_date('export_date') }} as export_date,
        export_date_source,
        metadata,
        rows_read,
        rows_landed,
        status,
        error,
        started_at,
        finished_at
    from loads
)

select * from typed
