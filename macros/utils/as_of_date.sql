{#- The as_of_date variable (YYYY-MM-DD) as a SQL date; default today's UTC date. -#}
{% macro as_of_date_value() -%}
    {%- set value = var('as_of_date', none) -%}
    {%- if value is none or value == '' -%}
        {%- set value = modules.datetime.datetime.now(modules.pytz.utc).strftime('%Y-%m-%d') -%}
    {%- endif -%}
    {%- set value = value | string -%}
    {%- if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}$', value) -%}
        {{ exceptions.raise_compiler_error("as_of_date must be YYYY-MM-DD, got '" ~ value ~ "'") }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}

{% macro as_of_date() -%}
    cast('{{ csr_analytics.as_of_date_value() }}' as date)
{%- endmacro %}
