{#-
    One character of a regular expression written by its Unicode code point (an
    integer), in the engine's escape syntax: PostgreSQL's ARE `\uXXXX` / `\UXXXXXXXX`,
    DuckDB's RE2 `\x{XXXX}`. regex_char_range(low, high) is `low-high`, for a bracket
    expression. Patterns that name invisible or non-ASCII characters use these, so that
    the same pattern means the same characters on both engines.
-#}
{% macro regex_char(code_point) -%}
    {{ return(adapter.dispatch('regex_char', 'csr_analytics')(code_point)) }}
{%- endmacro %}

{% macro default__regex_char(code_point) -%}
    {%- if code_point > 65535 -%}
        \U{{ '%08X' | format(code_point) }}
    {%- else -%}
        \u{{ '%04X' | format(code_point) }}
    {%- endif -%}
{%- endmacro %}

{% macro duckdb__regex_char(code_point) -%}
    \x{ {{- '%X' | format(code_point) -}} }
{%- endmacro %}

{% macro regex_char_range(low, high) -%}
    {{ csr_analytics.regex_char(low) }}-{{ csr_analytics.regex_char(high) }}
{%- endmacro %}
