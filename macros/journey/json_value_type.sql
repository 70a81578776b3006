{#- The JSON type of the value at a top-level key of a JSON object: 'object', 'array',
    'string', 'number', 'boolean' or 'null' (a JSON null); SQL null when the key is
    absent. -#}
{% macro json_value_type(json_expr, key) -%}
    {{ return(adapter.dispatch('json_value_type', 'csr_analytics')(json_expr, key)) }}
{%- endmacro %}

{% macro postgres__json_value_type(json_expr, key) -%}
    jsonb_typeof(cast({{ json_expr }} as jsonb) -> '{{ key }}')
{%- endmacro %}

{% macro duckdb__json_value_type(json_expr, key) -%}
    (case lower(json_type(try_cast({{ json_expr }} as json), '$.{{ key }}'))
        when 'varchar' then 'string'
        when 'bigint' then 'number'
        when 'ubigint' then 'number'
        when 'hugeint' then 'number'
        when 'double' then 'number'
        else lower(json_type(try_cast({{ json_expr }} as json), '$.{{ key }}'))
    end)
{%- endmacro %}
