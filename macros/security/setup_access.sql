{#-
    `dbt run-operation setup_access`: create the roles, schema raw with every raw table of
    the sources contract (owned by the dbt role; csr_loader may insert) and the security
    schema, and grant schema access - what every build does on-run-start and -end, for a
    database that has not been built yet (before the first csr-load as a loader login).
    Idempotent. The dbt role needs to be a superuser, or hold CREATEROLE and membership
    in csr_loader.
-#}
{% macro setup_access() -%}
    {% do csr_analytics.run_access_operation(
        none,
        "roles " ~ csr_analytics.access_roles() | join(', ') ~ " and schema grants in place"
    ) %}
{%- endmacro %}
