{#- Every Buddy account resolves to a person of dim_users and has its external id. -#}
with accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

users as (
    select * from {{ ref('dim_users') }}
),

external_ids as (
    select * from {{ ref('dim_user_external_ids') }}
    where provider = 'buddy'
)

select accounts.account_id
from accounts
left join users
    on accounts.csr_user_id = users.csr_user_id
left join external_ids
    on accounts.account_id = external_ids.external_id
        and accounts.csr_user_id = external_ids.csr_user_id
where users.csr_user_id is null or external_ids.external_id is null
