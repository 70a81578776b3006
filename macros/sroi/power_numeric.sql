{#-
    base ^ exponent as numeric(38, 12), for a numeric base and a whole-number exponent.
    PostgreSQL raises the numeric exactly; DuckDB has no numeric power, so it goes through a
    double. Rounding both to 12 decimals gives the same value on both engines (a double
    carries 15-17 significant digits), e.g. 0.7 ^ 2 = 0.490000000000 on both.
-#}
{% macro power_numeric(base, exponent) -%}
    {{ return(adapter.dispatch('power_numeric', 'csr_analytics')(base, exponent)) }}
{%- endmacro %}

{% macro default__power_numeric(base, exponent) -%}
    cast(power(cast({{ base }} as numeric(38, 18)), {{ exponent }}) as numeric(38, 12))
{%- endmacro %}

{% macro postgres__power_numeric(base, exponent) -%}
    cast(
        power(cast({{ base }} as numeric(38, 18)), cast({{ exponent }} as numeric(38, 18)))
        as numeric(38, 12)
    )
{%- endmacro %}

{% macro duckdb__power_numeric(base, exponent) -%}
    cast(pow(cast({{ base }} as double), cast({{ exponent }} as double)) as numeric(38, 12))
{%- endmacro %}
