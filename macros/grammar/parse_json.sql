{#-
    JSON values of the value grammar (exports.md): a JSON array or object cell, or a
    webhook envelope, is valid when it parses as JSON, holds no `\u0000` escape and no
    lone surrogate escape, no object with the same key twice, and nests at most 64
    levels deep. Anything else is `invalid_json`: the row is rejected, never the build.

    json_escapes_ok(expr)   no \u0000 and no unpaired \uD800-\uDFFF escape (a regex on
                            the text, the same on both engines)
    json_is_standard(expr)  none of what DuckDB's parser lets through and standard JSON
                            (and PostgreSQL) does not: a trailing comma, NaN, Infinity;
                            and no number PostgreSQL cannot hold where DuckDB reads
                            infinity: an exponent of more than 4 digits, more than 1000
                            digits in a row
    json_is_valid(expr)     the whole rule (json_parse_is_strict does the engine part:
                            parse, duplicate keys, depth)
    parse_json(expr, type)  the text itself when it is valid JSON of that type
                            ('array', 'object' or 'any'), else null

    Numbers inside a webhook payload have a rule of their own: webhook_numbers_are_exact.
-#}
{% macro json_escapes_ok(expr) -%}
    {#- escaped backslashes first, so that \\u0000 (a backslash, then "u0000") is no escape -#}
    {%- set unescaped = "regexp_replace(" ~ expr ~ ", '" ~ csr_analytics.json_escaped_backslash_pattern() ~ "', '', 'g')" -%}
    {%- set unpaired = "regexp_replace(" ~ unescaped ~ ", '" ~ csr_analytics.json_surrogate_pair_pattern() ~ "', '', 'g')" -%}
    (not {{ csr_analytics.regex_contains(unescaped, csr_analytics.json_nul_escape_pattern()) }}
        and not {{ csr_analytics.regex_contains(unpaired, csr_analytics.json_surrogate_escape_pattern()) }})
{%- endmacro %}

{% macro json_escaped_backslash_pattern() -%}\\\\{%- endmacro %}
{% macro json_nul_escape_pattern() -%}\\u0000{%- endmacro %}
{% macro json_surrogate_pair_pattern() -%}\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}{%- endmacro %}
{% macro json_surrogate_escape_pattern() -%}\\u[dD][89a-fA-F][0-9a-fA-F]{2}{%- endmacro %}

{% macro json_is_standard(expr) -%}
    {%- set bare = csr_analytics.json_without_strings(expr) -%}
    (not {{ csr_analytics.regex_contains(bare, ',[ ' ~ csr_analytics.regex_char(9)
            ~ csr_analytics.regex_char(10) ~ csr_analytics.regex_char(13) ~ ']*[]}]') }}
        and not {{ csr_analytics.regex_contains(bare, 'NaN|Infinity') }}
        and not {{ csr_analytics.regex_contains(bare, '[eE][+-]?0*[1-9][0-9]{4}') }}
        and not {{ csr_analytics.regex_contains(bare, '([0-9]{200}){5}[0-9]') }})
{%- endmacro %}

{#- The JSON text with every string blanked to "" (so that what is inside strings does
    not count in the checks on the text around them). -#}
{% macro json_without_strings(expr) -%}
    regexp_replace({{ expr }}, '{{ csr_analytics.json_string_pattern() }}', '""', 'g')
{%- endmacro %}

{% macro json_is_valid(expr) -%}
    (case
        when {{ csr_analytics.json_escapes_ok(expr) }} and {{ csr_analytics.json_is_standard(expr) }}
            then {{ csr_analytics.json_parse_is_strict(expr) }}
        else false
    end)
{%- endmacro %}

{% macro parse_json(expr, json_type='any') -%}
    (case
        {%- if json_type == 'any' %}
        when {{ csr_analytics.json_is_valid(expr) }}
        {%- else %}
        when {{ csr_analytics.json_type_of(expr) }} = '{{ json_type }}'
        {%- endif %}
            then {{ expr }}
    end)
{%- endmacro %}

{#-
    Numbers in a webhook payload become typed values (a duration, a rating), and the
    engines keep JSON numbers differently (PostgreSQL exactly, DuckDB as doubles, some
    re-written): a payload is valid only when every number in it is written as the
    number grammar allows (no exponent) with at most 15 significant digits and 15
    decimals — what a double holds exactly — so both engines read the same value.
    Strings are blanked out first, so digits inside them do not count.
-#}
{% macro webhook_numbers_are_exact(expr) -%}
    {%- set bare = csr_analytics.json_without_strings(expr) -%}
    {%- set joined = "regexp_replace(" ~ bare ~ ", '([0-9])[.]([0-9])', '\\1\\2', 'g')" -%}
    (not {{ csr_analytics.regex_contains(bare, '[0-9][eE]') }}
        and not {{ csr_analytics.regex_contains(bare, '[.][0-9]{16}') }}
        and not {{ csr_analytics.regex_contains(joined, '[1-9][0-9]{15}') }})
{%- endmacro %}

{% macro json_string_pattern() -%}"([^"\\]|\\.)*"{%- endmacro %}
