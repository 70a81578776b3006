{#-
    The combination of columns is unique. Nulls are treated as equal (a null company_id
    is a value of the key), so two rows with the same values and the same nulls fail.
-#}
{% test unique_combination(model, combination_of_columns) %}

with keyed as (
    select
        {%- for column in combination_of_columns %}
        coalesce(cast({{ column }} as text), '<null>') as key_{{ loop.index }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ model }}
),

duplicates as (
    select
        {%- for column in combination_of_columns %}
        key_{{ loop.index }},
        {%- endfor %}
        count(*) as rows_count
    from keyed
    group by
        {%- for column in combination_of_columns %}
        key_{{ loop.index }}{{ "," if not loop.last }}
        {%- endfor %}
    having count(*) > 1
)

select * from duplicates

{% endtest %}
