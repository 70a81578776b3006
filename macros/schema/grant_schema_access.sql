{#-
    Roles on PostgreSQL: only csr_pii_reader reads the pii schema; csr_analyst reads
    marts and data_quality and nothing else. DuckDB has no roles: nothing to do there.
-#}
{% macro grant_schema_access() -%}
    {{ return(adapter.dispatch('grant_schema_access', 'csr_analytics')()) }}
{%- endmacro %}

{% macro default__grant_schema_access() -%}
    select 1
{%- endmacro %}

{% macro postgres__grant_schema_access() -%}
    do $grants$
    declare
        role_name text;
        schema_name text;
    begin
        foreach role_name in array array['csr_analyst', 'csr_pii_reader'] loop
            begin
                if not exists (select from pg_roles where rolname = role_name) then
                    execute format('create role %I nologin', role_name);
                end if;
            exception when duplicate_object or unique_violation then
                null;
            end;
        end loop;
        foreach schema_name in array array['marts', 'data_quality'] loop
            if exists (select from pg_namespace where nspname = schema_name) then
                execute format('grant usage on schema %I to csr_analyst', schema_name);
                execute format('grant select on all tables in schema %I to csr_analyst', schema_name);
            end if;
        end loop;
        if exists (select from pg_namespace where nspname = 'pii') then
            revoke all on schema pii from public;
            revoke all on schema pii from csr_analyst;
            grant usage on schema pii to csr_pii_reader;
            grant select on all tables in schema pii to csr_pii_reader;
        end if;
    end
    $grants$
{%- endmacro %}
