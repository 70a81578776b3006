{#- The as_of_date cut-off: the UTC date of the business timestamp is <= as_of_date, or
    <= the evaluation date `as_of` (a SQL date expression) when one is given: the status
    history evaluates the same rules at every date it covers. -#}
{% macro is_on_or_before_as_of(expr, as_of=none) -%}
    (cast({{ expr }} as date) <= {{ as_of if as_of is not none else csr_analytics.as_of_date() }})
{%- endmacro %}
