{#-
    The rows of the Buddy event attendance export files (CSV or the JSON export) as landed, with
    their lineage and observation time (the file's export date). base_buddy__event_attendance
    joins them with the webhook rows of the same entity.
-#}
{{ config(materialized='view') }}

with raw_rows as (
    select * from {{ source('buddy', 'buddy_event_attendance') }}
),

final as (
    select
        {{ csr_analytics.export_lineage('raw_rows', 'buddy_event_attendance') }},
        {{ csr_analytics.raw_columns(
            'raw_rows', csr_analytics.source_columns('buddy', 'buddy_event_attendance')
        ) }}
    from raw_rows
)

select * from final
