{#-
    Column specs drive a base model: each spec is a dict with `name` (the raw column),
    optional `as` (the staged name), `type` (see typed_value), `required`, `min`, `max`,
    `max_length` (text and email: var max_text_length unless it says less), `business` (a
    business timestamp: checked against the export date), `free_text` (a text column of
    people's words — names, notes, comments — which stays in staging and pii: it may
    hold an email; any other text column holding one is rejected, contains_email, since
    ids and names of things reach the marts, where no email may be).

    staged_text_columns: the cleaned text of each column, named <name>__text.
    staged_typed_columns: the typed value of each column, named by `as` or `name`.
    staged_column_checks: every failure code the specs imply (a list of SQL expressions).
-#}
{% macro staged_name(spec) -%}{{ spec.get('as', spec['name']) }}{%- endmacro %}

{% macro staged_text_columns(specs) -%}
    {%- for spec in specs %}
        {%- if spec.get('type') == 'email' %}
        nullif({{ spec['name'] }}, '') as {{ spec['name'] }}__text
        {%- else %}
        {{ csr_analytics.clean_text(spec['name']) }} as {{ spec['name'] }}__text
        {%- endif %}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{% macro staged_typed_columns(specs) -%}
    {%- for spec in specs %}
        {{ csr_analytics.typed_value(spec, spec['name'] ~ '__text') }} as {{ csr_analytics.staged_name(spec) }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{% macro staged_column_checks(specs) -%}
    {%- set checks = [] -%}
    {%- for spec in specs -%}
        {%- set name = spec['name'] -%}
        {%- set text = name ~ '__text' -%}
        {%- set typed = csr_analytics.staged_name(spec) -%}
        {%- set kind = spec.get('type', 'text') -%}
        {%- set rule = {'uuid': 'invalid_uuid', 'email': 'invalid_email', 'timestamp': 'invalid_timestamp',
            'integer': 'invalid_integer', 'number': 'invalid_number', 'enum': 'invalid_enum',
            'json_array': 'invalid_json', 'json_object': 'invalid_json', 'json_any': 'invalid_json',
            'date': 'invalid_timestamp', 'country': 'invalid_enum', 'text': 'invalid_text'}[kind] -%}
        {%- if kind in ['integer', 'number'] -%}
            {%- do checks.append(csr_analytics.check_value(text, typed, rule, name, spec.get('required', false),
                syntax_ok=csr_analytics.typed_syntax_ok(spec, text))) -%}
        {%- else -%}
            {%- do checks.append(csr_analytics.check_value(text, typed, rule, name, spec.get('required', false))) -%}
        {%- endif -%}
        {%- if spec.get('min') is not none -%}
            {%- do checks.append(csr_analytics.check_condition(typed ~ ' < ' ~ spec['min'], 'out_of_range:' ~ name)) -%}
        {%- endif -%}
        {%- if spec.get('max') is not none -%}
            {%- do checks.append(csr_analytics.check_condition(typed ~ ' > ' ~ spec['max'], 'out_of_range:' ~ name)) -%}
        {%- endif -%}
        {%- set max_length = spec.get('max_length', var('max_text_length') if kind in ['text', 'email'] else none) -%}
        {%- if max_length is not none -%}
            {%- do checks.append(csr_analytics.check_condition('length(' ~ text ~ ') > ' ~ max_length, 'too_long:' ~ name)) -%}
        {%- endif -%}
        {%- if kind == 'text' and not spec.get('free_text') -%}
            {%- do checks.append(csr_analytics.check_condition(
                csr_analytics.regex_contains(text, csr_analytics.email_pattern()), 'contains_email:' ~ name)) -%}
        {%- endif -%}
        {%- if spec.get('business') -%}
            {%- do checks.append(csr_analytics.check_condition(csr_analytics.is_in_future(typed), 'in_future:' ~ name)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(checks) }}
{%- endmacro %}

{% macro staged_column_names(specs) -%}
    {%- for spec in specs %}
        {{ csr_analytics.staged_name(spec) }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}
