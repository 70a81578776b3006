{#-
    DuckDB has no roles: the models' grants config (for PostgreSQL, dbt_project.yml) means
    nothing there. Replaces dbt-duckdb's variant, which warns on every run.
-#}
{% macro duckdb__apply_grants(relation, grant_config, should_revoke=True) -%}
{%- endmacro %}
