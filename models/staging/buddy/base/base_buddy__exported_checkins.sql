{#-
    The rows of the Buddy checkins export files (CSV or the JSON export) as landed, with
    their lineage and observation time (the file's export date). base_buddy__checkins
    joins them with the webhook rows of the same entity.
-#}
{{ config(materialized='view') }}

with raw_rows as (
    select * from {{ source('buddy', 'buddy_checkins') }}
),

final as (
    select
        {{ csr_analytics.export_lineage('raw_rows', 'buddy_checkins') }},
        {{ csr_analytics.raw_columns(
            'raw_rows', csr_analytics.source_columns('buddy', 'buddy_checkins')
        ) }}
    from raw_rows
)

select * from final
