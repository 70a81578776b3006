{#- Text -> itself when it is one of the values (case-sensitive; case_insensitive: ASCII
    letters compared lower-cased, and the value published lower-cased), else null. -#}
{% macro parse_enum(expr, values, case_insensitive=false) -%}
    {%- if case_insensitive -%}
    (case
        when {{ csr_analytics.ascii_lower(expr) }} in (
            {%- for v in values %}'{{ v | lower }}'{{ ", " if not loop.last }}{% endfor -%}
        ) then {{ csr_analytics.ascii_lower(expr) }}
    end)
    {%- else -%}
    (case
        when {{ expr }} in ({% for v in values %}'{{ v }}'{{ ", " if not loop.last }}{% endfor %})
            then {{ expr }}
    end)
    {%- endif -%}
{%- endmacro %}
