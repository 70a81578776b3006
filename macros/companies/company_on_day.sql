{#- The join condition of "the company of the day" (exports.md, company_users): the
    membership of the person on the UTC date of the moment, from int_company_memberships
    (non-overlapping ranges, valid_from inclusive, valid_to exclusive, null = open). -#}
{% macro company_on_day(memberships, person, moment) -%}
    {{ memberships }}.csr_user_id = {{ person }}
    and cast({{ moment }} as date) >= {{ memberships }}.valid_from
    and (
        {{ memberships }}.valid_to is null
        or cast({{ moment }} as date) < {{ memberships }}.valid_to
    )
{%- endmacro %}
