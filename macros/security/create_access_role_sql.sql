{#-
    SQL that creates a role unless it exists, tolerating another database's build creating
    it at the same moment (roles are cluster-wide). login: whether people log in as it.
-#}
{% macro create_access_role_sql(role_name, login=false) -%}
    begin
        if not exists (select from pg_roles where rolname = {{ csr_analytics.sql_text(role_name) }}) then
            execute format('create role %I {{ "login" if login else "nologin" }}', {{ csr_analytics.sql_text(role_name) }});
        end if;
    exception when duplicate_object or unique_violation then
        null;
    end;
{%- endmacro %}
