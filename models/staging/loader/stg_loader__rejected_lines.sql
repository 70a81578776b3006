with rejected_lines as (
    select * from {{ source('loader', '_rejected_lines') }}
),

final as (
    select
        load_id,
        source_file,
        source_line,
        raw_line,
        error
    from rejected_lines
)

select * from final
