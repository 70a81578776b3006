{#- Emails stay in the pii schema: no text column of the core marts holds one. -#}
with external_ids as (
    select * from {{ ref('dim_user_external_ids') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

matches as (
    select * from {{ ref('fct_buddy_matches') }}
)

select
    'dim_user_external_ids' as relation_name,
    external_id as found_value
from external_ids
where external_id like '%@%'
union all
select
    'dim_users' as relation_name,
    csr_user_id as found_value
from users
where csr_user_id like '%@%' or company_id like '%@%'
union all
select
    'fct_buddy_matches' as relation_name,
    match_id as found_value
from matches
where participant_user_id like '%@%' or buddy_user_id like '%@%'
