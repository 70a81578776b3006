{#-
    `dbt run-operation setup_access`: create the roles, schema raw (owned by csr_loader)
    and the security schema, and grant schema access - what every build does on-run-end,
    for a database that has not been built yet (e.g. before the first csr-load).
    Idempotent. The dbt role needs to be a superuser, or hold CREATEROLE and membership
    in csr_loader.
-#}
{% macro setup_access() -%}
    {% if target.type != 'postgres' %}
        {{ log(target.type ~ " has no roles: nothing to set up", info=true) }}
        {{ return(none) }}
    {% endif %}
    {% do run_query(csr_analytics.grant_schema_access()) %}
    {% do run_query('commit') %}
    {{ log("roles " ~ csr_analytics.access_roles() | join(', ') ~ " and schema grants in place", info=true) }}
{%- endmacro %}
