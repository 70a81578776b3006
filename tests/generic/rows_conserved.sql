{#-
    Row conservation per loaded file: rows read = rows accepted + rows rejected
    (+ lines the loader rejected). Applied to dq_import_summary, compared with the
    load ledger's own count of records read.
-#}
{% test rows_conserved(model) %}

with per_file as (
    select
        load_id,
        sum(rows_accepted) as rows_accepted,
        sum(rows_rejected) as rows_rejected,
        max(loader_rejected_lines) as loader_rejected_lines,
        max(ledger_rows_read) as ledger_rows_read
    from {{ model }}
    group by load_id
)

select *
from per_file
where rows_accepted + rows_rejected + loader_rejected_lines <> ledger_rows_read

{% endtest %}
