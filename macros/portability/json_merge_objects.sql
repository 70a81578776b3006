{#- Merge JSON objects with disjoint keys, keeping null values; a null object adds nothing. -#}
{% macro json_merge_objects(objects) -%}
    {{ return(adapter.dispatch('json_merge_objects', 'csr_analytics')(objects)) }}
{%- endmacro %}

{% macro postgres__json_merge_objects(objects) -%}
    ({%- for obj in objects %}coalesce({{ obj }}, '{}'::jsonb){{ " || " if not loop.last }}{% endfor -%})
{%- endmacro %}

{% macro duckdb__json_merge_objects(objects) -%}
    {#- json_merge_patch would drop null values: splice the objects' members instead -#}
    cast('{' || concat_ws(','
        {%- for obj in objects %},
        nullif(regexp_replace(cast({{ obj }} as varchar), '^[{](.*)[}]$', '\1'), '')
        {%- endfor %}
    ) || '}' as json)
{%- endmacro %}
