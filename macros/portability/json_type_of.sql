{#- 'object', 'array', 'string', 'number', 'boolean' or 'null' for a JSON text that is
    valid by the value grammar's JSON rule (parse_json.sql), else null. -#}
{% macro json_type_of(expr) -%}
    (case
        when {{ csr_analytics.json_is_valid(expr) }}
            then {{ csr_analytics.json_type_of_parsed(expr) }}
    end)
{%- endmacro %}

{#- The JSON type of a text already known to parse. -#}
{% macro json_type_of_parsed(expr) -%}
    {{ return(adapter.dispatch('json_type_of_parsed', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro postgres__json_type_of_parsed(expr) -%}
    jsonb_typeof(csr_json_parse({{ expr }}))
{%- endmacro %}

{% macro duckdb__json_type_of_parsed(expr) -%}
    (case lower(json_type(
        try_cast({{ expr }} as json)))
        when 'varchar' then 'string'
        when 'bigint' then 'number'
        when 'ubigint' then 'number'
        when 'double' then 'number'
        when 'hugeint' then 'number'
        else lower(json_type(
            try_cast({{ expr }} as json)))
    end)
{%- endmacro %}
