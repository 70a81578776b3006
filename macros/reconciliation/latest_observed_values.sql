{#-
    One row per key holding, for every value column, the value of the most recent
    observation that has one (not null): "each field takes the value of the most recent
    observation that has it" (domain.md §3).

    `relation` must carry `_observation_rank` (1 = the most recent observation of its key,
    see observation_rank()). Portable on purpose: PostgreSQL has no IGNORE NULLS in
    window functions, so the best rank holding a value is found per column first, then
    the value at that rank is picked. Value columns must be text, numbers, dates or
    timestamps (max() is not defined on booleans everywhere).
-#}
{% macro latest_observed_values(relation, key_columns, value_columns) -%}
    select
        {%- for key in key_columns %}
        observed.{{ key }},
        {%- endfor %}
        {%- for column in value_columns %}
        max(case
            when observed._observation_rank = field_ranks.{{ column }}__rank
                then observed.{{ column }}
        end) as {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ relation }} as observed
    inner join (
        select
            {%- for key in key_columns %}
            {{ key }},
            {%- endfor %}
            {%- for column in value_columns %}
            min(case when {{ column }} is not null then _observation_rank end)
                as {{ column }}__rank{{ "," if not loop.last }}
            {%- endfor %}
        from {{ relation }}
        group by
            {%- for key in key_columns %}
            {{ key }}{{ "," if not loop.last }}
            {%- endfor %}
    ) as field_ranks
        on
        {%- for key in key_columns %}
        {{ "    and " if not loop.first }}observed.{{ key }} = field_ranks.{{ key }}
        {%- endfor %}
    group by
        {%- for key in key_columns %}
        observed.{{ key }}{{ "," if not loop.last }}
        {%- endfor %}
{%- endmacro %}
