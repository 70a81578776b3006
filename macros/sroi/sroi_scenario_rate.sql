{#-
    An impact adjustment (deadweight, attribution, displacement or drop-off, 0-1) in a
    sensitivity scenario: the rate times factor, capped at the sensitivity_cap variable
    (0.95) when the factor raises it, and never below the rate itself in that case (a rate
    already above the cap stays as it is). factor 1 returns the rate unchanged.
-#}
{% macro sroi_scenario_rate(rate, factor) -%}
    cast(
        case
            when {{ factor }} > 1
                and {{ rate }} * {{ factor }} > {{ var('sensitivity_cap') }}
                then case
                    when {{ rate }} > {{ var('sensitivity_cap') }} then {{ rate }}
                    else {{ var('sensitivity_cap') }}
                end
            else {{ rate }} * {{ factor }}
        end
        as numeric(18, 12)
    )
{%- endmacro %}
