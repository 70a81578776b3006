{#-
    The journey-flag JSON of every person (domain.md §6) for the platform's journey
    engine: the keys of a program only when the person has an enrollment in it, the
    cross-program keys always; dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DDTHH:MM:SSZ'
    (UTC), counts integers, flags booleans, a missing value JSON null (the key stays).
    The keys are listed in macros/journey/journey_flag_keys.sql. They are written in
    PostgreSQL's jsonb order (shorter keys first, then binary order), so that both
    engines give the same object with its keys in the same order.
-#}
{%- set ordered_keys = [] -%}
{%- for part, keys in csr_analytics.journey_flag_keys() -%}
    {%- for key, kind in keys -%}
        {%- do ordered_keys.append((key | length, key, kind, part)) -%}
    {%- endfor -%}
{%- endfor -%}
{%- set key_objects = [] -%}
{%- for key_length, key, kind, part in ordered_keys | sort -%}
    {%- set key_object = csr_analytics.json_build_object(
        [(key, csr_analytics.journey_flag_json_value(key, kind))]
    ) -%}
    {%- if part == 'cross_program' -%}
        {%- do key_objects.append(key_object) -%}
    {%- else -%}
        {%- do key_objects.append(
            'case when has_' ~ part ~ '_enrollment then ' ~ key_object ~ ' end'
        ) -%}
    {%- endif -%}
{%- endfor %}

with journey_flags as (
    select * from {{ ref('int_user_journey_flags') }}
),

final as (
    select
        csr_user_id,
        {{ csr_analytics.as_of_date() }} as as_of_date,
        cast(
            {{ csr_analytics.json_merge_objects(key_objects) | indent(12) }}
            as json
        ) as journey_flags
    from journey_flags
)

select * from final
