{#-
    `dbt run-operation create_loader_login --args '{role_name: csr_load_job}'`: a login role
    for csr-load. Creates it (LOGIN, no password: set one) unless it exists and makes it a
    member of csr_loader: it inserts rows into the raw tables and the ledger, reads the
    ledger, and owns and creates nothing (grant_schema_access). The raw tables must exist
    first: this operation creates them (as every build does).
-#}
{% macro create_loader_login(role_name) -%}
    {% set statement %}
    do $loader_login$
    begin
        {{ csr_analytics.create_access_role_sql(role_name, login=true) }}
        if not pg_has_role({{ csr_analytics.sql_text(role_name) }}, 'csr_loader', 'member') then
            execute format('grant csr_loader to %I', {{ csr_analytics.sql_text(role_name) }});
        end if;
        execute format('alter role %I reset role', {{ csr_analytics.sql_text(role_name) }});
    end
    $loader_login$
    {% endset %}
    {% do csr_analytics.run_access_operation(statement, "role " ~ role_name ~ " loads raw as a member of csr_loader") %}
{%- endmacro %}
