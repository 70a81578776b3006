{#-
    The journey-flag JSON of every person (domain.md §6) for the platform's journey
    engine: the keys of a program only when the person has an enrollment in it, the
    cross-program keys always; dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DDTHH:MM:SSZ'
    (UTC), counts integers, flags booleans, a missing value JSON null (the key stays).
    The keys are listed in macros/journey/journey_flag_keys.sql.
-#}
{%- set part_columns = [] -%}
{%- for part, keys in csr_analytics.journey_flag_keys() -%}
    {%- do part_columns.append(part ~ '_flags') -%}
{%- endfor %}

with journey_flags as (
    select * from {{ ref('int_user_journey_flags') }}
),

json_parts as (
    select
        csr_user_id,
        {%- for part, keys in csr_analytics.journey_flag_keys() %}
        {%- set pairs = [] %}
        {%- for key, kind in keys %}
        {%- do pairs.append((key, csr_analytics.journey_flag_json_value(key, kind))) %}
        {%- endfor %}
        {%- if part == 'cross_program' %}
        {{ csr_analytics.json_build_object(pairs) | indent(8) }}
        {%- else %}
        case
            when has_{{ part }}_enrollment
                then {{ csr_analytics.json_build_object(pairs) | indent(16) }}
        end
        {%- endif %} as {{ part }}_flags{{ "," if not loop.last }}
        {%- endfor %}
    from journey_flags
),

final as (
    select
        csr_user_id,
        {{ csr_analytics.as_of_date() }} as as_of_date,
        cast(
            {{ csr_analytics.json_merge_objects(part_columns) | indent(12) }}
            as json
        ) as journey_flags
    from json_parts
)

select * from final
