{#-
    The column lists and expressions every base model uses in its own CTE chain
    (observations -> cleaned -> typed -> its lookups -> checked -> marked -> final):

    export_lineage(rows, table_name)  the lineage columns of an export row: its raw
                                 table, feed 'export', loader columns, and the file's
                                 export date (the loader's _export_date) as _observed_at
    raw_columns(relation, names) the raw text columns, in the given order
    webhook_field_values(names)  one column per raw column from the webhook's fields
                                 (an aggregate over its base_buddy__webhook_fields rows)
    staged_failures(specs, checks)  every failure code of a row: the specs' checks
                                 (staged_column_checks) and the model's own, ', '-joined
    staged_warnings(warnings)    the warning codes, or null
    is_superseded(key)           accepted, and a later accepted observation of the key exists
-#}
{% macro export_lineage(rows, table_name) -%}
    '{{ table_name }}' as _source_table,
        'export' as _feed,
        {{ rows }}._load_id,
        {{ rows }}._source_file,
        {{ rows }}._source_line,
        {{ rows }}._loaded_at,
        {{ rows }}._extra,
        {{ csr_analytics.export_date(rows ~ '._export_date') }} as _observed_at,
        cast(null as text) as _webhook_event_id
{%- endmacro %}

{#- A file's export date (text as the file gave it: raw._loads.export_date, and every raw
    row's _export_date) as a timestamp in UTC: null when the file has none or it is not a
    timestamp. -#}
{% macro export_date(expr) -%}
    {{ csr_analytics.parse_timestamp(csr_analytics.clean_text(expr)) }}
{%- endmacro %}

{% macro raw_columns(relation, names) -%}
    {%- for name in names -%}
        {{ relation }}.{{ name }}{{ ",\n        " if not loop.last }}
    {%- endfor -%}
{%- endmacro %}

{% macro webhook_field_values(names) -%}
    {%- for name in names -%}
        max(case when column_name = '{{ name }}' then value_text end) as {{ name }}
        {{- ",\n        " if not loop.last }}
    {%- endfor -%}
{%- endmacro %}

{% macro staged_failures(specs, checks=[]) -%}
    {{ csr_analytics.code_list(csr_analytics.staged_column_checks(specs) + checks) }}
{%- endmacro %}

{% macro staged_warnings(warnings=[]) -%}
    {%- if warnings -%}
        {{ csr_analytics.code_list(warnings) }}
    {%- else -%}
        cast(null as text)
    {%- endif -%}
{%- endmacro %}

{% macro is_superseded(key_expr) -%}
    (
        _failures is null
        and row_number() over (
            partition by _failures is null, {{ key_expr }}
            order by {{ csr_analytics.observation_order() }}
        ) > 1
    )
{%- endmacro %}

{#- The columns of a raw table as the sources contract lists them (its `_*__sources.yml`),
    in order; empty while dbt parses (the graph is read when the SQL is rendered). -#}
{% macro source_columns(source_name, table_name) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- for source in graph.sources.values()
        if source.source_name == source_name and source.name == table_name -%}
        {{ return(source.columns.values() | map(attribute='name') | list) }}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error('no source ' ~ source_name ~ '.' ~ table_name) }}
{%- endmacro %}
