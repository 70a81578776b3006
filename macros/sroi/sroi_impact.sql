{#-
    Impact from a gross value: the three adjustments applied one after another, never
    added: gross x (1 - deadweight) x (1 - displacement) x (1 - attribution) (sroi.md §4).
-#}
{% macro sroi_impact(gross_value, deadweight, displacement, attribution) -%}
    cast(
        cast(
            cast(
                cast({{ gross_value }} as numeric(38, 12))
                * cast(1 - ({{ deadweight }}) as numeric(18, 12))
                as numeric(38, 12)
            )
            * cast(1 - ({{ displacement }}) as numeric(18, 12))
            as numeric(38, 12)
        )
        * cast(1 - ({{ attribution }}) as numeric(18, 12))
        as numeric(38, 12)
    )
{%- endmacro %}
