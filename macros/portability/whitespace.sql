{#-
    White space as the value grammar knows it (exports.md, "Value grammar"): the ASCII
    space, tab and line breaks, and the Unicode spaces and invisible characters an export
    may carry around a value — next line U+0085, no-break space U+00A0, U+1680,
    U+2000-U+200A, the zero-width characters U+200B-U+200D, U+2028, U+2029, U+202F,
    U+205F, U+3000 and the byte-order mark U+FEFF. Listed once, as code points:

    whitespace_code_points()  the list
    whitespace_chars()        the characters as one SQL text expression
    trim_whitespace(expr)     expr without white space at either end (both engines remove
                              exactly these characters: PostgreSQL's trim removes only
                              spaces, DuckDB's a set of its own)
    whitespace_class()        the characters for a regex bracket expression
-#}
{% macro whitespace_code_points() -%}
    {{ return([32, 9, 10, 11, 12, 13, 133, 160, 5760]
        + range(8192, 8206) | list
        + [8232, 8233, 8239, 8287, 12288, 65279]) }}
{%- endmacro %}

{% macro whitespace_chars() -%}
    ({%- for code_point in csr_analytics.whitespace_code_points() -%}
        chr({{ code_point }}){{ ' || ' if not loop.last }}
    {%- endfor -%})
{%- endmacro %}

{% macro trim_whitespace(expr) -%}
    {{ return(adapter.dispatch('trim_whitespace', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro default__trim_whitespace(expr) -%}
    btrim({{ expr }}, {{ csr_analytics.whitespace_chars() }})
{%- endmacro %}

{% macro duckdb__trim_whitespace(expr) -%}
    trim({{ expr }}, {{ csr_analytics.whitespace_chars() }})
{%- endmacro %}

{% macro whitespace_class() -%}
    {%- for code_point in csr_analytics.whitespace_code_points() -%}
        {{ csr_analytics.regex_char(code_point) }}
    {%- endfor -%}
{%- endmacro %}
