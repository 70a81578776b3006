{#- The value at a JSON path as text (strings unquoted, arrays/objects as JSON text);
    path is a list of keys, e.g. ['data', 'feedback', 'teacherRating'], or a column
    holding a dot-separated path when path_is_column is true. -#}
{% macro json_get_text(json_expr, path, path_is_column=false) -%}
    {{ return(adapter.dispatch('json_get_text', 'csr_analytics')(json_expr, path, path_is_column)) }}
{%- endmacro %}

{% macro postgres__json_get_text(json_expr, path, path_is_column) -%}
    {%- if path_is_column -%}
    (cast({{ json_expr }} as jsonb) #>> string_to_array({{ path }}, '.'))
    {%- else -%}
    (cast({{ json_expr }} as jsonb) #>> '{ {{- path | join(',') -}} }')
    {%- endif -%}
{%- endmacro %}

{% macro duckdb__json_get_text(json_expr, path, path_is_column) -%}
    {%- if path_is_column -%}
    (case
        when json_type(cast({{ json_expr }} as json), '$.' || {{ path }}) in ('OBJECT', 'ARRAY')
            then cast(json_extract(cast({{ json_expr }} as json), '$.' || {{ path }}) as varchar)
        else json_extract_string(cast({{ json_expr }} as json), '$.' || {{ path }})
    end)
    {%- else -%}
    (case
        when json_type(cast({{ json_expr }} as json), '$.{{ path | join(".") }}') in ('OBJECT', 'ARRAY')
            then cast(json_extract(cast({{ json_expr }} as json), '$.{{ path | join(".") }}') as varchar)
        else json_extract_string(cast({{ json_expr }} as json), '$.{{ path | join(".") }}')
    end)
    {%- endif -%}
{%- endmacro %}
