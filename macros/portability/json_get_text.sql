{#-
    The value at a JSON path as text: strings unquoted, arrays and objects as JSON text,
    numbers in one canonical spelling on both engines (json_number_text), JSON null as
    null. path is a list of keys, e.g. ['data', 'feedback', 'teacherRating'], or a
    column holding a dot-separated path when path_is_column is true. The JSON must be
    valid (parse_json.sql); a webhook's numbers also exact (webhook_numbers_are_exact).
-#}
{% macro json_get_text(json_expr, path, path_is_column=false) -%}
    {{ return(adapter.dispatch('json_get_text', 'csr_analytics')(json_expr, path, path_is_column)) }}
{%- endmacro %}

{% macro postgres__json_get_text(json_expr, path, path_is_column) -%}
    {%- if path_is_column -%}
        {%- set node = '(cast(' ~ json_expr ~ ' as jsonb) #> string_to_array(' ~ path ~ ", '.'))" -%}
    {%- else -%}
        {%- set node = '(cast(' ~ json_expr ~ " as jsonb) #> '{" ~ (path | join(',')) ~ "}')" -%}
    {%- endif -%}
    (case
        when jsonb_typeof({{ node }}) = 'number'
            then {{ csr_analytics.json_number_text('cast(' ~ node ~ ' as text)') }}
        else {{ node }} #>> '{}'
    end)
{%- endmacro %}

{% macro duckdb__json_get_text(json_expr, path, path_is_column) -%}
    {%- set document = 'try_cast(' ~ json_expr ~ ' as json)' -%}
    {%- set json_path = ("'$.' || " ~ path) if path_is_column else ("'$." ~ (path | join('.')) ~ "'") -%}
    {%- set kind = 'json_type(' ~ document ~ ', ' ~ json_path ~ ')' -%}
    {%- set text = 'json_extract_string(' ~ document ~ ', ' ~ json_path ~ ')' -%}
    (case
        when {{ kind }} in ('OBJECT', 'ARRAY')
            then cast(json_extract({{ document }}, {{ json_path }}) as varchar)
        when {{ kind }} in ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE')
            then {{ csr_analytics.json_number_text(
                "(case when " ~ text ~ " like '%e%' then cast(cast(cast(" ~ text
                ~ " as double) as decimal(38, 15)) as varchar) else " ~ text ~ " end)") }}
        else {{ text }}
    end)
{%- endmacro %}

{#- A JSON number's text without trailing zeros after the point (and without a point
    left bare): PostgreSQL keeps `1.50` as written, DuckDB writes `1.5`; both give `1.5`. -#}
{% macro json_number_text(expr) -%}
    regexp_replace(regexp_replace({{ expr }}, '([.][0-9]*[1-9])0+$', '\1'), '[.]0+$', '')
{%- endmacro %}
