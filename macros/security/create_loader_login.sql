{#-
    `dbt run-operation create_loader_login --args '{role_name: csr_load_job}'`: a login role
    for csr-load. Creates it (LOGIN, no password: set one) unless it exists, makes it a
    member of csr_loader and makes csr_loader its session role, so that what csr-load
    creates in raw is owned by csr_loader (any loader login can extend it; the dbt role
    reads it through csr_loader's default privileges).
-#}
{% macro create_loader_login(role_name) -%}
    {% set statement %}
    do $loader_login$
    begin
        {{ csr_analytics.create_access_role_sql(role_name, login=true) }}
        if not pg_has_role({{ csr_analytics.sql_text(role_name) }}, 'csr_loader', 'member') then
            execute format('grant csr_loader to %I', {{ csr_analytics.sql_text(role_name) }});
        end if;
        execute format('alter role %I set role = csr_loader', {{ csr_analytics.sql_text(role_name) }});
    end
    $loader_login$
    {% endset %}
    {% do csr_analytics.run_access_operation(statement, "role " ~ role_name ~ " loads raw as csr_loader") %}
{%- endmacro %}
