{#-
    True when a JSON array text holds only integers from low to high (or nothing), each
    written as a plain JSON integer (`3`, not `3.0`, `03` or `3e0`): one regex over the
    text, the same on both engines, with no number cast that a huge element could break.
    Meant for small ranges (the allowed integers are listed): SDG goals 1-17.
-#}
{% macro json_int_array_within(expr, low, high) -%}
    {%- set ws = '[ ' ~ csr_analytics.regex_char(9) ~ csr_analytics.regex_char(10)
        ~ csr_analytics.regex_char(13) ~ ']*' -%}
    {%- set element = '(' ~ (range(low, high + 1) | reverse | join('|')) ~ ')' -%}
    {{ csr_analytics.regex_match(expr,
        '^' ~ ws ~ '[[]' ~ ws ~ '(' ~ element ~ ws ~ '(,' ~ ws ~ element ~ ws ~ ')*)?[]]' ~ ws ~ '$') }}
{%- endmacro %}
