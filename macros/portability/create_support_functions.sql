{#-
    Engine helpers created before every run. PostgreSQL 15 has no try_cast: these
    functions turn a failed cast into null, so both engines accept and reject the same
    strings. They are parallel unsafe: an exception block cannot run inside a parallel
    query. DuckDB has try_cast and json_valid built in: nothing to create.
-#}
{% macro create_support_functions() -%}
    {{ return(adapter.dispatch('create_support_functions', 'csr_analytics')()) }}
{%- endmacro %}

{% macro default__create_support_functions() -%}
    select 1
{%- endmacro %}

{% macro postgres__create_support_functions() -%}
    create or replace function csr_try_timestamptz(value text) returns timestamptz
    language plpgsql stable parallel unsafe as $fn$
    begin
        return value::timestamptz;
    exception when others then
        return null;
    end;
    $fn$;
    create or replace function csr_try_jsonb(value text) returns jsonb
    language plpgsql stable parallel unsafe as $fn$
    begin
        return value::jsonb;
    exception when others then
        return null;
    end;
    $fn$;
{%- endmacro %}
