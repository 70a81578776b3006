{#- Emails stay in the pii schema: no text column of the core marts holds one. -#}
select 'dim_user_external_ids' as relation, external_id as value
from {{ ref('dim_user_external_ids') }}
where external_id like '%@%'
union all
select 'dim_users' as relation, csr_user_id as value
from {{ ref('dim_users') }}
where csr_user_id like '%@%' or company_id like '%@%'
union all
select 'fct_buddy_matches' as relation, match_id as value
from {{ ref('fct_buddy_matches') }}
where participant_user_id like '%@%' or buddy_user_id like '%@%'
