{#-
    `dbt run-operation create_company_role --args '{company_id: C-1001, role_name: bi_c1001}'`:
    the login role a company's dashboards connect as. Creates it (LOGIN, no password: set
    one with `alter role ... password`) unless it exists, makes it a member of
    csr_company_reader and maps it to the company in security.company_roles (a role maps
    to one company; running it again with another company moves the role).
-#}
{% macro create_company_role(company_id, role_name) -%}
    {% set statement %}
    do $company_role$
    begin
        {{ csr_analytics.create_access_role_sql(role_name, login=true) }}
        if not pg_has_role({{ csr_analytics.sql_text(role_name) }}, 'csr_company_reader', 'member') then
            execute format('grant csr_company_reader to %I', {{ csr_analytics.sql_text(role_name) }});
        end if;
        insert into security.company_roles (role_name, company_id)
        values ({{ csr_analytics.sql_text(role_name) }}, {{ csr_analytics.sql_text(company_id) }})
        on conflict (role_name) do update set company_id = excluded.company_id
        where company_roles.company_id <> excluded.company_id;
    end
    $company_role$
    {% endset %}
    {% do csr_analytics.run_access_operation(statement, "role " ~ role_name ~ " reads the rows of company " ~ company_id) %}
{%- endmacro %}
