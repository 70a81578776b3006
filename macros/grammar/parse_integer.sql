{#-
    Integers of the value grammar (exports.md): an optional sign and digits only — no
    decimals, exponent, separators or other digits than 0-9 — within the column's
    range: 32 bits (`integer`) unless the column spec says `bits: 64` (`bigint`).
    `-0` is 0, leading zeros are allowed.

    integer_syntax_ok(expr)   the text is written as an integer (else invalid_integer)
    parse_integer(expr, bits) the value, or null when the text is not an integer or is
                              outside the range (out_of_range)

    The range is decided on the digits as text, before any cast, so no value can make
    a cast fail, and both engines decide alike.
-#}
{% macro integer_syntax_ok(expr) -%}
    {{ csr_analytics.regex_match(expr, '^[+-]?[0-9]+$') }}
{%- endmacro %}

{#- The digits of an integer text without sign and leading zeros ('' for zero). -#}
{% macro integer_digits(expr) -%}
    ltrim(ltrim(ltrim({{ expr }}, '+'), '-'), '0')
{%- endmacro %}

{% macro integer_in_range(expr, bits=32) -%}
    {%- set limit = {32: '214748364', 64: '922337203685477580'}[bits] -%}
    {%- set digits = csr_analytics.integer_digits(expr) -%}
    (length({{ digits }}) < {{ limit | length + 1 }}
        or (length({{ digits }}) = {{ limit | length + 1 }}
            and {{ csr_analytics.binary_order(digits) }} <= (case
                when left({{ expr }}, 1) = '-' then '{{ limit }}8'
                else '{{ limit }}7'
            end)))
{%- endmacro %}

{% macro parse_integer(expr, bits=32) -%}
    (case
        when {{ csr_analytics.integer_syntax_ok(expr) }}
            then (case
                when {{ csr_analytics.integer_in_range(expr, bits) }}
                    then {{ csr_analytics.gated_cast(
                        "(case when left(" ~ expr ~ ", 1) = '-' then '-' else '' end) || "
                            ~ "coalesce(nullif(" ~ csr_analytics.integer_digits(expr) ~ ", ''), '0')",
                        'integer' if bits == 32 else 'bigint') }}
            end)
    end)
{%- endmacro %}
