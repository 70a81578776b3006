{#-
    `dbt run-operation setup_access`: create the roles, schema raw (owned by csr_loader)
    and the security schema, and grant schema access - what every build does on-run-end,
    for a database that has not been built yet (e.g. before the first csr-load).
    Idempotent. The dbt role needs to be a superuser, or hold CREATEROLE and membership
    in csr_loader.
-#}
{% macro setup_access() -%}
    {% do csr_analytics.run_access_operation(
        none,
        "roles " ~ csr_analytics.access_roles() | join(', ') ~ " and schema grants in place"
    ) %}
{%- endmacro %}
