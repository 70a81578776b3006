with staged_rows as (
    select * from {{ ref('int_staged_rows') }}
),

final as (
    select
        _source_table as source_table,
        {{ csr_analytics.redact_record_key('_record_key') }} as record_key,
        _failures as reasons,
        _load_id,
        _source_file,
        _source_line
    from staged_rows
    where not is_accepted
)

select * from final
