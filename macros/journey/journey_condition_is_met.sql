{#-
    Whether a journey-rule condition holds (domain.md §7): the fact compared with the
    condition's value by its operator (= != < <= > >=). When both are numbers they
    compare as numbers, otherwise as text in binary order. Null (no verdict) for an
    unknown operator; false or null never makes a rule hit.
-#}
{% macro journey_condition_is_met(
    operator, fact_number, value_number, fact_text, value_text
) -%}
    {%- set text_fact = csr_analytics.binary_order(fact_text) -%}
    {%- set text_value = csr_analytics.binary_order(value_text) -%}
    case {{ operator }}
        {%- for symbol, sql_operator in [
            ('=', '='), ('!=', '<>'), ('<', '<'), ('<=', '<='), ('>', '>'), ('>=', '>='),
        ] %}
        when '{{ symbol }}' then coalesce(
            {{ fact_number }} {{ sql_operator }} {{ value_number }},
            {{ text_fact }} {{ sql_operator }} {{ text_value }}
        )
        {%- endfor %}
    end
{%- endmacro %}
