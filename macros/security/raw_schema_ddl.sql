{#-
    The raw schema as the sources contract defines it (models/staging/*/_*__sources.yml):
    every table a source in schema raw marks with `meta.csr_load` (its columns, all text,
    then the loader's lineage columns), the loader's own tables (_loads, _rejected_lines,
    with the data types of their columns) and the sequence of load ids — the lineage
    columns and the sequence are the `loader` source's `meta.csr_load`. PostgreSQL
    statements for a plpgsql block: each creates what is missing, nothing else, so
    running them again changes nothing. csr-load creates the same schema from the same
    YAML where it may (DuckDB, or a database role that owns raw).
-#}
{% macro raw_schema_ddl(owner) -%}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- set loader_meta = csr_analytics.raw_loader_meta() -%}
    if not exists (select from pg_namespace where nspname = 'raw') then
        execute format('create schema raw authorization %I', {{ owner }});
    end if;
    create sequence if not exists raw.{{ adapter.quote(loader_meta['load_id_sequence']) }};
    {%- for table_name, columns in csr_analytics.raw_tables().items() %}
    create table if not exists raw.{{ adapter.quote(table_name) }} (
        {%- for column_name, data_type in columns %}
        {{ adapter.quote(column_name) }} {{ data_type }}{{ "," if not loop.last }}
        {%- endfor %}
    );
    {%- for column_name, data_type in columns %}
    {%- if column_name == '_export_date' %}
    if not exists (
        select from information_schema.columns
        where table_schema = 'raw' and table_name = '{{ table_name }}' and column_name = '_export_date'
    ) then
        alter table raw.{{ adapter.quote(table_name) }} add column _export_date text;
        {#- rows landed before the loader wrote the column: the ledger has their date -#}
        update raw.{{ adapter.quote(table_name) }} as landed
        set _export_date = loads.export_date
        from raw._loads as loads
        where landed._load_id = loads.load_id;
    end if;
    {%- else %}
    alter table raw.{{ adapter.quote(table_name) }} add column if not exists {{ adapter.quote(column_name) }} {{ data_type }};
    {%- endif %}
    {%- endfor %}
    {%- endfor %}
{%- endmacro %}

{#- The `meta.csr_load` of the loader source: lineage_columns, load_id_sequence. -#}
{% macro raw_loader_meta() -%}
    {%- for source in graph.sources.values() if source.source_name == 'loader' -%}
        {{ return(source.source_meta.get('csr_load', source.config.get('meta', {}).get('csr_load'))) }}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error('the loader source has no meta.csr_load') }}
{%- endmacro %}

{#- Every raw table: name -> [(column, data type)], in the sources' order. -#}
{% macro raw_tables() -%}
    {%- set loader_meta = csr_analytics.raw_loader_meta() -%}
    {%- set lineage = [] -%}
    {%- for column in loader_meta['lineage_columns'] -%}
        {%- do lineage.append((column['name'], column['data_type'])) -%}
    {%- endfor -%}
    {%- set tables = {} -%}
    {%- for source in graph.sources.values() | sort(attribute='unique_id') if source.schema == 'raw' -%}
        {%- set columns = [] -%}
        {%- if source.source_name == 'loader' -%}
            {%- for column in source.columns.values() -%}
                {%- do columns.append((column.name, column.data_type)) -%}
            {%- endfor -%}
        {%- elif source.meta.get('csr_load') or source.config.get('meta', {}).get('csr_load') -%}
            {%- for column in source.columns.values() -%}
                {%- do columns.append((column.name, 'text')) -%}
            {%- endfor -%}
            {%- do columns.extend(lineage) -%}
        {%- endif -%}
        {%- if columns -%}
            {%- do tables.update({source.name: columns}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(tables) }}
{%- endmacro %}
