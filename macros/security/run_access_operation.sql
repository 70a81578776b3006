{#-
    The frame of the access run-operations (setup_access, create_loader_login,
    create_company_role): PostgreSQL only (DuckDB has no roles: a log line, nothing
    done); the roles and schema grants first, then the operation's own statement (if
    any), committed, and a log line saying what now holds.
-#}
{% macro run_access_operation(statement, done_message) -%}
    {% if target.type != 'postgres' %}
        {{ log(target.type ~ " has no roles: nothing to do", info=true) }}
        {{ return(none) }}
    {% endif %}
    {% do run_query(csr_analytics.grant_schema_access()) %}
    {% if statement %}
        {% do run_query(statement) %}
    {% endif %}
    {% do run_query('commit') %}
    {{ log(done_message, info=true) }}
{%- endmacro %}
