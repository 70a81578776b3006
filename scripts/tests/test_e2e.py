"""End-to-end: the sample exports, loaded and built with dbt, on DuckDB and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from csr_analytics.dev.workspace import BIN, PROJECT_DIR, Workspace, workspace
from csr_analytics.dev.workspace import SAMPLE_EXPORTS as SAMPLE

ENGINES = ("duckdb", "postgres")


def counts(space: Workspace, schema: str) -> dict[str, int]:
    names = [
        row[0]
        for row in space.query(
            "select table_name from information_schema.tables where table_schema = %s",
            (schema,),
        )
    ]
    return {name: space.query(f"select count(*) from {schema}.{name}")[0][0] for name in names}


def test_build_lands_every_sample_file(sample: Workspace) -> None:
    statuses = dict(sample.query("select status, count(*) from raw._loads group by status"))
    assert statuses.get("loaded", 0) > 20
    assert "rejected" not in statuses


def test_loading_twice_changes_nothing(sample: Workspace) -> None:
    raw_before, staging_before = counts(sample, "raw"), counts(sample, "staging")
    statuses = dict(sample.query("select status, count(*) from raw._loads group by status"))
    last = sample.query("select max(load_id) from raw._loads")[0][0]
    again = sample.load(SAMPLE)
    assert again.returncode == 0
    new_rows = dict(
        sample.query(
            "select status, count(*) from raw._loads where load_id > %s group by status", (last,)
        )
    )
    expected = {"skipped_duplicate": statuses["loaded"]}
    if statuses.get("skipped_unrecognised"):
        expected["skipped_unrecognised"] = statuses["skipped_unrecognised"]
    assert new_rows == expected
    raw_after = counts(sample, "raw")
    raw_after["_loads"] -= sum(new_rows.values())
    assert raw_after == raw_before
    assert counts(sample, "staging") == staging_before


def test_rows_are_conserved_per_file(sample: Workspace) -> None:
    broken = sample.query(
        "select source_file from data_quality.dq_import_summary"
        " where rows_read <> rows_accepted + rows_rejected + loader_rejected_lines"
        " or rows_read <> ledger_rows_read"
    )
    assert broken == []
    assert sample.query("select count(*) from data_quality.dq_rejected_rows")[0][0] > 0


def _expected(name: str) -> list[dict[str, Any]]:
    import csv

    path = PROJECT_DIR / "scripts" / "tests" / "fixtures" / "violations" / name
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module", params=ENGINES)
def violations(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Workspace]:
    engine = request.param
    if engine == "postgres":
        request.getfixturevalue("postgres_server")
    with workspace(engine, tmp_path_factory.mktemp(f"violations_{engine}")) as space:
        space.load(PROJECT_DIR / "scripts" / "tests" / "fixtures" / "violations")
        space.dbt(
            "build",
            "--select",
            "staging",
            "+dq_rejected_rows",
            "+dq_warnings",
            "+dq_import_summary",
        )
        yield space


def test_every_validity_rule_rejects_its_row(violations: Workspace) -> None:
    found = {
        (file, int(line)): set(reasons.split(", "))
        for file, line, reasons in violations.query(
            "select _source_file, _source_line, reasons from data_quality.dq_rejected_rows"
        )
    }
    missing = [
        row
        for row in _expected("expected_rejections.csv")
        if row["reason"] not in found.get((row["source_file"], int(row["source_line"])), set())
    ]
    assert missing == []


def test_every_warning_is_listed(violations: Workspace) -> None:
    found = {
        (file, int(line)): set(reasons.split(", "))
        for file, line, reasons in violations.query(
            "select _source_file, _source_line, reasons from data_quality.dq_warnings"
        )
    }
    missing = [
        row
        for row in _expected("expected_warnings.csv")
        if row["reason"] not in found.get((row["source_file"], int(row["source_line"])), set())
    ]
    assert missing == []


def test_no_rejected_row_reaches_staging(violations: Workspace) -> None:
    stg = [
        row[0]
        for row in violations.query(
            "select table_name from information_schema.tables"
            " where table_schema = 'staging' and table_name like 'stg\\_%' escape '\\'"
            " and table_name not like 'stg\\_loader\\_\\_%' escape '\\'"
        )
    ]
    leaked = []
    for name in stg:
        leaked += violations.query(
            f"select '{name}', s._source_file, s._source_line from staging.{name} as s"
            " inner join data_quality.dq_rejected_rows as r"
            " on s._load_id = r._load_id and s._source_line = r._source_line"
            " and s._source_table = r.source_table"
        )
    assert leaked == []


def test_generated_people_build_and_conserve_rows(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("generated")
    with workspace("duckdb", folder / "db") as space:
        space.run(
            [
                str(BIN / "csr-generate"),
                "--people",
                "300",
                "--seed",
                "7",
                "--out",
                str(folder / "exports"),
            ]
        )
        space.load(folder / "exports")
        space.dbt("build")
        broken = space.query(
            "select source_file from data_quality.dq_import_summary"
            " where rows_read <> ledger_rows_read"
        )
        assert broken == []
