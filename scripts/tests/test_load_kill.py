"""A load killed mid-file leaves no trace of that file; the rerun lands it whole."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from conftest import Engine, write_files, write_users_csv

ROWS = 1_000_000


def wait_for_line(process: subprocess.Popen, wanted: str, timeout: float) -> list[str]:
    """Read the process's stdout until a line equals ``wanted``; fail after ``timeout``."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=deadline - time.monotonic())
        except queue.Empty:
            break
        if line is None:
            break
        seen.append(line)
        if line == wanted:
            return seen
    pytest.fail(f"csr-load never printed {wanted!r}; it printed {seen}")


def wait_for_copy_in_progress(engine: Engine, timeout: float = 120) -> None:
    """PostgreSQL: until the loader's COPY into raw.buddy_users has sent rows."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = engine.query(
            "select tuples_processed from pg_stat_progress_copy "
            f"where datname = '{engine.dbname}' and tuples_processed > 0"
        )
        if rows:
            return
        time.sleep(0.05)
    pytest.fail("no COPY into raw.buddy_users was seen in progress")


@pytest.mark.slow
def test_sigkill_mid_file_leaves_no_row_and_rerun_lands_it(engine: Engine, tmp_path: Path) -> None:
    exports = write_files(
        tmp_path / "exports",
        {
            "buddy/matches.csv": (
                "match_id,participant_id,buddy_id,matched_at,status\nm1,u1,u2,2025-01-01,active\n"
            )
        },
    )
    write_users_csv(exports / "buddy" / "users.csv", ROWS)

    process = engine.popen(exports)
    try:
        printed = wait_for_line(process, "loading buddy/users.csv ...", timeout=120)
        if engine.name == "postgres":
            wait_for_copy_in_progress(engine)
        else:
            time.sleep(1.5)
        assert process.poll() is None, "csr-load finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert "buddy/matches.csv: loaded 1 rows (0 lines rejected)" in printed

    assert engine.scalar("select count(*) from raw.buddy_users") == 0
    assert engine.query("select source_file, status from raw._loads order by load_id") == [
        ("buddy/matches.csv", "loaded")
    ]
    assert engine.scalar("select count(*) from raw.buddy_matches") == 1

    rerun = engine.cli(exports)

    assert rerun.returncode == 0, rerun.stderr
    assert "%|" not in rerun.stderr  # no progress bar when stderr is not a terminal
    assert f"buddy/users.csv: loaded {ROWS} rows (0 lines rejected)" in rerun.stdout
    assert engine.query(
        "select count(*), count(distinct _source_line), min(_source_line), max(_source_line), "
        "count(distinct _load_id) from raw.buddy_users"
    ) == [(ROWS, ROWS, 2, ROWS + 1, 1)]
    assert engine.query(
        "select source_file, status, rows_read, rows_landed from raw._loads order by load_id"
    ) == [
        ("buddy/matches.csv", "loaded", 1, 1),
        ("buddy/matches.csv", "skipped_duplicate", 0, 0),
        ("buddy/users.csv", "loaded", ROWS, ROWS),
    ]
