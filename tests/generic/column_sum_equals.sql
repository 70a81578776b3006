{#- The column's values add up to `total`, within `tolerance` either way (weights). -#}
{% test column_sum_equals(model, column_name, total, tolerance=0) %}

with summed as (
    select sum(cast({{ column_name }} as numeric(18, 6))) as column_sum
    from {{ model }}
),

bounds as (
    select
        column_sum,
        cast({{ total }} as numeric(18, 6)) - cast({{ tolerance }} as numeric(18, 6))
            as lowest,
        cast({{ total }} as numeric(18, 6)) + cast({{ tolerance }} as numeric(18, 6))
            as highest
    from summed
)

select column_sum
from bounds
where
    column_sum is null
    or column_sum < lowest
    or column_sum > highest

{% endtest %}
