{#-
    The rows of the Buddy skill sessions export files (CSV or the JSON export) as landed, with
    their lineage and observation time (the file's export date). base_buddy__skill_sessions
    joins them with the webhook rows of the same entity.
-#}
{{ config(materialized='view') }}

with raw_rows as (
    select * from {{ source('buddy', 'buddy_skill_sessions') }}
),

final as (
    select
        {{ csr_analytics.export_lineage('raw_rows', 'buddy_skill_sessions') }},
        {{ csr_analytics.raw_columns(
            'raw_rows', csr_analytics.source_columns('buddy', 'buddy_skill_sessions')
        ) }}
    from raw_rows
)

select * from final
