{#- The lineage columns every base model carries, in order. -#}
{% macro lineage_columns(relation=none) -%}
    {%- set prefix = (relation ~ '.') if relation else '' -%}
    {%- for column in ['_source_table', '_feed', '_load_id', '_source_file', '_source_line',
        '_loaded_at', '_extra', '_observed_at', '_webhook_event_id'] -%}
    {{ prefix }}{{ column }}{{ ",\n        " if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
