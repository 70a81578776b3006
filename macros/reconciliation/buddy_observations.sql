{#-
    The accepted observations of one Buddy entity from both feeds (the base model's
    accepted history: export rows at their file's export date, webhook events at their
    timestamp), each webhook delivery counted once (same envelope id: the first
    delivery), and only those whose business timestamp falls on or before as_of_date.
-#}
{% macro buddy_observations(base_model, business_timestamp) -%}
    select *
    from (
        select
            observations.*,
            row_number() over (
                partition by observations._webhook_event_id
                order by observations._load_id, observations._source_line
            ) as _delivery_number
        from {{ ref(base_model) }} as observations
        where observations.is_accepted
    ) as deliveries
    where
        (_webhook_event_id is null or _delivery_number = 1)
        and {{ csr_analytics.is_on_or_before_as_of(business_timestamp) }}
{%- endmacro %}
