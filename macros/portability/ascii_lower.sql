{#- The text with the ASCII letters A-Z lower-cased and every other character as it is:
    the same on every engine, whatever its collation or Unicode tables (PostgreSQL's
    lower() follows the database's locale, DuckDB's its own case tables). -#}
{% macro ascii_lower(expr) -%}
    translate({{ expr }}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
{%- endmacro %}
