{#-
    The schema-level half of the role model (access_roles.sql); the table grants are the
    models' `grants` config in dbt_project.yml, the row policies apply_company_row_security.
    Run on-run-start (roles and the company map must exist before the models' grants and
    row policies), on-run-end (the schemas now exist) and by `dbt run-operation
    setup_access`; running it again changes nothing.
    - raw: created from the sources contract (raw_schema_ddl) and owned, with everything in
      it, by the dbt role. csr_loader owns nothing: it may insert rows into the raw tables
      and the ledger, read the ledger (to skip files already loaded) and draw load ids —
      it can create, alter, rename or replace no table, view or function anywhere, so
      nothing it does can run as the build. Objects csr_loader owned before are reassigned
      to the dbt role;
    - public: no one but its owner creates there; temporary objects only for the roles
      that read (and the dbt role), not for the loader;
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

        execute format('reassign owned by csr_loader to %I', {{ owner }});
        {{ csr_analytics.raw_schema_ddl(owner) | indent(8) }}
        if (select nspowner::regrole::text from pg_namespace where nspname = 'raw')
                <> {{ owner }} then
            execute format('alter schema raw owner to %I', {{ owner }});
        end if;
        revoke all on schema raw from public;
        revoke all on schema raw from csr_loader;
        grant usage on schema raw to csr_loader;
        revoke all on all tables in schema raw from csr_loader;
        revoke all on all sequences in schema raw from csr_loader;
        grant insert on all tables in schema raw to csr_loader;
        grant select on raw._loads to csr_loader;
        grant usage on all sequences in schema raw to csr_loader;
        for object_row in
            select defaults.defaclobjtype
            from pg_default_acl as defaults
            where defaults.defaclrole = 'csr_loader'::regrole
        loop
            execute format(
                'alter default privileges for role csr_loader in schema raw revoke all on tables from %I',
                {{ owner }}
            );
        end loop;
        execute format(
            'alter default privileges for role %I in schema raw grant insert on tables to csr_loader',
            {{ owner }}
        );

        revoke create on schema public from public;
        execute format('revoke temporary on database %I from public', current_database());
        execute format(
            'grant temporary on database %I to %I, csr_analyst, csr_pii_reader, csr_company_reader',
            current_database(), {{ owner }}
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
