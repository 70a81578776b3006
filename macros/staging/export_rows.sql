{#-
    Every row of a raw table with its lineage and observation time (the file's export
    date), as text columns: the given raw columns, in that order.
-#}
{% macro export_rows(source_name, table_name, columns) -%}
    select
        '{{ table_name }}' as _source_table,
        'export' as _feed,
        raw_rows._load_id,
        raw_rows._source_file,
        raw_rows._source_line,
        raw_rows._loaded_at,
        raw_rows._extra,
        loads.export_date as _observed_at,
        cast(null as text) as _webhook_event_id
        {%- for column in columns %},
        raw_rows.{{ column }}
        {%- endfor %}
    from {{ source(source_name, table_name) }} as raw_rows
    left join {{ ref('base_loader__loads') }} as loads
        on raw_rows._load_id = loads.load_id
{%- endmacro %}
