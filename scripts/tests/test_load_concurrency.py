"""Two csr-load processes at once on the same folder.

PostgreSQL: each file lands exactly once (an advisory lock per file hash; the second
loader waits, then sees the first one's ledger row and skips the file). DuckDB allows
one writer per database file: the second loader is refused with a one-line message.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Engine, write_files, write_users_csv

FILES = {
    "buddy/matches.csv": (
        "match_id,participant_id,buddy_id,matched_at,status\nm1,u1,u2,2025-01-01,active\n"
    ),
    "platform/companies.csv": "company_id,company_name\nc1,Acme\nc2,Beta\n",
    "buddy/webhooks/2025-03.jsonl": '{"id":"e1","type":"t","timestamp":"x","data":{}}\n',
}
USERS = 20_000


def exports(tmp_path: Path) -> Path:
    folder = write_files(tmp_path / "exports", FILES)
    write_users_csv(folder / "buddy" / "users.csv", USERS)
    write_users_csv(folder / "buddy" / "users_2025-02-01.csv", USERS // 2)
    return folder


@pytest.mark.postgres
@pytest.mark.parametrize("engine", ["postgres"], indirect=True)
def test_two_loaders_on_postgres_land_each_file_once(engine: Engine, tmp_path: Path) -> None:
    folder = exports(tmp_path)

    first, second = engine.popen(folder), engine.popen(folder)  # started together
    outputs = [process.communicate(timeout=300) for process in (first, second)]

    for process, (_, stderr) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr
    counts = {
        "buddy_users": USERS + USERS // 2,
        "buddy_matches": 1,
        "platform_companies": 2,
        "buddy_webhook_events": 1,
    }
    for table, rows in counts.items():
        assert engine.scalar(f"select count(*) from raw.{table}") == rows, table
    assert (
        engine.scalar(
            "select count(*) from (select _source_file, _source_line from raw.buddy_users "
            "group by 1, 2 having count(*) > 1) as twice"
        )
        == 0
    )
    statuses = engine.query(
        "select source_file, string_agg(status, ',' order by status) from raw._loads "
        "group by source_file order by source_file"
    )
    assert statuses == [
        (name, "loaded,skipped_duplicate")
        for name in sorted([*FILES, "buddy/users.csv", "buddy/users_2025-02-01.csv"])
    ]
    loaded_ids = engine.query(
        "select l.load_id, count(u._load_id) from raw._loads as l "
        "left join raw.buddy_users as u on u._load_id = l.load_id "
        "where l.entity = 'buddy_users' group by l.load_id, l.status order by l.load_id"
    )
    assert sorted(rows for _, rows in loaded_ids) == [0, 0, USERS // 2, USERS]


@pytest.mark.parametrize("engine", ["duckdb"], indirect=True)
def test_second_loader_on_duckdb_is_refused(engine: Engine, tmp_path: Path) -> None:
    folder = exports(tmp_path)
    write_users_csv(folder / "buddy" / "users_2025-03-01.csv", 500_000)  # keeps it busy

    first = engine.popen(folder)
    try:
        assert first.stdout is not None
        line = first.stdout.readline()  # the first loader holds the file from here on
        assert line.startswith("loading "), line
        second = engine.cli(folder)
    finally:
        stdout, stderr = first.communicate(timeout=300)

    assert first.returncode == 0, stderr
    assert second.returncode == 2
    assert second.stdout == ""
    [message] = second.stderr.splitlines()
    assert message.startswith(f"csr-load: error: the duckdb database {engine.duckdb_path} ")
    assert "is in use by another process (PID " in message
    assert "Traceback" not in second.stderr
    # the refused loader changed nothing: every file landed once, by the first
    assert engine.scalar("select count(*) from raw._loads") == 6
    assert engine.scalar("select count(*) from raw._loads where status = 'loaded'") == 6
