{#-
    What an email address is (exports.md, "Value grammar"), as one regular expression
    that parse_email matches whole, redact_emails replaces and the PII scan searches for:

    - local part: 1-64 characters, none of them white space, a control character, a
      quote (" or ') or @;
    - domain: at least two labels separated by dots; a label is letters of any alphabet,
      digits and hyphens. "A letter of any alphabet" is an ASCII letter or any character
      from U+00A1 up that is not white space: the same set on every engine (PostgreSQL's
      [[:alpha:]] follows the database's locale, DuckDB's regex knows ASCII only).

    Upper-case ASCII letters are part of the pattern: the scan and the redaction look at
    text as written; parse_email lower-cases before it matches.
-#}
{% macro email_pattern() -%}
    [^@{{ csr_analytics.regex_char(34) }}{{ csr_analytics.regex_char(39) -}}
    {{ csr_analytics.regex_char_range(1, 31) }}{{ csr_analytics.regex_char_range(127, 159) -}}
    {{ csr_analytics.whitespace_class() }}]{1,64}@{{ csr_analytics.email_label() -}}
    ([.]{{ csr_analytics.email_label() }})+
{%- endmacro %}

{#- One label of a domain: ASCII letters, digits, hyphens and the non-ASCII characters
    that are not white space (U+00A1 up, skipping the white space of whitespace.sql). -#}
{% macro email_label() -%}
    [A-Za-z0-9
    {{- csr_analytics.regex_char_range(161, 5759) -}}
    {{- csr_analytics.regex_char_range(5761, 8191) -}}
    {{- csr_analytics.regex_char_range(8206, 8231) -}}
    {{- csr_analytics.regex_char_range(8234, 8238) -}}
    {{- csr_analytics.regex_char_range(8240, 8286) -}}
    {{- csr_analytics.regex_char_range(8288, 12287) -}}
    {{- csr_analytics.regex_char_range(12289, 55295) -}}
    {{- csr_analytics.regex_char_range(57344, 65278) -}}
    {{- csr_analytics.regex_char_range(65280, 1114111) -}}
    -]+
{%- endmacro %}
