{#-
    Post-hook of every company-scoped mart (dbt_project.yml): row-level security keyed by
    the connecting role. csr_analyst sees every row; a member of csr_company_reader sees
    only the rows whose company_id is mapped to current_user in security.company_roles
    (rows without a company - unattributed and platform scope - are no company's).
    The dbt role owns the table and is not subject to the policies. DuckDB: nothing.
-#}
{% macro apply_company_row_security() -%}
    {{ return(adapter.dispatch('apply_company_row_security', 'csr_analytics')()) }}
{%- endmacro %}

{% macro default__apply_company_row_security() -%}
    select 1
{%- endmacro %}

{% macro postgres__apply_company_row_security() -%}
    alter table {{ this }} enable row level security;
    drop policy if exists analyst_all_rows on {{ this }};
    create policy analyst_all_rows on {{ this }} for select to csr_analyst using (true);
    drop policy if exists company_own_rows on {{ this }};
    create policy company_own_rows on {{ this }} for select to csr_company_reader using (
        company_id in (
            select company_roles.company_id
            from security.company_roles
            where company_roles.role_name = current_user
        )
    )
{%- endmacro %}
