{#- The data columns of a raw table, as listed in its sources file (the raw contract). -#}
{% macro raw_columns(source_name, table_name) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set node = graph.sources.get('source.csr_analytics.' ~ source_name ~ '.' ~ table_name) -%}
    {%- if node is none -%}
        {{ exceptions.raise_compiler_error('unknown raw table ' ~ source_name ~ '.' ~ table_name) }}
    {%- endif -%}
    {{ return(node.columns.keys() | list) }}
{%- endmacro %}
