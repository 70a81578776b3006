with program_types as (
    select * from {{ ref('program_types') }}
),

program_roles as (
    select * from {{ ref('program_roles') }}
),

program_vis_components as (
    select * from {{ ref('program_vis_components') }}
),

program_sroi_dimensions as (
    select * from {{ ref('program_sroi_dimensions') }}
),

roles_per_program as (
    select
        program_type,
        {{ dbt.listagg(
            "case when csr_role = 'volunteer' then role end", "', '", 'order by role'
        ) }} as volunteer_roles,
        {{ dbt.listagg(
            "case when csr_role = 'beneficiary' then role end", "', '", 'order by role'
        ) }} as beneficiary_roles
    from program_roles
    group by program_type
),

vis_per_program as (
    select
        program_type,
        {{ dbt.listagg('component', "', '", 'order by component') }} as vis_components
    from program_vis_components
    group by program_type
),

sroi_per_program as (
    select
        program_type,
        {{ dbt.listagg('dimension', "', '", 'order by dimension') }} as sroi_dimensions
    from program_sroi_dimensions
    group by program_type
),

final as (
    select
        program_types.program_type,
        program_types.display_name,
        program_types.description,
        program_types.supports_matching,
        program_types.spell_unit,
        vis_per_program.program_type is not null as contributes_to_vis,
        sroi_per_program.program_type is not null as contributes_to_sroi,
        roles_per_program.beneficiary_roles,
        roles_per_program.volunteer_roles,
        vis_per_program.vis_components,
        sroi_per_program.sroi_dimensions,
        program_types.sort_order
    from program_types
    left join roles_per_program
        on program_types.program_type = roles_per_program.program_type
    left join vis_per_program
        on program_types.program_type = vis_per_program.program_type
    left join sroi_per_program
        on program_types.program_type = sroi_per_program.program_type
)

select * from final
