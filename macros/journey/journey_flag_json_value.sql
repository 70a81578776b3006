{#- A column of int_user_journey_flags as the SQL value its JSON key holds. -#}
{% macro journey_flag_json_value(column, kind) -%}
    {%- if kind == 'date' -%}{{ csr_analytics.iso_date_text(column) }}
    {%- elif kind == 'timestamp' -%}{{ csr_analytics.iso_timestamp_text(column) }}
    {%- else -%}{{ column }}
    {%- endif -%}
{%- endmacro %}
