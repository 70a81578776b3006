{#-
    The facts journey rules can use beyond the journey-flag keys (int_journey_rule_facts),
    each with its kind (integer | number).
-#}
{% macro journey_rule_fact_keys() -%}
    {{ return([
        ('language_held_sessions_as_learner', 'integer'),
        ('language_mean_learner_rating', 'number'),
        ('latest_lang_level_proxy_score', 'number'),
    ]) }}
{%- endmacro %}
