{#-
    CTEs comparing the two feeds of one Buddy entity (domain.md §3), ending with
    `<prefix>_discrepancies` (entity, record_key, discrepancy, field_names,
    export_observed_at, webhook_observed_at):

    - missing_in_export: no accepted export row of the key, although its first webhook
      came before the entity's latest export (a webhook after the export is not missed);
    - missing_in_webhooks: no webhook of the key, although its latest business timestamp
      is not before the first webhook of the feed (`feed_relation.feed_started_at`);
    - conflicting_values: an export row's typed value differs from the webhook state as it
      stood at the export's observation time (the most recent earlier webhook that has the
      field); `fields` lists the fields.

    `observations` carries _record_key, _feed, _observed_at, _load_id, _source_line and
    the columns. `state_columns` are carried into `<prefix>_webhook_states` without being
    compared (e.g. a match's status, compared as conflicting_status by the caller).
    `json_columns` are compared in their canonical JSON spelling, `date_columns` (a day,
    which an export may give without its time) as UTC dates.
-#}
{% macro reconciliation_discrepancies(
    prefix, entity, observations, compare_columns, business_timestamp, feed_relation,
    state_columns=[], json_columns=[], date_columns=[]
) -%}
{%- set state_all = compare_columns + state_columns -%}
{{ prefix }}_ranked as (
    select
        {{ observations }}.*,
        {{ csr_analytics.observation_rank(['_record_key']) }} as _observation_rank
    from {{ observations }}
),

{{ prefix }}_keys as (
    select
        _record_key,
        sum(case when _feed = 'export' then 1 else 0 end) as export_observations_count,
        sum(case when _feed = 'webhook' then 1 else 0 end) as webhook_observations_count,
        min(case when _feed = 'webhook' then _observed_at end) as first_webhook_at,
        max(case when _feed = 'export' then _observed_at end) as last_export_at,
        max(case when _feed = 'webhook' then _observed_at end) as last_webhook_at,
        max({{ business_timestamp }}) as last_business_at
    from {{ prefix }}_ranked
    group by _record_key
),

{{ prefix }}_latest_export as (
    select max(case when _feed = 'export' then _observed_at end) as entity_last_export_at
    from {{ prefix }}_ranked
),

{{ prefix }}_webhook_state_ranks as (
    select
        exports._record_key,
        exports._observation_rank as export_rank,
        {%- for column in state_all %}
        min(
            case
                when webhooks.{{ column }} is not null then webhooks._observation_rank
            end
        )
            as {{ column }}__rank{{ "," if not loop.last }}
        {%- endfor %}
    from {{ prefix }}_ranked as exports
    inner join {{ prefix }}_ranked as webhooks
        on exports._record_key = webhooks._record_key
            and webhooks._feed = 'webhook'
            and webhooks._observed_at < exports._observed_at
    where exports._feed = 'export'
    group by
        exports._record_key,
        exports._observation_rank
),

{{ prefix }}_webhook_states as (
    select
        state_ranks._record_key,
        state_ranks.export_rank,
        {%- for column in state_all %}
        max(case
            when webhooks._observation_rank = state_ranks.{{ column }}__rank
                then webhooks.{{ column }}
        end) as {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ prefix }}_webhook_state_ranks as state_ranks
    inner join {{ prefix }}_ranked as webhooks
        on state_ranks._record_key = webhooks._record_key
            and webhooks._feed = 'webhook'
    group by
        state_ranks._record_key,
        state_ranks.export_rank
),

{{ prefix }}_value_differences as (
    select
        exports._record_key,
        {%- for column in compare_columns %}
        {%- if column in json_columns %}
        {%- set export_value = csr_analytics.json_canonical('exports.' ~ column) %}
        {%- set webhook_value = csr_analytics.json_canonical('states.' ~ column) %}
        {%- elif column in date_columns %}
        {%- set export_value = 'cast(exports.' ~ column ~ ' as date)' %}
        {%- set webhook_value = 'cast(states.' ~ column ~ ' as date)' %}
        {%- else %}
        {%- set export_value = 'exports.' ~ column %}
        {%- set webhook_value = 'states.' ~ column %}
        {%- endif %}
        case when {{ export_value }} <> {{ webhook_value }} then 1 else 0 end
            as {{ column }}__differs{{ "," if not loop.last }}
        {%- endfor %}
    from {{ prefix }}_ranked as exports
    inner join {{ prefix }}_webhook_states as states
        on exports._record_key = states._record_key
            and exports._observation_rank = states.export_rank
    where exports._feed = 'export'
),

{{ prefix }}_conflicting_fields as (
    {%- set field_codes = [] %}
    {%- for column in compare_columns %}
    {%- do field_codes.append(
        "case when max(" ~ column ~ "__differs) = 1 then '" ~ column ~ "' end"
    ) %}
    {%- endfor %}
    select
        _record_key,
        {{ csr_analytics.code_list(field_codes) }} as field_names
    from {{ prefix }}_value_differences
    group by _record_key
),

{{ prefix }}_discrepancies as (
    select
        '{{ entity }}' as entity,
        key_summary._record_key as record_key,
        'missing_in_export' as discrepancy,
        cast(null as text) as field_names,
        key_summary.last_export_at as export_observed_at,
        key_summary.last_webhook_at as webhook_observed_at
    from {{ prefix }}_keys as key_summary
    cross join {{ prefix }}_latest_export as latest_export
    where
        key_summary.export_observations_count = 0
        and key_summary.first_webhook_at < latest_export.entity_last_export_at
    union all
    select
        '{{ entity }}' as entity,
        key_summary._record_key as record_key,
        'missing_in_webhooks' as discrepancy,
        cast(null as text) as field_names,
        key_summary.last_export_at as export_observed_at,
        key_summary.last_webhook_at as webhook_observed_at
    from {{ prefix }}_keys as key_summary
    cross join {{ feed_relation }} as feed
    where
        key_summary.webhook_observations_count = 0
        and key_summary.last_business_at >= feed.feed_started_at
    union all
    select
        '{{ entity }}' as entity,
        key_summary._record_key as record_key,
        'conflicting_values' as discrepancy,
        conflicting_fields.field_names,
        key_summary.last_export_at as export_observed_at,
        key_summary.last_webhook_at as webhook_observed_at
    from {{ prefix }}_conflicting_fields as conflicting_fields
    inner join {{ prefix }}_keys as key_summary
        on conflicting_fields._record_key = key_summary._record_key
    where conflicting_fields.field_names is not null
)
{%- endmacro %}
