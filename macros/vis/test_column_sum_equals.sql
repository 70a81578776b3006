{#- The column's values add up to `total`, within `tolerance` either way (e.g. weights). -#}
{% test column_sum_equals(model, column_name, total, tolerance=0) %}

with summed as (
    select sum(cast({{ column_name }} as numeric(18, 6))) as column_sum
    from {{ model }}
)

select column_sum
from summed
where
    column_sum is null
    or column_sum < cast({{ total }} as numeric(18, 6)) - cast({{ tolerance }} as numeric(18, 6))
    or column_sum > cast({{ total }} as numeric(18, 6)) + cast({{ tolerance }} as numeric(18, 6))

{% endtest %}
