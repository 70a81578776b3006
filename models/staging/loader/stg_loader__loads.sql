with loads as (
    select * from {{ ref('base_loader__loads') }}
),

final as (
    select * from loads
)

select * from final
