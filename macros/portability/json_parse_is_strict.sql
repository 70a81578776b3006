{#-
    The engine's part of the JSON rule (parse_json.sql): true when the text parses as
    JSON, no object in it has the same key twice and it nests at most 64 levels deep;
    false otherwise (never an error). The caller has checked the escapes.

    PostgreSQL: csr_json_parse (create_support_functions) parses it as json and jsonb
    and walks the json, which keeps duplicate keys. DuckDB: json_valid, then json_tree
    lists every node — its depth from its path, its key within its parent object.
-#}
{% macro json_parse_is_strict(expr) -%}
    {{ return(adapter.dispatch('json_parse_is_strict', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro postgres__json_parse_is_strict(expr) -%}
    (csr_json_parse({{ expr }}) is not null)
{%- endmacro %}

{% macro duckdb__json_parse_is_strict(expr) -%}
    {%- set member = "node.fullkey not like '%]'" -%}
    (case
        when json_valid({{ expr }}) then coalesce((
            select
                max(
                    length(regexp_replace(
                        regexp_replace(node.fullkey, '{{ csr_analytics.json_string_pattern() }}', '', 'g'),
                        '[^.\[]', '', 'g'))
                    + case when node.type in ('OBJECT', 'ARRAY') then 1 else 0 end
                ) <= 64
                and count(case when {{ member }} and node.parent is not null then 1 end)
                = count(distinct case
                    when {{ member }} and node.parent is not null
                        then cast(node.parent as varchar) || ':' || node.key
                end)
            from json_tree(coalesce(try_cast({{ expr }} as json), 'null')) as node
        ), false)
        else false
    end)
{%- endmacro %}
