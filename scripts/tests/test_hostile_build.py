"""Hostile values, pushed through the whole build on both engines.

Every column of every raw table gets generated hostile values in otherwise valid rows of
the sample exports (``hostile_exports``), plus the named scenarios of
``tests/fixtures/hostile_rows.csv``. Then csr-load and the full ``dbt build`` run on
DuckDB and on PostgreSQL, and:

- the build finishes with no error (no model, no data test), so one value never stops
  a mart;
- every injected row is accounted for: rejected with its reasons in
  ``dq_rejected_rows``, a line the loader could not split, or accepted — and rows are
  conserved per file (``dq_import_summary``);
- both engines give every injected row the same verdict and the same reasons;
- every named scenario gets the reason (or acceptance) the file writes down.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_exports import Injected, write_hostile_exports

from csr_analytics.dev.workspace import Workspace, workspace

# Its fixture builds both engines, for tests that compare them: one process runs them all.
pytestmark = pytest.mark.xdist_group("hostile_build")

SEED = 11
VALUES_PER_COLUMN = 5
Verdict = tuple[str, tuple[str, ...]]


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Injected]]:
    folder = tmp_path_factory.mktemp("hostile") / "exports"
    return folder, write_hostile_exports(folder, SEED, VALUES_PER_COLUMN)


def _verdicts(space: Workspace) -> dict[tuple[str, int], Verdict]:
    """(file, line) -> verdict of every staged row and every loader-rejected line."""
    verdicts: dict[tuple[str, int], Verdict] = {}
    base_tables = [  # the typed base models (the exported_* and webhook_fields steps hold text)
        name
        for (name,) in space.query(
            "select table_name from information_schema.columns where table_schema = 'staging'"
            " and table_name like 'base%' and column_name = '_failures'"
        )
        if name != "base_loader__loads"
    ]
    for name in base_tables:
        where = " where not is_routed" if name == "base_buddy__webhook_events" else ""
        for source_file, line, failures in space.query(
            f"select _source_file, _source_line, _failures from staging.{name}{where}"
        ):
            reasons = tuple(sorted(failures.split(", "))) if failures else ()
            verdicts[(source_file, line)] = ("rejected" if failures else "accepted", reasons)
    for source_file, line in space.query(
        "select source_file, source_line from raw._rejected_lines"
    ):
        verdicts[(source_file, line)] = ("loader", ())
    return verdicts


ENGINES = ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)]
Built = tuple[Workspace, dict[tuple[str, int], Verdict]]


@pytest.fixture(scope="module")
def builds(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    hostile_folder: tuple[Path, list[Injected]],
) -> Iterator[dict[str, Built]]:
    """The hostile folder loaded and built on each engine (PostgreSQL when reachable)."""
    folder, _ = hostile_folder
    results: dict[str, Built] = {}
    with contextlib.ExitStack() as stack:
        for engine in ("duckdb", "postgres"):
            if engine == "postgres":
                try:
                    request.getfixturevalue("postgres_server")
                except pytest.skip.Exception:
                    continue
            space = stack.enter_context(
                workspace(engine, tmp_path_factory.mktemp(f"hostile_{engine}"))
            )
            space.load(folder, check=False)
            result = space.dbt("build", "--exclude-resource-type", "unit_test", check=False)
            summary = result.stdout[result.stdout.rfind("Completed with") :]
            assert result.returncode == 0, summary[-6000:] or result.stdout[-6000:]
            assert "ERROR=0" in result.stdout and "WARN=0" in result.stdout
            results[engine] = (space, _verdicts(space))
        yield results


@pytest.fixture(params=ENGINES)
def built(request: pytest.FixtureRequest, builds: dict[str, Built]) -> Built:
    if request.param not in builds:
        pytest.skip(f"{request.param} is not reachable")
    return builds[request.param]


def test_build_accounts_for_every_injected_row(
    built: Built, hostile_folder: tuple[Path, list[Injected]]
) -> None:
    space, verdicts = built
    _, injected = hostile_folder
    missing = [row for row in injected if (row.source_file, row.line) not in verdicts]
    kinds: dict[str, int] = {}
    for row in injected:
        verdict = verdicts.get((row.source_file, row.line), ("missing", ()))[0]
        kinds[verdict] = kinds.get(verdict, 0) + 1
    columns = {(row.table, row.column) for row in injected}
    print(
        f"{space.engine}: {len(injected)} hostile values in {len(columns)} raw columns: "
        + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    )
    assert len(injected) >= 1000
    assert missing == []
    unbalanced = space.query(
        "select source_file from data_quality.dq_import_summary"
        " where rows_read <> rows_accepted + rows_rejected + loader_rejected_lines"
        " or rows_read <> ledger_rows_read"
    )
    assert unbalanced == []


def test_named_scenarios_get_their_reason(
    built: Built, hostile_folder: tuple[Path, list[Injected]]
) -> None:
    _, verdicts = built
    _, injected = hostile_folder
    wrong = []
    for row in injected:
        if row.expect is None:
            continue
        verdict, reasons = verdicts.get((row.source_file, row.line), ("missing", ()))
        ok = verdict == "accepted" if row.expect == "accepted" else row.expect in reasons
        if not ok:
            wrong.append((row.scenario, row.line, row.expect, verdict, reasons))
    assert wrong == []


# exports.md, "Value grammar": an email, restated here independently of the SQL macros.
_SPACE = "\\s\u0085\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000\ufeff"
_LABEL = (
    "[A-Za-z0-9\u00a1-\u167f\u1681-\u1fff\u200e-\u2027\u202a-\u202e\u2030-\u205e"
    "\u2060-\u2fff\u3001-\ud7ff\ue000-\ufefe\uff00-\U0010ffff-]+"
)
EMAIL = re.compile(f"[^@\"'\x01-\x1f\x7f-\x9f{_SPACE}]{{1,64}}@{_LABEL}(?:[.]{_LABEL})+")


def test_data_quality_tables_hold_no_email(built: Built) -> None:
    space, _ = built
    keys = [
        key or ""
        for table in ("dq_rejected_rows", "dq_warnings")
        for (key,) in space.query(f"select record_key from data_quality.{table}")
    ]
    assert [key for key in keys if EMAIL.search(key)] == []
    assert any("[email]" in key for key in keys)


@pytest.mark.postgres
def test_both_engines_give_every_row_the_same_verdict(
    builds: dict[str, Built], hostile_folder: tuple[Path, list[Injected]]
) -> None:
    assert set(builds) == {"duckdb", "postgres"}
    _, injected = hostile_folder
    duck, post = builds["duckdb"][1], builds["postgres"][1]
    different = [
        (
            row.source_file,
            row.line,
            row.column,
            repr(row.value[:40]),
            duck.get((row.source_file, row.line)),
            post.get((row.source_file, row.line)),
        )
        for row in injected
        if duck.get((row.source_file, row.line)) != post.get((row.source_file, row.line))
    ]
    print(f"{len(injected)} hostile rows on both engines, {len(different)} different verdicts")
    assert different == []
