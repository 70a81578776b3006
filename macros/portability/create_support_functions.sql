{#-
    Engine helpers created before every run (on-run-start, and by setup_access).

    PostgreSQL: csr_json_parse(text) is the text as jsonb when it is JSON by the value
    grammar's rule (parse_json.sql: it parses, no object has a key twice, at most 64
    levels deep), else null — never an error. It reads the text as json too, because
    jsonb keeps only the last of two equal keys; csr_json_is_well_formed walks that json.
    They are parallel unsafe: an exception block cannot run inside a parallel query.
    DuckDB has json_valid and json_tree built in: nothing to create.
-#}
{% macro create_support_functions() -%}
    {{ return(adapter.dispatch('create_support_functions', 'csr_analytics')()) }}
{%- endmacro %}

{% macro default__create_support_functions() -%}
    select 1
{%- endmacro %}

{% macro postgres__create_support_functions() -%}
    create or replace function csr_json_is_well_formed(value json, depth integer)
    returns boolean
    language plpgsql immutable parallel unsafe as $fn$
    declare
        kind text := json_typeof(value);
        member json;
    begin
        if kind not in ('object', 'array') then
            return true;
        end if;
        if depth > 64 then
            return false;
        end if;
        if kind = 'object' then
            if (select count(*) <> count(distinct key) from json_each(value)) then
                return false;
            end if;
            for member in select pair.value from json_each(value) as pair loop
                if not csr_json_is_well_formed(member, depth + 1) then
                    return false;
                end if;
            end loop;
        else
            for member in select element from json_array_elements(value) as element loop
                if not csr_json_is_well_formed(member, depth + 1) then
                    return false;
                end if;
            end loop;
        end if;
        return true;
    end;
    $fn$;
    create or replace function csr_json_parse(value text) returns jsonb
    language plpgsql immutable parallel unsafe as $fn$
    declare
        parsed jsonb;
    begin
        parsed := value::jsonb;
        if not csr_json_is_well_formed(value::json, 1) then
            return null;
        end if;
        return parsed;
    exception when others then
        return null;
    end;
    $fn$;
{%- endmacro %}
