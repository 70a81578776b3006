{#-
    The schema-level half of the role model (access_roles.sql); the table grants are the
    models' `grants` config in dbt_project.yml, the row policies apply_company_row_security.
    Run on-run-start (roles and the company map must exist before the models' grants and
    row policies), on-run-end (the schemas now exist) and by `dbt run-operation
    setup_access`; running it again changes nothing.
    - raw: created if missing and owned by csr_loader, with every object in it, so that a
      login role in csr_loader can run csr-load on a fresh database; the dbt role reads it;
    - marts, data_quality: usage for csr_analyst; marts: usage for csr_company_reader;
    - pii: usage for csr_pii_reader only;
    - security: the login role -> company_id map (company_roles), each company role seeing
      only its own row; written by `dbt run-operation create_company_role`.
-#}
{% macro grant_schema_access() -%}
    {{ return(adapter.dispatch('grant_schema_access', 'csr_analytics')()) }}
{%- endmacro %}

{% macro default__grant_schema_access() -%}
    select 1
{%- endmacro %}

{% macro postgres__grant_schema_access() -%}
    {%- set owner = csr_analytics.sql_text(target.user) -%}
    do $grants$
    declare
        schema_name text;
        object_row record;
    begin
        {% for role_name in csr_analytics.access_roles() %}
        {{ csr_analytics.create_access_role_sql(role_name) }}
        {% endfor %}

        if not exists (select from pg_namespace where nspname = 'raw') then
            create schema raw authorization csr_loader;
        elsif (select nspowner::regrole::text from pg_namespace where nspname = 'raw')
                <> 'csr_loader' then
            alter schema raw owner to csr_loader;
        end if;
        for object_row in
            select
                classes.relname,
                case classes.relkind when 'S' then 'sequence' else 'table' end as kind
            from pg_class as classes
            inner join pg_namespace as namespaces on classes.relnamespace = namespaces.oid
            where namespaces.nspname = 'raw'
                and classes.relkind in ('r', 'p', 'S')
                and classes.relowner <> 'csr_loader'::regrole
        loop
            execute format('alter %s raw.%I owner to csr_loader', object_row.kind, object_row.relname);
        end loop;
        execute format('grant usage on schema raw to %I', {{ owner }});
        execute format('grant select on all tables in schema raw to %I', {{ owner }});
        execute format(
            'alter default privileges for role csr_loader in schema raw grant select on tables to %I',
            {{ owner }}
        );

        foreach schema_name in array array['marts', 'data_quality'] loop
            if exists (select from pg_namespace where nspname = schema_name) then
                execute format('revoke all on schema %I from public', schema_name);
                execute format('grant usage on schema %I to csr_analyst', schema_name);
            end if;
        end loop;
        if exists (select from pg_namespace where nspname = 'marts') then
            grant usage on schema marts to csr_company_reader;
        end if;
        if exists (select from pg_namespace where nspname = 'pii') then
            revoke all on schema pii from public;
            revoke all on schema pii from csr_analyst;
            grant usage on schema pii to csr_pii_reader;
        end if;

        create schema if not exists security;
        revoke all on schema security from public;
        create table if not exists security.company_roles (
            role_name text primary key,
            company_id text not null
        );
        alter table security.company_roles enable row level security;
        if not exists (
            select from pg_policies
            where schemaname = 'security' and tablename = 'company_roles'
                and policyname = 'own_mapping'
        ) then
            create policy own_mapping on security.company_roles for select
                to csr_company_reader using (role_name = current_user);
        end if;
        grant usage on schema security to csr_company_reader;
        grant select on security.company_roles to csr_company_reader;
    end
    $grants$
{%- endmacro %}
