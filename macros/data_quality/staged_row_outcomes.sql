{#-
    One row per landed raw row with the verdict of staging: its lineage, record key,
    failures, warnings, is_accepted and is_superseded. A webhook line is counted in the
    entity model it was routed to, or else (invalid envelope, duplicate delivery, unknown
    type) in base_buddy__webhook_events.
-#}
{% macro staged_row_outcomes() -%}
    {%- for model_name in csr_analytics.staged_base_models() %}
    select
        _source_table,
        _load_id,
        _source_file,
        _source_line,
        _record_key,
        _failures,
        _warnings,
        is_accepted,
        is_superseded
    from {{ ref(model_name) }}
    union all
    {%- endfor %}
    select
        _source_table,
        _load_id,
        _source_file,
        _source_line,
        _record_key,
        _failures,
        _warnings,
        is_accepted,
        is_superseded
    from {{ ref('base_buddy__webhook_events') }}
    where not is_routed
{%- endmacro %}
