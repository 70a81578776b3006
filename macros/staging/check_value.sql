{#-
    One validity check as a failure code or null: 'missing:<column>' when the cleaned
    text is null and the column is required; '<rule>:<column>' when the text is present
    but its typed value is null (it did not parse).
-#}
{% macro check_value(raw_expr, typed_expr, rule, column, required=false) -%}
    case
        when {{ raw_expr }} is null then {% if required %}'missing:{{ column }}'{% else %}null{% endif %}
        when {{ typed_expr }} is null then '{{ rule }}:{{ column }}'
    end
{%- endmacro %}
