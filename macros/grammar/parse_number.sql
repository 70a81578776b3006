{#-
    Numbers of the value grammar (exports.md): an optional sign, digits, and optionally
    `.` and digits — no exponent, hex, separators, `NaN` or `Infinity`, no comma (so
    Kintell's `4,5` is rejected too); `-0` is 0. Within the column's numeric(precision,
    scale): at most precision - scale digits before the point (leading zeros aside);
    more decimals than the scale are rounded half away from zero, as both engines do.

    number_syntax_ok(expr)                   written as a number (else invalid_number)
    parse_number(expr, precision, scale)     the value, or null when the text is not a
                                             number or too large (out_of_range)

    The range is decided on the digits as text, then the text is cast with room for a
    carry (numeric(precision + 1, scale)) and compared, so no value can make a cast fail;
    hence precision is at most 37.
-#}
{% macro number_syntax_ok(expr) -%}
    {{ csr_analytics.regex_match(expr, '^[+-]?[0-9]+([.][0-9]+)?$') }}
{%- endmacro %}

{% macro parse_number(expr, precision=18, scale=6) -%}
    {%- if precision > 37 -%}
        {{ exceptions.raise_compiler_error('parse_number: precision ' ~ precision ~ ' > 37') }}
    {%- endif -%}
    {%- set whole_digits = precision - scale -%}
    {%- set wide_type = 'numeric(' ~ (precision + 1) ~ ', ' ~ scale ~ ')' -%}
    {%- set wide = csr_analytics.gated_cast(expr, wide_type) -%}
    (case
        when {{ csr_analytics.number_syntax_ok(expr) }}
            then (case
                when length(ltrim(split_part(ltrim(ltrim({{ expr }}, '+'), '-'), '.', 1), '0'))
                    <= {{ whole_digits }}
                    then (case
                        when abs({{ wide }}) < cast('1{{ "0" * whole_digits }}' as {{ wide_type }})
                            then cast({{ wide }} as numeric({{ precision }}, {{ scale }}))
                    end)
            end)
    end)
{%- endmacro %}
