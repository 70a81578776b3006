{#-
    The typed value of one staged column from its cleaned text, by column spec (the
    value grammar of exports.md, macros/grammar/):
    type uuid | email | timestamp | date | country | json_any | json_array | json_object
    | integer (`bits`: 32, default, or 64) | number (`precision`, `scale`) | enum
    (`values`, `case_insensitive`) | text. Null when the text does not parse.
-#}
{% macro typed_value(spec, text_expr) -%}
    {%- set kind = spec.get('type', 'text') -%}
    {%- if kind == 'uuid' -%}{{ csr_analytics.parse_uuid(text_expr) }}
    {%- elif kind == 'email' -%}{{ csr_analytics.parse_email(text_expr) }}
    {%- elif kind == 'timestamp' -%}{{ csr_analytics.parse_timestamp(text_expr) }}
    {%- elif kind == 'integer' -%}{{ csr_analytics.parse_integer(text_expr, spec.get('bits', 32)) }}
    {%- elif kind == 'number' -%}{{ csr_analytics.parse_number(text_expr, spec.get('precision', 18), spec.get('scale', 6)) }}
    {%- elif kind == 'enum' -%}{{ csr_analytics.parse_enum(text_expr, spec['values'], spec.get('case_insensitive', false)) }}
    {%- elif kind == 'json_array' -%}{{ csr_analytics.parse_json(text_expr, 'array') }}
    {%- elif kind == 'json_object' -%}{{ csr_analytics.parse_json(text_expr, 'object') }}
    {%- elif kind == 'json_any' -%}{{ csr_analytics.parse_json(text_expr, 'any') }}
    {%- elif kind == 'date' -%}cast({{ csr_analytics.parse_timestamp(text_expr) }} as date)
    {%- elif kind == 'country' -%}(case when {{ csr_analytics.regex_match(text_expr, '^[A-Z]{2}$') }} then {{ text_expr }} end)
    {%- elif kind == 'text' -%}{{ text_expr }}
    {%- else -%}{{ exceptions.raise_compiler_error('unknown column type ' ~ kind) }}
    {%- endif -%}
{%- endmacro %}

{#- The grammar check of a type whose range is a rule of its own (integer, number):
    true when the text is written as that type, whatever its size. -#}
{% macro typed_syntax_ok(spec, text_expr) -%}
    {%- set kind = spec.get('type', 'text') -%}
    {%- if kind == 'integer' -%}{{ csr_analytics.integer_syntax_ok(text_expr) }}
    {%- elif kind == 'number' -%}{{ csr_analytics.number_syntax_ok(text_expr) }}
    {%- else -%}{{ exceptions.raise_compiler_error('no syntax check for type ' ~ kind) }}
    {%- endif -%}
{%- endmacro %}
