"""The names a model's Jinja uses, for sqlfluff's jinja templater (see .sqlfluff).

sqlfluff lints the SQL written in a file. Compiling every file with dbt (the dbt templater)
expanded each macro call in place: a 2 KB staging model became 37 KB of generated SQL that
sqlfluff parsed and linted for most of a minute, only to discard every violation found in
it, since violations in templated code are not reported. Here a call of a project macro
(``csr_analytics.safe_divide(...)``) or of a dbt cross-database macro (``dbt.dateadd(...)``)
renders as one identifier, the macro's name, so the file's own SQL is linted in the same
shape as before, by the same rules, in a fraction of the time.

Macros that return data which the model's Jinja loops over (``journey_flag_keys``, ...)
are not placeholders: the real macro, read from ``macros/``, runs. A new macro of that kind
is added to ``DATA_MACROS``; until it is, a model that loops over it fails to render and
the lint says so.
"""

from __future__ import annotations

import functools as _functools
from pathlib import Path as _Path
from typing import Any as _Any

import jinja2 as _jinja2

_MACROS = _Path(__file__).resolve().parents[3] / "macros"

# Macros whose value the model's Jinja uses as data (iterates, unpacks, indexes).
DATA_MACROS = frozenset(
    {"buddy_reconciled_entities", "journey_flag_keys", "journey_rule_fact_keys"}
)

# dbt macros that render a whole select statement (used as a CTE's body).
_SELECT_MACROS = {
    "date_spine": "select 1 as date_day",
    "generate_series": "select 1 as generated_number",
}


class _Namespace:
    """``<namespace>.<macro>(...)``: the macro's name, or the real macro's data."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, macro: str) -> _Any:
        if macro.startswith("_"):
            raise AttributeError(macro)
        if macro in DATA_MACROS:
            return _data_macro(macro)
        placeholder = _SELECT_MACROS.get(macro, macro) if self._name == "dbt" else macro
        return lambda *args, **kwargs: placeholder


class _Return(Exception):
    def __init__(self, value: _Any) -> None:
        self.value = value


def _return(value: _Any) -> None:
    raise _Return(value)


@_functools.cache
def _data_macro(macro: str) -> _Any:
    """The macro of that name in ``macros/``, returning what it passes to ``return()``."""
    environment = _jinja2.Environment()
    environment.globals["return"] = _return
    for path in sorted(_MACROS.rglob("*.sql")):
        text = path.read_text(encoding="utf-8")
        if f"macro {macro}(" in text:
            defined = getattr(environment.from_string(text).module, macro)
            break
    else:
        raise LookupError(f"no macro {macro} in {_MACROS}")

    def call(*args: _Any, **kwargs: _Any) -> _Any:
        try:
            return defined(*args, **kwargs)
        except _Return as returned:
            return returned.value

    return call


csr_analytics = _Namespace("csr_analytics")
dbt = _Namespace("dbt")
# The compile-time graph and database are not read: a test that inspects them (the PII
# test) is linted on what it writes without them.
execute = False
