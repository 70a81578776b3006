"""The value grammar decides alike on DuckDB and PostgreSQL (exports.md, "Value grammar").

One table of values — the named cases of ``tests/fixtures/value_grammar_cases.csv``, each
with the decision and typed value a person wrote down, plus values generated from them —
goes through the project's own parse macros (compiled by dbt for each engine, exactly as
staging uses them) on both engines. For every value both engines must reach the same
decision (accepted, rejected, out of range, missing) and the same typed value, and for
every named case the one written in the file.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from csr_analytics.dev.workspace import PROJECT_DIR, Workspace, workspace

# Its fixture builds both engines, for tests that compare them: one process runs them all.
pytestmark = pytest.mark.xdist_group("value_grammar")

CASES_FILE = PROJECT_DIR / "tests" / "fixtures" / "value_grammar_cases.csv"
GENERATED_PER_KIND = 150
SEED = 20261207

# kind -> (Jinja expression of the typed value, Jinja expression of the decision)
# The decision is 'missing', 'rejected', 'range' (written as the type, outside its range)
# or 'accepted'; `clean` is the value as staging cleans it (clean_text).
_TYPED = "csr_analytics.typed_value({spec}, 'clean')"
KINDS: dict[str, tuple[str, str]] = {
    "timestamp": (_TYPED.format(spec="{'type': 'timestamp'}"), "plain"),
    "date": (_TYPED.format(spec="{'type': 'date'}"), "plain"),
    "integer": (_TYPED.format(spec="{'type': 'integer'}"), "integer"),
    "integer64": (_TYPED.format(spec="{'type': 'integer', 'bits': 64}"), "integer"),
    "number": (_TYPED.format(spec="{'type': 'number'}"), "number"),
    "money": (_TYPED.format(spec="{'type': 'number', 'precision': 18, 'scale': 2}"), "number"),
    "json_array": (_TYPED.format(spec="{'type': 'json_array'}"), "plain"),
    "json_object": (_TYPED.format(spec="{'type': 'json_object'}"), "plain"),
    "sdg_goals": (_TYPED.format(spec="{'type': 'json_array'}"), "sdg"),
    "webhook": ("csr_analytics.json_get_text('value', ['data', 'v'])", "webhook"),
    "email": (_TYPED.format(spec="{'type': 'email'}"), "plain"),
    "uuid": (_TYPED.format(spec="{'type': 'uuid'}"), "plain"),
    "enum": (_TYPED.format(spec="{'type': 'enum', 'values': ['active', 'inactive']}"), "plain"),
    "text": ("'clean'", "text"),
}


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    value: str
    accepted: str | None  # true | false | range | '' (missing); None for generated values
    typed: str | None


def _decode(field: str) -> str:
    """A value of the cases file: a JSON string, or `=` and a Python expression."""
    if field.startswith("="):
        return str(eval(field[1:], {"__builtins__": {}}, {}))  # noqa: S307 - our own fixture
    return json.loads(field)


def named_cases() -> list[Case]:
    with CASES_FILE.open(encoding="utf-8", newline="") as handle:
        return [
            Case(row["case"], row["type"], _decode(row["value"]), row["accepted"], row["typed"])
            for row in csv.DictReader(handle)
        ]


_NOISE = [
    "",
    " ",
    "0",
    "9",
    "-",
    "+",
    ".",
    ":",
    "T",
    "Z",
    "e",
    "\u00a0",
    "\u200b",
    "\u0661",
    '"',
    "\\",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\\u0000",
    "\\ud800",
    "é",
    "@",
    "x",
]


def generated_cases(cases: list[Case]) -> list[Case]:
    """Values near the named ones: characters inserted, deleted, replaced, duplicated."""
    rng = random.Random(SEED)
    by_kind: dict[str, list[str]] = {}
    for case in cases:
        by_kind.setdefault(case.kind, []).append(case.value)
    generated = []
    for kind, values in sorted(by_kind.items()):
        short = [value for value in values if len(value) < 300] or values
        for number in range(GENERATED_PER_KIND):
            value = list(rng.choice(short))
            for _ in range(rng.randint(1, 3)):
                where = rng.randint(0, len(value))
                action = rng.random()
                if action < 0.4:
                    value.insert(where, rng.choice(_NOISE))
                elif action < 0.7 and value:
                    del value[min(where, len(value) - 1)]
                elif value:
                    value[min(where, len(value) - 1)] = rng.choice(_NOISE)
            generated.append(Case(f"gen_{kind}_{number}", kind, "".join(value), None, None))
    return generated


def _decision_sql(kind: str, typed: str) -> str:
    rule = KINDS[kind][1]
    if rule == "integer":
        return (
            "case when clean is null then 'missing' "
            "when not {{ csr_analytics.integer_syntax_ok('clean') }} then 'rejected' "
            f"when ({{{{ {typed} }}}}) is null then 'range' else 'accepted' end"
        )
    if rule == "number":
        return (
            "case when clean is null then 'missing' "
            "when not {{ csr_analytics.number_syntax_ok('clean') }} then 'rejected' "
            f"when ({{{{ {typed} }}}}) is null then 'range' else 'accepted' end"
        )
    if rule == "sdg":
        return (
            "case when clean is null then 'missing' "
            f"when ({{{{ {typed} }}}}) is null then 'rejected' "
            "when not {{ csr_analytics.json_int_array_within('clean', 1, 17) }} then 'range' "
            "else 'accepted' end"
        )
    if rule == "webhook":
        return (
            "case when {{ csr_analytics.json_is_valid('value') }} "
            "and {{ csr_analytics.webhook_numbers_are_exact('value') }} "
            "then 'accepted' else 'rejected' end"
        )
    if rule == "text":
        return (
            "case when clean is null then 'missing' "
            "when length(clean) > {{ var('max_text_length') }} then 'rejected' "
            "else 'accepted' end"
        )
    return (
        "case when clean is null then 'missing' "
        f"when ({{{{ {typed} }}}}) is null then 'rejected' else 'accepted' end"
    )


def _query_template(kind: str) -> str:
    typed = KINDS[kind][0]
    typed_sql = (
        "case when {{ csr_analytics.json_is_valid('value') }} "
        "and {{ csr_analytics.webhook_numbers_are_exact('value') }} "
        f"then {{{{ {typed} }}}} end"
        if kind == "webhook"
        else f"{{{{ {typed} }}}}"
    )
    return (
        f"-- @@{kind}\n"
        f"select case_id, {_decision_sql(kind, typed)} as decision, {typed_sql} as typed\n"
        "from (select case_id, value, {{ csr_analytics.clean_text('value') }} as clean\n"
        f"    from grammar_cases where kind = '{kind}') as cases\n"
    )


def _compiled_queries(space: Workspace) -> dict[str, str]:
    inline = "\n".join(_query_template(kind) for kind in KINDS)
    result = space.dbt("compile", "--inline", inline, "--output", "json", "--quiet")
    compiled = json.loads(result.stdout)["compiled"]
    queries = {}
    for block in compiled.split("-- @@")[1:]:
        kind, _, sql = block.partition("\n")
        queries[kind.strip()] = sql
    assert set(queries) == set(KINDS)
    return queries


def _support_functions(space: Workspace) -> str:
    result = space.dbt(
        "compile",
        "--inline",
        "{{ csr_analytics.create_support_functions() }}",
        "--output",
        "json",
        "--quiet",
    )
    return json.loads(result.stdout)["compiled"]


def _normalise(kind: str, typed: Any) -> Any:
    """Typed values as comparable Python values (JSON by value, not by spelling)."""
    if typed is None:
        return None
    if kind in ("json_array", "json_object", "sdg_goals"):
        return json.loads(typed)
    if kind == "webhook" and isinstance(typed, str) and typed[:1] in ("[", "{"):
        return json.loads(typed)
    return typed


def _run_cases(space: Workspace, cases: list[Case]) -> dict[str, tuple[str, Any]]:
    queries = _compiled_queries(space)
    rows = [(case.name, case.kind, case.value) for case in cases]
    results: dict[str, tuple[str, Any]] = {}
    kinds = {case.name: case.kind for case in cases}
    if space.engine == "duckdb":
        import duckdb

        with duckdb.connect(str(space.folder / "csr.duckdb")) as connection:
            connection.execute("create table grammar_cases (case_id text, kind text, value text)")
            connection.executemany("insert into grammar_cases values (?, ?, ?)", rows)
            for sql in queries.values():
                for name, decision, typed in connection.execute(sql).fetchall():
                    results[name] = (decision, _normalise(kinds[name], typed))
        return results
    import psycopg

    from csr_analytics.dev.workspace import server_settings

    settings = server_settings()
    with psycopg.connect(dbname=space.database, autocommit=True, **settings) as connection:
        connection.execute(_support_functions(space))
        connection.execute("create table grammar_cases (case_id text, kind text, value text)")
        with connection.cursor() as cursor:
            cursor.executemany("insert into grammar_cases values (%s, %s, %s)", rows)
        for sql in queries.values():
            for name, decision, typed in connection.execute(sql).fetchall():
                results[name] = (decision, _normalise(kinds[name], typed))
    return results


def _expected_typed(case: Case) -> Any:
    """The typed value a case file row writes down, as the engines return it."""
    text = case.typed
    if not text:
        return None
    if case.kind == "timestamp":
        return datetime.fromisoformat(text)
    if case.kind == "date":
        return date.fromisoformat(text)
    if case.kind in ("integer", "integer64"):
        return int(text)
    if case.kind in ("number", "money"):
        return Decimal(text)
    return text


EXPECTED_DECISION = {"true": "accepted", "false": "rejected", "range": "range", "": "missing"}


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Every case decided on both engines: engine -> case -> (decision, typed value)."""
    cases = named_cases()
    cases += generated_cases(cases)
    results: dict[str, Any] = {"cases": cases}
    for engine in ("duckdb", "postgres"):
        with workspace(engine, tmp_path_factory.mktemp(f"grammar_{engine}")) as space:
            results[engine] = _run_cases(space, cases)
    yield results


@pytest.mark.postgres
def test_both_engines_decide_every_value_alike(decided: dict[str, Any]) -> None:
    cases: list[Case] = decided["cases"]
    disagreements = [
        (
            case.name,
            repr(case.value[:80]),
            decided["duckdb"][case.name],
            decided["postgres"][case.name],
        )
        for case in cases
        if decided["duckdb"][case.name] != decided["postgres"][case.name]
    ]
    print(f"value grammar: {len(cases)} values on both engines, {len(disagreements)} disagreements")
    assert disagreements == []


@pytest.mark.postgres
@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_named_cases_decide_as_written(decided: dict[str, Any], engine: str) -> None:
    wrong = []
    for case in decided["cases"]:
        if case.accepted is None:
            continue
        decision, typed = decided[engine][case.name]
        expected = EXPECTED_DECISION[case.accepted]
        if decision != expected or (case.typed and typed != _expected_typed(case)):
            wrong.append((case.name, repr(case.value[:60]), expected, case.typed, decision, typed))
    assert wrong == []


def test_the_cases_file_covers_every_kind() -> None:
    kinds = {case.kind for case in named_cases()}
    assert kinds == set(KINDS)
    assert len(named_cases()) >= 200
