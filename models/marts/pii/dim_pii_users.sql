{#-
    The only mart-level relation holding a person's email and names (restricted schema
    pii). Names come from the person's Buddy account (the most recently observed one, then
    the latest joined, then the smallest account id), else from their Kintell member
    record, whose single name is split at its first space (first name, rest).
-#}
with people as (
    select * from {{ ref('int_people') }}
),

accounts as (
    select * from {{ ref('int_buddy_accounts') }}
),

buddy_users as (
    select * from {{ ref('stg_buddy__users') }}
    where not is_superseded
),

kintell_users as (
    select * from {{ ref('stg_kintell__users') }}
),

buddy_names as (
    select
        accounts.csr_user_id,
        buddy_users.first_name,
        buddy_users.last_name,
        row_number() over (
            partition by accounts.csr_user_id
            order by
                accounts.observed_at desc nulls last,
                accounts.joined_at desc,
                {{ csr_analytics.binary_order('accounts.account_id') }}
        ) as account_rank
    from accounts
    inner join buddy_users
        on accounts.account_id = buddy_users.user_id
),

named_members as (
    select
        {{ csr_analytics.normalize_email('email') }} as email,
        name,
        position(' ' in name) as first_space
    from kintell_users
    where name is not null
),

kintell_names as (
    select
        email,
        case
            when first_space > 0 then substr(name, 1, first_space - 1)
            else name
        end as first_name,
        case
            when first_space > 0 then trim(substr(name, first_space + 1))
        end as last_name
    from named_members
),

final as (
    select
        cast(people.csr_user_id as text) as csr_user_id,
        cast(people.email as text) as email,
        cast(
            coalesce(buddy_names.first_name, kintell_names.first_name) as text
        ) as first_name,
        cast(
            case
                when buddy_names.csr_user_id is not null then buddy_names.last_name
                else kintell_names.last_name
            end as text
        ) as last_name
    from people
    left join buddy_names
        on people.csr_user_id = buddy_names.csr_user_id
            and buddy_names.account_rank = 1
    left join kintell_names
        on people.email = kintell_names.email
)

select * from final
