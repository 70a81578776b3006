"""``make demo``: each export folder is built into a DuckDB file of its own, and says which.

The Makefile is run for real, with a stand-in virtual environment whose csr-load, dbt and
csr-report only write down the database they were pointed at (``CSR_DUCKDB_PATH``) and
their arguments, so nothing is loaded or built.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from csr_analytics.demo import demo_database
from csr_analytics.dev.workspace import PROJECT_DIR, SAMPLE_EXPORTS

TOOLS = ("csr-load", "dbt", "csr-report")


def test_the_sample_keeps_csr_duckdb_however_it_is_spelled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(PROJECT_DIR)
    for spelling in ("data/sample_exports", "./data/sample_exports/", str(SAMPLE_EXPORTS)):
        assert demo_database(Path(spelling), PROJECT_DIR) == PROJECT_DIR / "csr.duckdb"


def test_every_other_folder_has_a_database_of_its_own(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "Exports 2025", tmp_path / "b" / "Exports 2025"
    for folder in (first, second):
        folder.mkdir(parents=True)
    database = demo_database(first, PROJECT_DIR)
    assert database.parent == PROJECT_DIR
    assert database.name.startswith("csr_exports_2025_") and database.suffix == ".duckdb"
    assert database == demo_database(first / ".." / "Exports 2025", PROJECT_DIR)
    assert demo_database(second, PROJECT_DIR) != database  # the same name elsewhere
    assert database != PROJECT_DIR / "csr.duckdb"


def _stand_in_venv(root: Path, log: Path) -> Path:
    """A virtual environment make takes as installed: python is this interpreter, the
    three tools append ``tool|CSR_DUCKDB_PATH|arguments`` to the log."""
    bin_dir = root / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    for tool in TOOLS:
        (bin_dir / tool).write_text(f'#!/bin/sh\necho "{tool}|$CSR_DUCKDB_PATH|$*" >> "{log}"\n')
    for script in bin_dir.iterdir():
        script.chmod(0o755)
    (bin_dir / ".installed").touch()  # newer than pyproject.toml: nothing to install
    return root


def make_demo(tmp_path: Path, exports: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    log = tmp_path / "calls.log"
    venv = _stand_in_venv(tmp_path / "venv", log)
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
    env.pop("CSR_DUCKDB_PATH", None)
    result = subprocess.run(
        ["make", "--no-print-directory", "-o", "profiles.yml", "demo"]
        + [f"VENV={venv}", f"EXPORTS={exports}"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    calls = log.read_text().splitlines() if log.exists() else []
    return result, calls


@pytest.mark.parametrize("which", ["sample", "other"])
def test_make_demo_builds_into_the_folders_database_and_says_so(tmp_path: Path, which: str) -> None:
    if which == "sample":
        exports, expected = "data/sample_exports", "csr.duckdb"
    else:
        folder = tmp_path / "client exports"
        folder.mkdir()
        exports = str(folder)
        expected = demo_database(folder, PROJECT_DIR).name
    result, calls = make_demo(tmp_path, exports)
    assert result.returncode == 0, result.stderr
    assert f"Database: {expected} (for {exports})" in result.stdout.splitlines()
    assert [call.split("|")[:2] for call in calls] == [[tool, expected] for tool in TOOLS]
    assert calls[0].split("|")[2] == f"{exports} --target duckdb"


def test_make_demo_stops_on_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    result, calls = make_demo(tmp_path, str(tmp_path / "missing"))
    assert result.returncode != 0
    assert "is not a folder" in result.stderr
    assert calls == []
