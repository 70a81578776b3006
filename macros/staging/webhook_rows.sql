{#-
    The first delivery of every accepted webhook envelope that maps onto a raw table,
    as rows with the given columns of that table (text), in that order. The seed
    buddy_webhook_field_map says which envelope path (or constant) fills which column.
-#}
{% macro webhook_rows(table_name, columns) -%}
    select
        'buddy_webhook_events' as _source_table,
        'webhook' as _feed,
        envelopes._load_id,
        envelopes._source_file,
        envelopes._source_line,
        envelopes._loaded_at,
        envelopes._extra,
        envelopes.occurred_at as _observed_at,
        envelopes.event_id as _webhook_event_id
        {%- for column in columns %},
        max(case
            when field_map.column_name = '{{ column }}'
                then coalesce(
                    field_map.constant_value,
                    {{ csr_analytics.json_get_text('envelopes.payload', 'field_map.source_path', true) }}
                )
        end) as {{ column }}
        {%- endfor %}
    from {{ ref('base_buddy__webhook_events') }} as envelopes
    inner join {{ ref('buddy_webhook_field_map') }} as field_map
        on envelopes.event_type = field_map.event_type
    where
        envelopes.is_routed
        and field_map.raw_table = '{{ table_name }}'
    group by
        envelopes._load_id,
        envelopes._source_file,
        envelopes._source_line,
        envelopes._loaded_at,
        envelopes._extra,
        envelopes.occurred_at,
        envelopes.event_id
{%- endmacro %}
