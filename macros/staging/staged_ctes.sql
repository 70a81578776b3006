{#-
    The frame every base_* staging model shares (exports.md, "Validation"). A model
    selects its rows as `observations` (and any lookups its checks need), then:

    staged_typed_ctes   cleaned (lineage + each column's trimmed text) and typed (+ each
                        column typed by its spec; a value that does not parse is null)
    staged_outcome_ctes checked (_record_key, _failures = the specs' checks + the model's
                        own, _warnings), then staged_final_ctes on it
    staged_final_ctes   marked (is_accepted, is_superseded) and final (the published
                        columns: the specs', then any `derived` ones the model added);
                        a model whose checks take a second pass calls it on that pass.
    The model ends with `select * from final`.
-#}
{% macro staged_typed_ctes(columns, relation='observations') -%}
cleaned as (
    select
        {{ csr_analytics.lineage_columns() }},
        {{ csr_analytics.staged_text_columns(columns) }}
    from {{ relation }}
),

typed as (
    select
        cleaned.*,
        {{ csr_analytics.staged_typed_columns(columns) }}
    from cleaned
)
{%- endmacro %}

{% macro staged_outcome_ctes(columns, relation, record_key, checks=[], warnings=[], derived=[]) -%}
checked as (
    select
        {{ relation }}.*,
        {{ record_key }} as _record_key,
        {{ csr_analytics.code_list(csr_analytics.staged_column_checks(columns) + checks) }}
            as _failures,
        {% if warnings -%}
            {{ csr_analytics.code_list(warnings) }}
        {%- else -%}
            cast(null as text)
        {%- endif %} as _warnings
    from {{ relation }}
),

{{ csr_analytics.staged_final_ctes(columns, 'checked', derived) }}
{%- endmacro %}

{% macro staged_final_ctes(columns, relation, derived=[]) -%}
marked as (
    {{ csr_analytics.mark_accepted(relation, '_record_key') }}
),

final as (
    select
        {{ csr_analytics.lineage_columns() }},
        _record_key,
        {{ csr_analytics.staged_column_names(columns) }},
        {%- for column in derived %}
        {{ column }},
        {%- endfor %}
        _failures,
        _warnings,
        is_accepted,
        is_superseded
    from marked
)
{%- endmacro %}
