"""``csr-report summary`` on both engines: its Files line follows the latest csr-load run,
and its current rows are the rows staging keeps as current."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import USERS_HEADER, Engine, write_files

from csr_analytics.dev.workspace import BIN, Workspace

COMPANIES = "company_id,company_name,industry,country\nC-1,One Ltd,retail,DE\n"


def users(*numbers: int) -> str:
    return (
        USERS_HEADER
        + "\n"
        + "".join(
            f"u{n},u{n}@example.org,Ann,Lee,participant,2025-01-0{n},en,,,\n" for n in numbers
        )
    )


def summary(engine: Engine) -> list[str]:
    result = subprocess.run(
        [str(BIN / "csr-report"), "summary", *engine.options(engine.name, engine.profiles_dir)],
        env=engine.env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=engine.profiles_dir,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_files_line_reports_the_latest_load_run(engine: Engine, tmp_path: Path) -> None:
    first = write_files(
        tmp_path / "first", {"buddy/users.csv": users(1, 2), "notes/readme.txt": "notes\n"}
    )
    second = write_files(
        tmp_path / "second",
        {"buddy/users.csv": users(1, 2), "platform/companies.csv": COMPANIES},
    )
    assert engine.cli(first).returncode == 0
    assert summary(engine)[0] == "Files of the latest load run: 1 loaded, 1 skipped_unrecognised"
    assert engine.cli(second).returncode == 0
    assert summary(engine)[0] == "Files of the latest load run: 1 loaded, 1 skipped_duplicate"

    runs = engine.query(
        "select run_id, count(*), min(load_id) from raw._loads group by run_id order by run_id"
    )
    assert [count for _, count, _ in runs] == [2, 2]
    assert all(run_id < first_load for run_id, _, first_load in runs)
    assert runs[0][0] < runs[1][0]


def test_files_line_of_a_ledger_from_before_runs(engine: Engine, tmp_path: Path) -> None:
    """Rows written before the loader recorded runs have none: the line counts them all,
    and says so."""
    exports = write_files(tmp_path / "exports", {"buddy/users.csv": users(1)})
    assert engine.cli(exports).returncode == 0
    assert engine.cli(exports).returncode == 0
    engine.execute("update raw._loads set run_id = null")
    assert summary(engine)[0] == (
        "Files (every load; the ledger records no runs): 1 loaded, 1 skipped_duplicate"
    )


def test_current_rows_are_the_current_observations(sample: Workspace) -> None:
    """Staging's Buddy models keep every observation and mark the older ones superseded:
    summed over the Buddy tables (the webhook one too), the summary's current rows are one
    per natural key."""
    result = sample.run([str(BIN / "csr-report"), "summary", "--target", sample.engine])
    table = [line.split() for line in result.stdout.splitlines() if line.startswith("buddy_")]
    current = {cells[0]: int(cells[-1]) for cells in table}
    assert len(current) == 9, current
    keys = sum(
        sample.query(f"select count(distinct _record_key) from staging.{model}")[0][0]
        for model in sorted(
            name
            for (name,) in sample.query(
                "select table_name from information_schema.columns"
                " where table_schema = 'staging' and column_name = 'is_superseded'"
            )
            if name.startswith("stg_buddy__")
        )
    )
    assert keys > 0
    assert sum(current.values()) == keys
    landed = {cells[0]: int(cells[1]) for cells in table}
    assert current["buddy_users"] < landed["buddy_users"]
