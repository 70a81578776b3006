{#-
    ISO 8601 text -> timestamp in UTC (no time zone), or null when the text is not a
    valid ISO 8601 date or timestamp. A date alone is midnight UTC; an offset is honoured.
    The regex gate runs first, so words such as 'yesterday' are rejected on every engine.
-#}
{% macro iso_timestamp_pattern() -%}
^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,6})?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$
{%- endmacro %}

{% macro iso_timestamp_with_offset(expr) -%}
    {#- the text with an explicit offset: date alone -> midnight UTC, no offset -> UTC -#}
    case
        when {{ csr_analytics.regex_match(expr, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') }}
            then {{ expr }} || 'T00:00:00+00:00'
        when {{ csr_analytics.regex_match(expr, '.*([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)$') }}
            then replace(replace({{ expr }}, 'z', '+00:00'), 'Z', '+00:00')
        else {{ expr }} || '+00:00'
    end
{%- endmacro %}

{% macro parse_timestamp(expr) -%}
    {{ return(adapter.dispatch('parse_timestamp', 'csr_analytics')(expr)) }}
{%- endmacro %}

{% macro postgres__parse_timestamp(expr) -%}
    (case
        when {{ csr_analytics.regex_match(expr, csr_analytics.iso_timestamp_pattern()) }}
            then csr_try_timestamptz({{ csr_analytics.iso_timestamp_with_offset(expr) }})
                at time zone 'UTC'
    end)
{%- endmacro %}

{% macro duckdb__parse_timestamp(expr) -%}
    (case
        when {{ csr_analytics.regex_match(expr, csr_analytics.iso_timestamp_pattern()) }}
            then timezone(
                'UTC',
                try_cast({{ csr_analytics.iso_timestamp_with_offset(expr) }} as timestamptz)
            )
    end)
{%- endmacro %}
