{#-
    The built journey-flag JSON holds exactly the keys of domain.md §6 for each person
    (a program's keys only with an enrollment in it, the cross-program keys always),
    each with its JSON type (boolean, number, string, or null) and the value of its
    column in int_user_journey_flags (compared as text: booleans true/false, dates
    YYYY-MM-DD, timestamps YYYY-MM-DDTHH:MM:SSZ). Returns every mismatch.
-#}
{%- set expected_parts = [] -%}
{%- for part, keys in csr_analytics.journey_flag_keys() -%}
    {%- for key, kind in keys -%}
        {%- do expected_parts.append((part, key, kind)) -%}
    {%- endfor -%}
{%- endfor %}

with journey_flags as (
    select * from {{ ref('dim_user_journey_flags') }}
),

flag_columns as (
    select * from {{ ref('int_user_journey_flags') }}
),

expected_keys as (
    {%- for part, key, kind in expected_parts %}
        select
            flag_columns.csr_user_id,
            '{{ key }}' as flag_key,
            '{{ kind }}' as kind,
            {%- if kind == 'boolean' %}
                case
                    when {{ key }} then 'true'
                    when not {{ key }} then 'false'
                end as expected_text,
            {%- elif kind == 'integer' %}
                cast({{ key }} as text) as expected_text,
            {%- else %}
                {{ csr_analytics.journey_flag_json_value(key, kind) }} as expected_text,
            {%- endif %}
            {{ csr_analytics.json_value_type('journey_flags.journey_flags', key) }}
                as actual_type,
            {{ csr_analytics.json_get_text('journey_flags.journey_flags', [key]) }}
                as actual_text
        from flag_columns
        inner join journey_flags
            on flag_columns.csr_user_id = journey_flags.csr_user_id
        {%- if part != 'cross_program' %}
            where flag_columns.has_{{ part }}_enrollment
        {%- endif %}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

key_mismatches as (
    select
        csr_user_id,
        flag_key,
        kind,
        expected_text,
        actual_type,
        actual_text
    from expected_keys
    where
        actual_type is null
        or (expected_text is null and actual_type <> 'null')
        or (
            expected_text is not null
            and actual_type <> case kind
                when 'boolean' then 'boolean'
                when 'integer' then 'number'
                else 'string'
            end
        )
        or coalesce(actual_text, '<null>') <> coalesce(expected_text, '<null>')
),

expected_key_counts as (
    select
        csr_user_id,
        count(*) as expected_count
    from expected_keys
    group by csr_user_id
),

count_mismatches as (
    select
        journey_flags.csr_user_id,
        '<key count>' as flag_key,
        cast(null as text) as kind,
        cast(coalesce(expected_key_counts.expected_count, 0) as text) as expected_text,
        cast(null as text) as actual_type,
        cast({{ csr_analytics.json_key_count('journey_flags.journey_flags') }} as text)
            as actual_text
    from journey_flags
    left join expected_key_counts
        on journey_flags.csr_user_id = expected_key_counts.csr_user_id
    where
        {{ csr_analytics.json_key_count('journey_flags.journey_flags') }}
        <> coalesce(expected_key_counts.expected_count, 0)
)

select * from key_mismatches
union all
select * from count_mismatches
