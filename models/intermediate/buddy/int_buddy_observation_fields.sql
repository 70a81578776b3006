{#-
    The fields of every accepted observation of a Buddy key that both feeds observed (at
    as_of_date), one row per observation and field, as comparable text
    (reconciled_field_value): what dq_reconciliation compares to find conflicting_values
    and a match's conflicting status. _observation_rank is the observation's rank within
    its key, 1 = the most recent (observation_rank()). Keys seen by one feed only cannot
    conflict and are left out. The entities and fields are buddy_reconciled_entities.
-#}
{%- set entities = csr_analytics.buddy_reconciled_entities() -%}

with
{%- for name, entity in entities.items() %}
{{ name }} as (
    select * from {{ ref(entity['model']) }}
    {%- if entity['as_of'] %}
    where {{ csr_analytics.is_on_or_before_as_of(entity['as_of']) }}
    {%- endif %}
),

{{ name }}_ranked as (
    select
        {{ name }}.*,
        {{ csr_analytics.observation_rank(['_record_key']) }} as _observation_rank,
        max(case when _feed = 'export' then 1 else 0 end) over (partition by _record_key)
            as has_export,
        max(case when _feed = 'webhook' then 1 else 0 end) over (partition by _record_key)
            as has_webhook
    from {{ name }}
),
{% endfor %}
final as (
    {%- for name, entity in entities.items() %}
    {%- set outer_loop = loop %}
    {%- for field in entity['fields'] + entity['state'] %}
    select
        '{{ name }}' as entity,
        _record_key,
        _feed,
        _observed_at,
        _observation_rank,
        {{ loop.index }} as field_position,
        '{{ field }}' as field_name,
        {{ 'false' if field in entity['state'] else 'true' }} as is_compared,
        {{ csr_analytics.reconciled_field_value(entity, field) }} as field_value
    from {{ name }}_ranked
    where has_export = 1 and has_webhook = 1
    {%- if not (outer_loop.last and loop.last) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}
)

select * from final
