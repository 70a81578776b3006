{#-
    The typed value of one staged column from its cleaned text, by column spec:
    type uuid | email | timestamp | date | country | json_any | integer | number | enum | json_array | json_object | text
    (enum: `values`, `case_insensitive`; number: `precision`, `scale`).
-#}
{% macro typed_value(spec, text_expr) -%}
    {%- set kind = spec.get('type', 'text') -%}
    {%- if kind == 'uuid' -%}{{ csr_analytics.parse_uuid(text_expr) }}
    {%- elif kind == 'email' -%}{{ csr_analytics.parse_email(text_expr) }}
    {%- elif kind == 'timestamp' -%}{{ csr_analytics.parse_timestamp(text_expr) }}
    {%- elif kind == 'integer' -%}{{ csr_analytics.safe_cast_integer(text_expr) }}
    {%- elif kind == 'number' -%}{{ csr_analytics.safe_cast_numeric(text_expr, spec.get('precision', 18), spec.get('scale', 6)) }}
    {%- elif kind == 'enum' -%}{{ csr_analytics.parse_enum(text_expr, spec['values'], spec.get('case_insensitive', false)) }}
    {%- elif kind == 'json_array' -%}{{ csr_analytics.parse_json(text_expr, 'array') }}
    {%- elif kind == 'json_object' -%}{{ csr_analytics.parse_json(text_expr, 'object') }}
    {%- elif kind == 'date' -%}cast({{ csr_analytics.parse_timestamp(text_expr) }} as date)
    {%- elif kind == 'country' -%}(case when {{ csr_analytics.regex_match(text_expr, '^[A-Z]{2}$') }} then {{ text_expr }} end)
    {%- elif kind == 'json_any' -%}(case when {{ csr_analytics.json_type_of(text_expr) }} is not null then {{ text_expr }} end)
    {%- elif kind == 'text' -%}{{ text_expr }}
    {%- else -%}{{ exceptions.raise_compiler_error('unknown column type ' ~ kind) }}
    {%- endif -%}
{%- endmacro %}
