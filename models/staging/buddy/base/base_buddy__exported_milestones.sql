{#-
    The rows of the Buddy milestones export files (CSV or the JSON export) as landed, with
    their lineage and observation time (the file's export date). base_buddy__milestones
    joins them with the webhook rows of the same entity.
-#}
{{ config(materialized='view') }}

with raw_rows as (
    select * from {{ source('buddy', 'buddy_milestones') }}
),

final as (
    select
        {{ csr_analytics.export_lineage('raw_rows', 'buddy_milestones') }},
        {{ csr_analytics.raw_columns(
            'raw_rows', csr_analytics.source_columns('buddy', 'buddy_milestones')
        ) }}
    from raw_rows
)

select * from final
