{#-
    The role model on PostgreSQL, in one place (docs/decisions.md, README "Security model"):
    - csr_analyst        reads marts and data_quality (every row), nothing else;
    - csr_pii_reader     reads pii;
    - csr_loader         inserts into the raw tables and the ledger, reads the ledger,
                         owns nothing;
    - csr_company_reader reads the company-scoped marts, only the rows of the company its
                         login role is mapped to in security.company_roles;
    - the dbt role (target.user) owns everything else.
    Group roles are cluster-wide and NOLOGIN; people and tools log in as roles that are
    members of them. DuckDB has no roles: nothing to do there.
-#}
{% macro access_roles() -%}
    {{ return(['csr_analyst', 'csr_pii_reader', 'csr_loader', 'csr_company_reader']) }}
{%- endmacro %}
