{#- 'object', 'array', 'string', 'number', 'boolean', 'null' for valid JSON text, else null. -#}
{% macro json_type_of(expr) -%}
    {{ return(adapter.dispatch('json_type_of', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro postgres__json_type_of(expr) -%}
    jsonb_typeof(csr_try_jsonb({{ expr }}))
{%- endmacro %}

{% macro duckdb__json_type_of(expr) -%}
    (case
        when json_valid({{ expr }})
            then case lower(json_type(cast({{ expr }} as json)))
                when 'varchar' then 'string'
                when 'bigint' then 'number'
                when 'ubigint' then 'number'
                when 'double' then 'number'
                when 'hugeint' then 'number'
                else lower(json_type(cast({{ expr }} as json)))
            end
    end)
{%- endmacro %}
