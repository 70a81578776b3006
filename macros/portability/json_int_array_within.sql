{#- True when a JSON array text holds only whole numbers within [low, high] (or is empty). -#}
{% macro json_int_array_within(expr, low, high) -%}
    {{ return(adapter.dispatch('json_int_array_within', 'csr_analytics')(expr, low, high)) }}
{%- endmacro %}

{% macro postgres__json_int_array_within(expr, low, high) -%}
    not exists (
        select 1
        from jsonb_array_elements(csr_try_jsonb({{ expr }})) as element (value)
        where jsonb_typeof(element.value) <> 'number'
            or element.value::text !~ '^[0-9]+$'
            or element.value::text::numeric < {{ low }}
            or element.value::text::numeric > {{ high }}
    )
{%- endmacro %}

{% macro duckdb__json_int_array_within(expr, low, high) -%}
    len(list_filter(
        cast(json_extract(cast({{ expr }} as json), '$[*]') as varchar[]),
        lambda element: not regexp_full_match(element, '^[0-9]+$')
            or cast(element as bigint) < {{ low }}
            or cast(element as bigint) > {{ high }}
    )) = 0
{%- endmacro %}
