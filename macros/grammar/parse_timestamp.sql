{#-
    ISO 8601 text -> timestamp in UTC (no time zone), or null when the text is not a
    timestamp of the value grammar (exports.md, "Value grammar"):

        YYYY-MM-DD[(T| )hh:mm[:ss[.f{1,6}]][Z|±hh:mm]]

    year 0001-9999, a real calendar date, hours 00-23, minutes and seconds 00-59 (no
    leap second), an offset of at most 14:00; a date alone is midnight UTC, no offset
    is UTC. The result must be a time of the years 0001-9999 in UTC too.

    The decision is the regex and integer arithmetic below, on both engines; only once
    the text has passed them is it cast, from a canonical 'YYYY-MM-DD hh:mm:ss' that
    both engines read alike, with the fraction and the offset added as intervals. So
    both engines accept and reject the same strings and give the same instant
    (casting the raw text would not: PostgreSQL reads words like 'yesterday' and offsets
    like +99:99, DuckDB reads other things).
-#}
{% macro timestamp_pattern() -%}
^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]{1,6})?)?(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9]|[+-]14:00)?)?$
{%- endmacro %}

{#- The parts of a text that matched timestamp_pattern(), as integer expressions. -#}
{% macro timestamp_part(expr, part) -%}
    {%- if part == 'year' -%}{{ csr_analytics.gated_cast('substr(' ~ expr ~ ', 1, 4)') }}
    {%- elif part == 'month' -%}{{ csr_analytics.gated_cast('substr(' ~ expr ~ ', 6, 2)') }}
    {%- elif part == 'day' -%}{{ csr_analytics.gated_cast('substr(' ~ expr ~ ', 9, 2)') }}
    {%- elif part == 'minute_of_day' -%}
        (case when length({{ expr }}) = 10 then 0 else
            {{ csr_analytics.gated_cast('substr(' ~ expr ~ ', 12, 2)') }} * 60
            + {{ csr_analytics.gated_cast('substr(' ~ expr ~ ', 15, 2)') }}
        end)
    {%- elif part == 'offset_minutes' -%}
        (case
            when {{ csr_analytics.regex_match('right(' ~ expr ~ ', 6)', '^[+-][0-9]{2}:[0-9]{2}$') }}
                then (case when substr(right({{ expr }}, 6), 1, 1) = '-' then -1 else 1 end)
                    * ({{ csr_analytics.gated_cast('substr(right(' ~ expr ~ ', 6), 2, 2)') }} * 60
                    + {{ csr_analytics.gated_cast('right(' ~ expr ~ ', 2)') }})
            else 0
        end)
    {%- elif part == 'microseconds' -%}
        (case
            when {{ csr_analytics.regex_match(expr, '^.{19}[.].*$') }}
                then {{ csr_analytics.gated_cast(
                    "rpad(regexp_replace(" ~ expr ~ ", '^.{19}[.]([0-9]+).*$', '\\1'), 6, '0')") }}
            else 0
        end)
    {%- else -%}{{ exceptions.raise_compiler_error('unknown timestamp part ' ~ part) }}
    {%- endif -%}
{%- endmacro %}

{#- True for a text that matched timestamp_pattern() when its date is a real calendar
    date of the years 0001-9999 and its instant in UTC stays within those years. -#}
{% macro timestamp_is_in_calendar(expr) -%}
    {%- set year = csr_analytics.timestamp_part(expr, 'year') -%}
    {%- set month = csr_analytics.timestamp_part(expr, 'month') -%}
    {%- set day = csr_analytics.timestamp_part(expr, 'day') -%}
    {%- set utc_minute = '(' ~ csr_analytics.timestamp_part(expr, 'minute_of_day') ~ ' - '
        ~ csr_analytics.timestamp_part(expr, 'offset_minutes') ~ ')' -%}
    ({{ year }} >= 1
        and {{ day }} <= (case
            when {{ month }} = 2 then
                (case
                    when mod({{ year }}, 4) = 0 and (mod({{ year }}, 100) <> 0 or mod({{ year }}, 400) = 0)
                        then 29
                    else 28
                end)
            when {{ month }} in (4, 6, 9, 11) then 30
            else 31
        end)
        and not (substr({{ expr }}, 1, 10) = '0001-01-01' and {{ utc_minute }} < 0)
        and not (substr({{ expr }}, 1, 10) = '9999-12-31' and {{ utc_minute }} >= 1440))
{%- endmacro %}

{% macro parse_timestamp(expr) -%}
    (case
        when {{ csr_analytics.regex_match(expr, csr_analytics.timestamp_pattern()) }}
            then (case
                when {{ csr_analytics.timestamp_is_in_calendar(expr) }}
                    then {{ csr_analytics.timestamp_from_parts(
                        "substr(" ~ expr ~ ", 1, 10) || ' 00:00:00'",
                        csr_analytics.timestamp_part(expr, 'minute_of_day') ~ ' - '
                            ~ csr_analytics.timestamp_part(expr, 'offset_minutes'),
                        "(case when length(" ~ expr ~ ") >= 19 and substr(" ~ expr ~ ", 17, 1) = ':' then "
                            ~ csr_analytics.gated_cast('substr(' ~ expr ~ ', 18, 2)')
                            ~ " else 0 end)",
                        csr_analytics.timestamp_part(expr, 'microseconds')) }}
            end)
    end)
{%- endmacro %}

{#- The timestamp of a canonical midnight text plus minutes, seconds and microseconds
    (integers; the minutes may be negative or beyond a day: an offset moves the day). -#}
{% macro timestamp_from_parts(midnight_text, minutes, seconds, microseconds) -%}
    {{ return(adapter.dispatch('timestamp_from_parts', 'csr_analytics')(
        midnight_text, minutes, seconds, microseconds)) }}
{%- endmacro %}

{% macro default__timestamp_from_parts(midnight_text, minutes, seconds, microseconds) -%}
    ({{ csr_analytics.gated_cast(midnight_text, 'timestamp') }}
        + ({{ minutes }}) * interval '1 minute'
        + ({{ seconds }}) * interval '1 second'
        + ({{ microseconds }}) * interval '1 microsecond')
{%- endmacro %}

{% macro duckdb__timestamp_from_parts(midnight_text, minutes, seconds, microseconds) -%}
    ({{ csr_analytics.gated_cast(midnight_text, 'timestamp') }}
        + to_minutes(cast({{ minutes }} as bigint))
        + to_seconds(cast({{ seconds }} as bigint))
        + to_microseconds(cast({{ microseconds }} as bigint)))
{%- endmacro %}
