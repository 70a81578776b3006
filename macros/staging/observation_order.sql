{#-
    Latest observation first: export date (a file with none is the oldest), webhook
    before export at equal times, then later load, then later line.
-#}
{% macro observation_order() -%}
    _observed_at desc nulls last,
    case when _feed = 'webhook' then 1 else 0 end desc,
    _load_id desc,
    _source_line desc
{%- endmacro %}
