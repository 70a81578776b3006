{#- Normalised email: surrounding whitespace (spaces, tabs, line breaks, no-break spaces,
    byte-order marks) removed, lower-cased; empty -> null. Nothing fancier. -#}
{% macro normalize_email(expr) -%}
    nullif(lower(regexp_replace(
        {{ expr }}, '^[[:space:] ﻿]+|[[:space:] ﻿]+$', '', 'g'
    )), '')
{%- endmacro %}
