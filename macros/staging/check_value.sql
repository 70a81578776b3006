{#-
    One validity check as a failure code or null: 'missing:<column>' when the cleaned
    text is null and the column is required; '<rule>:<column>' when the text is present
    but does not parse. With syntax_ok (integers, numbers): '<rule>:<column>' when the
    text is not written as the type, 'out_of_range:<column>' when it is but its value
    does not fit the column.
-#}
{% macro check_value(raw_expr, typed_expr, rule, column, required=false, syntax_ok=none) -%}
    case
        when {{ raw_expr }} is null then {% if required %}'missing:{{ column }}'{% else %}null{% endif %}
        {%- if syntax_ok is not none %}
        when not {{ syntax_ok }} then '{{ rule }}:{{ column }}'
        when {{ typed_expr }} is null then 'out_of_range:{{ column }}'
        {%- else %}
        when {{ typed_expr }} is null then '{{ rule }}:{{ column }}'
        {%- endif %}
    end
{%- endmacro %}
