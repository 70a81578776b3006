"""csr-load against real engines: every test runs on DuckDB and on PostgreSQL."""

from __future__ import annotations

import codecs
import fcntl
import hashlib
import json
import os
import pty
import struct
import subprocess
import termios
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import CSR_LOAD, PROJECT_DIR, USERS_HEADER, Engine, write_files, write_users_csv

from csr_analytics.contract import LEDGER_COLUMNS, REJECTED_LINES_COLUMNS, load_contract
from csr_analytics.load import FileResult, ensure_raw_tables, load_exports


def users_csv(*rows: str, header: str = USERS_HEADER, preamble: str = "") -> str:
    return preamble + header + "\n" + "".join(row + "\n" for row in rows)


def user_row(number: int, name: str = "Ann") -> str:
    return f"u{number},u{number}@example.org,{name},Lee,participant,2025-01-0{number % 9 + 1},en,,,"


def load(engine: Engine, exports: Path, **options: int) -> dict[str, FileResult]:
    results = load_exports(
        exports,
        target=engine.name,
        profiles_dir=engine.profiles_dir,
        project_dir=PROJECT_DIR,
        **options,
    )
    return {result.source_file: result for result in results}


def ledger(engine: Engine) -> list[dict]:
    names = list(LEDGER_COLUMNS)
    rows = engine.query(f"select {', '.join(names)} from raw._loads order by load_id")
    return [dict(zip(names, row, strict=True)) for row in rows]


def rejected_lines(engine: Engine) -> list[tuple]:
    return engine.query(
        "select source_file, source_line, raw_line, error from raw._rejected_lines "
        "order by source_file, source_line"
    )


def count(engine: Engine, table: str) -> int:
    return engine.scalar(f"select count(*) from raw.{table}")


# --------------------------------------------------------------------- happy path


def test_loads_a_small_folder_with_lineage_and_ledger(engine: Engine, tmp_path: Path) -> None:
    users = users_csv(
        'u1, A@X.org ,Ann,,participant,2025-01-01,en,"[""music"",""chess""]",Berlin,',
        "u2,b@x.org,Bob,B,buddy,2025-01-02,,,,",
        preamble=(
            "# Export ID: exp-1\n# Export Date: 2025-06-30T02:00:00Z\n"
            "# Date Range: 2025-01-01 to 2025-06-30\n# Total Records: 2\n"
        ),
    )
    exports = write_files(
        tmp_path / "exports",
        {
            "buddy/users_2025-06-30.csv": users,
            "platform/companies.csv": "company_id,company_name\nc1,Acme\n",
            "upskilling/course_progress_2025-05-31.csv": (
                "user_email,provider,course_id,course_name,status,updated_at\n"
                "a@x.org,ecornell,C1,Intro,enrolled,2025-05-01\n"
            ),
        },
    )
    before = datetime.now(UTC).replace(tzinfo=None)
    results = load(engine, exports)

    assert [r.status for r in results.values()] == ["loaded"] * 3
    assert results["buddy/users_2025-06-30.csv"].rows_landed == 2
    assert results["buddy/users_2025-06-30.csv"].seconds > 0
    rows = engine.query(
        "select id, email, last_name, interests, language_preference, left_at, _source_file, "
        "_source_line, _extra, _load_id, _loaded_at from raw.buddy_users order by _source_line"
    )
    assert [row[:9] for row in rows] == [
        (
            "u1",
            " A@X.org ",
            "",
            '["music","chess"]',
            "en",
            "",
            "buddy/users_2025-06-30.csv",
            6,
            None,
        ),
        ("u2", "b@x.org", "B", "", "", "", "buddy/users_2025-06-30.csv", 7, None),
    ]
    assert engine.query("select industry, country from raw.platform_companies") == [(None, None)]

    entries = ledger(engine)
    assert [e["source_file"] for e in entries] == sorted(results)
    assert [e["load_id"] for e in entries] == sorted(e["load_id"] for e in entries)
    users_entry = entries[0]
    assert rows[0][9] == users_entry["load_id"]
    assert users_entry["entity"] == "buddy_users"
    assert users_entry["file_sha256"] == hashlib.sha256(users.encode()).hexdigest()
    assert users_entry["export_id"] == "exp-1"
    assert users_entry["export_date"] == "2025-06-30T02:00:00Z"
    assert users_entry["export_date_source"] == "header"
    assert json.loads(users_entry["metadata"]) == {
        "Export ID": "exp-1",
        "Export Date": "2025-06-30T02:00:00Z",
        "Date Range": "2025-01-01 to 2025-06-30",
        "Total Records": "2",
    }
    assert (users_entry["rows_read"], users_entry["rows_landed"]) == (2, 2)
    assert (users_entry["status"], users_entry["error"]) == ("loaded", None)
    assert before <= users_entry["started_at"] <= users_entry["finished_at"]
    assert rows[0][10] == users_entry["started_at"]  # _loaded_at: naive UTC
    assert users_entry["started_at"] - before < timedelta(minutes=5)
    companies, progress = entries[1], entries[2]
    assert (companies["export_date"], companies["export_date_source"]) == (None, None)
    assert companies["metadata"] is None
    assert (progress["export_date"], progress["export_date_source"]) == ("2025-05-31", "file_name")


def test_second_load_skips_every_file_and_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    users = users_csv(user_row(1), user_row(2))
    exports = write_files(
        tmp_path / "exports",
        {
            "buddy/users.csv": users,
            "buddy/users_copy.csv": users,  # same bytes, other name
            "buddy/webhooks/a.jsonl": '{"id":"e1","type":"t","timestamp":"x","data":{}}\n',
            "platform/companies.csv": "company_id,company_name\nc1,Acme\n",
        },
    )
    first = load(engine, exports)
    assert first["buddy/users_copy.csv"].status == "skipped_duplicate"
    counts = {
        t: count(engine, t) for t in ("buddy_users", "buddy_webhook_events", "platform_companies")
    }
    assert counts == {"buddy_users": 2, "buddy_webhook_events": 1, "platform_companies": 1}

    second = load(engine, exports)

    assert {r.status for r in second.values()} == {"skipped_duplicate"}
    assert {t: count(engine, t) for t in counts} == counts
    entries = ledger(engine)
    assert len(entries) == 8
    skipped = [e for e in entries if e["status"] == "skipped_duplicate"]
    assert len(skipped) == 5
    assert all(e["rows_landed"] == 0 and "already loaded" in e["error"] for e in skipped)
    assert skipped[-1]["entity"] == "platform_companies"


def test_empty_folder_creates_every_raw_table(engine: Engine, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()

    assert load(engine, exports) == {}

    contract = load_contract(PROJECT_DIR)
    rows = engine.query(
        "select table_name, column_name, data_type from information_schema.columns "
        "where table_schema = 'raw'"
    )
    columns: dict[str, dict[str, str]] = {}
    for table, column, data_type in rows:
        columns.setdefault(table, {})[column] = data_type.lower()
    text = "varchar" if engine.name == "duckdb" else "text"
    timestamp = "timestamp" if engine.name == "duckdb" else "timestamp without time zone"
    for table in contract.tables:
        expected = {column: text for column in table.columns}
        expected |= {"_load_id": "bigint", "_source_file": text, "_source_line": "integer"}
        expected |= {"_loaded_at": timestamp, "_extra": text, "_export_date": text}
        assert columns[table.name] == expected, table.name
    assert set(columns["_loads"]) == set(LEDGER_COLUMNS)
    assert set(columns["_rejected_lines"]) == set(REJECTED_LINES_COLUMNS)
    assert ledger(engine) == []


def test_rows_carry_their_files_export_date(engine: Engine, tmp_path: Path) -> None:
    """Every landed row holds its file's export date as the ledger has it: the metadata
    line's text, else the date in the file name, else nothing."""
    row = "00000000-0000-4000-8000-000000000001,a@example.org,A,B,buddy,2025-01-01,,,,"
    exports = write_files(
        tmp_path / "exports",
        {
            "buddy/users.csv": f"# Export Date: 2025-06-30T02:00:00Z\n{USERS_HEADER}\n{row}\n",
            "buddy/users_2025-05-31.csv": f"{USERS_HEADER}\n{row}\n",
            "buddy/users_undated.csv": f"{USERS_HEADER}\n{row}\n",
        },
    )
    load(engine, exports)
    landed = engine.query(
        "select _source_file, _export_date from raw.buddy_users order by _source_file"
    )
    assert landed == [
        ("buddy/users.csv", "2025-06-30T02:00:00Z"),
        ("buddy/users_2025-05-31.csv", "2025-05-31"),
        ("buddy/users_undated.csv", None),
    ]
    assert (
        engine.query("select source_file, export_date from raw._loads order by source_file")
        == landed
    )


def test_rows_landed_before_export_dates_take_the_ledgers(engine: Engine) -> None:
    """A raw table from before the `_export_date` column gets it, filled from the ledger."""
    engine.execute("create schema raw")
    engine.execute("create table raw.buddy_users (id text, _load_id bigint)")
    engine.execute("create table raw._loads (load_id bigint, export_date text)")
    engine.execute("insert into raw.buddy_users values ('a', 1), ('b', 2)")
    engine.execute("insert into raw._loads values (1, '2025-03-31T02:00:00Z'), (2, null)")

    ensure_raw_tables(engine.name, engine.profiles_dir, PROJECT_DIR)

    assert engine.query("select id, _export_date from raw.buddy_users order by id") == [
        ("a", "2025-03-31T02:00:00Z"),
        ("b", None),
    ]


def test_ensure_raw_tables_adds_missing_columns(engine: Engine) -> None:
    engine.execute("create schema raw")
    engine.execute("create table raw.buddy_users (id text)")
    engine.execute("insert into raw.buddy_users values ('kept')")

    ensure_raw_tables(engine.name, engine.profiles_dir, PROJECT_DIR)
    ensure_raw_tables(engine.name, engine.profiles_dir, PROJECT_DIR)  # idempotent

    assert engine.query("select id, email, _load_id, _extra from raw.buddy_users") == [
        ("kept", None, None, None)
    ]
    assert count(engine, "_loads") == 0


# ---------------------------------------------------------------- file rejections


def test_missing_required_column_rejects_the_file_only(engine: Engine, tmp_path: Path) -> None:
    exports = write_files(
        tmp_path / "exports",
        {
            "buddy/users.csv": "id,first_name,last_name,role,joined_at\nu1,A,B,buddy,2025-01-01\n",
            "platform/companies.csv": "company_id,company_name\nc1,Acme\n",
        },
    )

    process = engine.cli(exports)

    assert process.returncode == 1, process.stderr
    expected = 'buddy/users.csv: rejected: buddy/users.csv, line 1: missing required column "email"'
    assert expected in process.stdout
    assert "platform/companies.csv: loaded 1 rows (0 lines rejected)" in process.stdout
    assert "1 rejected" in process.stdout.splitlines()[-1]
    assert count(engine, "buddy_users") == 0
    assert count(engine, "platform_companies") == 1
    users_entry = ledger(engine)[0]
    assert users_entry["status"] == "rejected"
    assert users_entry["rows_landed"] == 0
    assert '"email"' in users_entry["error"] and "buddy/users.csv" in users_entry["error"]


def test_invalid_utf8_rejects_the_file_with_its_line(engine: Engine, tmp_path: Path) -> None:
    good = [user_row(n) for n in range(1, 8)]
    data = users_csv(*good).encode() + b"u9,bad\xff@x.org,A,B,buddy,2025-01-01,,,,\n"
    exports = write_files(tmp_path / "exports", {"buddy/users.csv": data})

    results = load(engine, exports, batch_size=2)  # some batches land before the bad line

    result = results["buddy/users.csv"]
    assert result.status == "rejected"
    assert result.error == "buddy/users.csv, line 9: invalid UTF-8 (byte 0xff)"
    assert count(engine, "buddy_users") == 0
    assert [e["status"] for e in ledger(engine)] == ["rejected"]


def test_total_records_mismatch_rejects_the_file(engine: Engine, tmp_path: Path) -> None:
    preamble = "# Export ID: e\n# Total Records: 3\n"
    exports = write_files(
        tmp_path / "exports",
        {
            "buddy/users.csv": users_csv(user_row(1), user_row(2), preamble=preamble),
            # rows read = landed + rejected lines: 2 + 1 = 3 matches
            "buddy/users_2025-02-01.csv": users_csv(
                user_row(3), "u4,too,few", user_row(5), preamble=preamble
            ),
        },
    )

    results = load(engine, exports, batch_size=1)

    assert results["buddy/users.csv"].status == "rejected"
    assert results["buddy/users.csv"].error == (
        "buddy/users.csv, line 2: Total Records is 3 but the file has 2 data records"
    )
    assert results["buddy/users_2025-02-01.csv"].status == "loaded"
    assert engine.query("select id from raw.buddy_users order by id") == [("u3",), ("u5",)]
    assert [e["rows_read"] for e in ledger(engine)] == [2, 3]


def test_file_without_header_is_rejected(engine: Engine, tmp_path: Path) -> None:
    exports = write_files(tmp_path / "exports", {"buddy/users.csv": "# Export ID: x\n\n"})

    result = load(engine, exports)["buddy/users.csv"]

    assert (result.status, result.error) == ("rejected", "buddy/users.csv, line 3: no header row")


def test_nul_character_rejects_its_line_and_the_rest_lands(engine: Engine, tmp_path: Path) -> None:
    text = users_csv(
        user_row(1),
        "u2,b@x.org,A\x00,B,buddy,2025-01-01,,,,",
        user_row(3),
        'u4,d@x.org,"two\nli\x00nes",B,buddy,2025-01-01,,,,',
        "u5,\x00short",
        user_row(6),
        preamble="# Total Records: 6\n",
    )
    exports = write_files(tmp_path / "exports", {"buddy/users.csv": text})

    result = load(engine, exports, batch_size=2)["buddy/users.csv"]

    assert (result.status, result.rows_landed, result.lines_rejected) == ("loaded", 3, 3)
    assert engine.query("select id, _source_line from raw.buddy_users order by 2") == [
        ("u1", 3),
        ("u3", 5),
        ("u6", 9),
    ]
    nul = "NUL character in the line"
    assert rejected_lines(engine) == [
        ("buddy/users.csv", 4, "u2,b@x.org,A\\u0000,B,buddy,2025-01-01,,,,", nul),
        ("buddy/users.csv", 6, 'u4,d@x.org,"two\nli\\u0000nes",B,buddy,2025-01-01,,,,', nul),
        ("buddy/users.csv", 8, "u5,\\u0000short", nul),
    ]
    assert (ledger(engine)[0]["rows_read"], ledger(engine)[0]["rows_landed"]) == (6, 3)


UTF16_HEADER = "looks like UTF-16: NUL character in the header line; save it as UTF-8"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            users_csv(user_row(1)).encode("utf-16"),  # little-endian, with its BOM
            "line 1: looks like UTF-16: it starts with the UTF-16 byte-order mark FF FE; "
            "save it as UTF-8",
        ),
        (
            codecs.BOM_UTF16_BE + users_csv(user_row(1)).encode("utf-16-be"),
            "line 1: looks like UTF-16: it starts with the UTF-16 byte-order mark FE FF; "
            "save it as UTF-8",
        ),
        (users_csv(user_row(1)).encode("utf-16-le"), f"line 1: {UTF16_HEADER}"),
        (users_csv(user_row(1)).encode("utf-16-be"), f"line 1: {UTF16_HEADER}"),
        (("\n" + users_csv(user_row(1))).encode("utf-16-le"), f"line 2: {UTF16_HEADER}"),
        (
            users_csv(user_row(1), preamble="# Export ID: x\n").encode("utf-16-le"),
            "line 1: looks like UTF-16: NUL character in a metadata line before the header; "
            "save it as UTF-8",
        ),
        (
            b"# Export ID: x\n" + users_csv(user_row(1)).replace(",email", ",e\x00mail").encode(),
            f"line 2: {UTF16_HEADER}",
        ),
    ],
    ids=["bom_le", "bom_be", "le", "be", "blank_first_line", "metadata_line", "one_nul"],
)
def test_a_file_that_looks_utf16_is_rejected_whole(
    engine: Engine, tmp_path: Path, data: bytes, error: str
) -> None:
    exports = write_files(tmp_path / "exports", {"buddy/users.csv": data})

    result = load(engine, exports)["buddy/users.csv"]

    assert (result.status, result.error) == ("rejected", f"buddy/users.csv, {error}")
    assert count(engine, "buddy_users") == 0
    assert rejected_lines(engine) == []


# ------------------------------------------------------------------ line handling


def test_malformed_lines_are_kept_and_the_rest_lands(engine: Engine, tmp_path: Path) -> None:
    text = users_csv(
        user_row(1),
        user_row(2) + ",surplus,fields",
        user_row(3),
        "u4,short",
        "",
        user_row(5),
    )
    exports = write_files(tmp_path / "exports", {"buddy/users.csv": text})

    result = load(engine, exports)["buddy/users.csv"]

    assert (result.status, result.rows_landed, result.lines_rejected) == ("loaded", 3, 2)
    assert engine.query("select id, _source_line from raw.buddy_users order by 2") == [
        ("u1", 2),
        ("u3", 4),
        ("u5", 7),
    ]
    assert rejected_lines(engine) == [
        ("buddy/users.csv", 3, user_row(2) + ",surplus,fields", "expected 10 fields, found 12"),
        ("buddy/users.csv", 5, "u4,short", "expected 10 fields, found 2"),
    ]
    load_id = engine.scalar("select load_id from raw._loads")
    assert engine.scalar("select min(load_id) from raw._rejected_lines") == load_id
    assert (ledger(engine)[0]["rows_read"], ledger(engine)[0]["rows_landed"]) == (5, 3)


def test_multiline_quoted_fields_keep_their_start_line(engine: Engine, tmp_path: Path) -> None:
    text = (
        USERS_HEADER + "\r\n"
        'u1,a@x.org,"Ann\r\nMarie",Lee,participant,2025-01-01,en,,"Line one\nline two\nthree",\r\n'
        "u2,b@x.org,Bob,Lee,buddy,2025-01-01,en,,,\r\n"
        'u3,c@x.org,"broken\nrecord",Lee\r\n'
        'u4,d@x.org,"quote "" inside",Lee,buddy,2025-01-01,en,,,\r\n'
    )
    data = b"\xef\xbb\xbf" + text.encode()  # a byte-order mark is ignored
    exports = write_files(tmp_path / "exports", {"buddy/users.csv": data})

    result = load(engine, exports)["buddy/users.csv"]

    assert (result.rows_landed, result.lines_rejected) == (3, 1)
    assert engine.query(
        "select id, first_name, location, left_at, _source_line from raw.buddy_users order by id"
    ) == [
        ("u1", "Ann\r\nMarie", "Line one\nline two\nthree", "", 2),
        ("u2", "Bob", "", "", 6),
        ("u4", 'quote " inside', "", "", 9),
    ]
    assert rejected_lines(engine) == [
        ("buddy/users.csv", 7, 'u3,c@x.org,"broken\nrecord",Lee', "expected 10 fields, found 4")
    ]


def test_unparseable_quoting_is_a_rejected_line(engine: Engine, tmp_path: Path) -> None:
    text = users_csv(user_row(1), 'u2,"b@x.org"x,A,B,buddy,2025-01-01,,,,', user_row(3))
    exports = write_files(tmp_path / "exports", {"buddy/users.csv": text})

    result = load(engine, exports)["buddy/users.csv"]

    assert (result.status, result.rows_landed, result.lines_rejected) == ("loaded", 2, 1)
    [(_, line, raw, error)] = rejected_lines(engine)
    assert (line, raw) == (3, 'u2,"b@x.org"x,A,B,buddy,2025-01-01,,,,')
    assert error.startswith("cannot parse")


# ------------------------------------------------------------------------- headers


def test_semicolon_kintell_file_and_normalised_headers(engine: Engine, tmp_path: Path) -> None:
    exports = write_files(
        tmp_path / "exports",
        {
            "kintell/users_2025-06-01.csv": (
                " Email ;Name;Linkedin_URL;Verification_status;Role when joined;grant_access;"
                "Joined_kg_at\n"
                'x@y.org;"Smith; John";https://l.in/x;verified;Mentor;true;2025-01-01\n'
            ),
            "kintell/language-for-ukraine-2025.csv": (
                "SESSION_ID,Participant Email,volunteer_email,scheduled_at,rating\n"
                's1,p@x.org,v@x.org,2025-03-01,"4,5"\n'
            ),
        },
    )

    results = load(engine, exports)

    assert {r.status for r in results.values()} == {"loaded"}
    assert engine.query(
        "select email, name, linkedin_url, role_when_joined, joined_kg_at, _extra "
        "from raw.kintell_users"
    ) == [("x@y.org", "Smith; John", "https://l.in/x", "Mentor", "2025-01-01", None)]
    assert engine.query(
        "select session_id, participant_email, rating, completed_at "
        "from raw.kintell_language_sessions"
    ) == [("s1", "p@x.org", "4,5", None)]


def test_unknown_columns_go_to_extra(engine: Engine, tmp_path: Path) -> None:
    header = USERS_HEADER + ",Hobby,Shoe size"
    exports = write_files(
        tmp_path / "exports",
        {"buddy/users.csv": users_csv(user_row(1) + ",chess,", header=header)},
    )

    load(engine, exports)

    extra = engine.scalar("select _extra from raw.buddy_users")
    assert json.loads(extra) == {"Hobby": "chess", "Shoe size": ""}


def test_hostile_header_cannot_inject(engine: Engine, tmp_path: Path) -> None:
    engine.execute("create table x (keep integer)")
    engine.execute("insert into x values (1)")
    hostile = 'id"; drop table x; --'
    header = USERS_HEADER + ',"id""; drop table x; --","email"'
    exports = write_files(
        tmp_path / "exports",
        {"buddy/users.csv": users_csv(user_row(1) + ",boom,second@x.org", header=header)},
    )

    result = load(engine, exports)["buddy/users.csv"]

    assert result.status == "loaded"
    assert engine.scalar("select count(*) from x") == 1
    email, extra = engine.query("select email, _extra from raw.buddy_users")[0]
    assert email == "u1@example.org"  # the first "email" column wins
    assert json.loads(extra) == {hostile: "boom", "email": "second@x.org"}


# --------------------------------------------------------------------------- JSON


BUDDY_EXPORT = """{
  "export_metadata": {
    "export_id": "j-1",
    "export_date": "2025-06-30T00:00:00Z",
    "date_range": {"start": "2025-01-01", "end": "2025-06-30"},
    "program_name": "Buddy",
    "version": "2.1",
    "record_counts": {"users": 2, "feedback": 1, "matches": 0}
  },
  "users": [
    {"id": "u1", "email": "a@x.org", "first_name": "A", "last_name": "B", "role": "buddy",
     "joined_at": "2025-01-01T00:00:00Z", "interests": ["music", "chess"], "left_at": null,
     "Nickname": "Al"},
    {"id": "u2", "email": "b@x.org", "first_name": "C", "last_name": "D", "role": "participant",
     "joined_at": "2025-01-02", "location": {"city": "Kyiv", "n": 1.50}}
  ],
  "feedback": [
    {"feedback_id": "f1", "match_id": "m1", "from_role": "buddy", "rating": 0.80,
     "submitted_at": "2025-02-01", "communication": 1, "helpfulness": true, "engagement": 1e-1}
  ],
  "matches": []
}
"""


def test_json_export_lands_in_the_entity_tables(engine: Engine, tmp_path: Path) -> None:
    exports = write_files(
        tmp_path / "exports", {"buddy/buddy_export_2025-06-30.json": BUDDY_EXPORT}
    )

    result = load(engine, exports)["buddy/buddy_export_2025-06-30.json"]

    assert (result.status, result.entity, result.rows_landed) == ("loaded", "buddy_export", 3)
    assert result.rows_by_table == {"buddy_users": 2, "buddy_feedback": 1, "buddy_matches": 0}
    users = engine.query(
        "select id, interests, left_at, location, language_preference, _source_line, _extra "
        "from raw.buddy_users order by id"
    )
    assert users == [
        ("u1", '["music","chess"]', None, None, None, 1, '{"Nickname": "Al"}'),
        ("u2", None, None, '{"city":"Kyiv","n":1.5}', None, 2, None),
    ]
    assert engine.query(
        "select rating, communication, helpfulness, engagement, _source_file "
        "from raw.buddy_feedback"
    ) == [("0.80", "1", "true", "1e-1", "buddy/buddy_export_2025-06-30.json")]
    entry = ledger(engine)[0]
    assert (entry["entity"], entry["export_id"]) == ("buddy_export", "j-1")
    assert (entry["export_date"], entry["export_date_source"]) == ("2025-06-30T00:00:00Z", "json")
    assert json.loads(entry["metadata"])["record_counts"] == {
        "users": 2,
        "feedback": 1,
        "matches": 0,
    }
    assert (entry["rows_read"], entry["rows_landed"]) == (3, 3)


def test_json_export_record_counts_mismatch_rejects(engine: Engine, tmp_path: Path) -> None:
    text = BUDDY_EXPORT.replace('"users": 2', '"users": 3')
    exports = write_files(tmp_path / "exports", {"buddy/buddy_export_2025-06-30.json": text})

    result = load(engine, exports)["buddy/buddy_export_2025-06-30.json"]

    assert result.status == "rejected"
    assert result.error == (
        "buddy/buddy_export_2025-06-30.json, line 8: "
        "record_counts.users is 3 but the users array has 2 elements"
    )
    assert count(engine, "buddy_users") + count(engine, "buddy_feedback") == 0
    assert ledger(engine)[0]["status"] == "rejected"


def test_json_export_elements_and_shape(engine: Engine, tmp_path: Path) -> None:
    shapes = {
        "buddy/buddy_export_2025-01-31.json": (
            '{"checkins": ["not an object", {"checkin_id": "c1", "match_id": "m1", '
            '"checkin_date": "2025-01-02"}, {"checkin_id": "c2"}]}'
        ),
        "buddy/buddy_export_2025-02-28.json": '{"checkins": [{"checkin_id": "c3"}]}',
        "buddy/buddy_export_2025-03-31.json": '{"checkins": [\n  {"checkin_id": "c4",}\n]}',
    }
    exports = write_files(tmp_path / "exports", shapes)

    results = load(engine, exports)

    january = results["buddy/buddy_export_2025-01-31.json"]
    assert (january.status, january.rows_landed, january.lines_rejected) == ("loaded", 2, 1)
    assert engine.query(
        "select checkin_id, match_id, _source_line from raw.buddy_checkins order by 1"
    ) == [("c1", "m1", 2), ("c2", None, 3)]
    assert rejected_lines(engine) == [
        ("buddy/buddy_export_2025-01-31.json", 1, "not an object", "element is not a JSON object")
    ]
    entries = ledger(engine)
    assert (entries[0]["export_date"], entries[0]["export_date_source"]) == (
        "2025-01-31",
        "file_name",
    )
    assert results["buddy/buddy_export_2025-02-28.json"].error == (
        "buddy/buddy_export_2025-02-28.json, line 1: "
        'no element has the required column(s) "checkin_date", "match_id"'
    )
    march = results["buddy/buddy_export_2025-03-31.json"]
    assert march.status == "rejected"
    assert march.error.startswith("buddy/buddy_export_2025-03-31.json, line 2: not valid JSON")


# -------------------------------------------------------------------------- JSONL


def test_webhook_lines_duplicates_and_rejects(engine: Engine, tmp_path: Path) -> None:
    event = (
        '{"id": "e1", "type": "buddy.match.created", "timestamp": "2025-03-01T10:00:00Z", '
        '"data": {"matchId": "m1"}}'
    )
    created = ("e1", "buddy.match.created", "2025-03-01T10:00:00Z", event)
    lines = [
        event,
        event,  # delivered twice: both land
        "",
        '{"id": "e2", "type": "buddy.match.ended",',
        '{"id": "e3", "type": "t", "timestamp": "2025-03-02"}',
        '{"id": 7, "type": "t", "timestamp": 1740823200, "data": {}}',
        "[1, 2]",
        '{"id": "e4", "type": "t", "timestamp": "2025-03-02", "data": null}',
    ]
    exports = write_files(
        tmp_path / "exports",
        {
            "buddy/webhooks/2025-03.jsonl": "\n".join(lines) + "\n",
            "buddy/webhooks/2025-04.jsonl": event + "\r\n",
        },
    )

    results = load(engine, exports)

    assert results["buddy/webhooks/2025-03.jsonl"].rows_landed == 3
    assert results["buddy/webhooks/2025-03.jsonl"].lines_rejected == 4
    assert engine.query(
        "select _source_file, _source_line, event_id, event_type, occurred_at, payload "
        "from raw.buddy_webhook_events order by _source_file, _source_line"
    ) == [
        ("buddy/webhooks/2025-03.jsonl", 1, *created),
        ("buddy/webhooks/2025-03.jsonl", 2, *created),
        ("buddy/webhooks/2025-03.jsonl", 6, "7", "t", "1740823200", lines[5]),
        ("buddy/webhooks/2025-04.jsonl", 1, *created),
    ]
    rejected = rejected_lines(engine)
    assert [(line, raw) for _, line, raw, _ in rejected] == [
        (4, lines[3]),
        (5, lines[4]),
        (7, lines[6]),
        (8, lines[7]),
    ]
    assert rejected[0][3].startswith("not valid JSON")
    assert rejected[1][3] == "missing data"
    assert rejected[2][3] == "not a JSON object"
    assert rejected[3][3] == "missing data"  # null counts as missing


def test_webhook_line_with_a_nul_is_rejected_and_a_utf16_file_whole(
    engine: Engine, tmp_path: Path
) -> None:
    event = '{"id": "e1", "type": "t", "timestamp": "2025-03-01", "data": {}}'
    exports = write_files(
        tmp_path / "exports",
        {
            "buddy/webhooks/2025-03.jsonl": f"{event}\n{event[:9]}\x00{event[9:]}\n\x00\n{event}\n",
            "buddy/webhooks/2025-04.jsonl": (event + "\n").encode("utf-16"),
        },
    )

    results = load(engine, exports)

    march = results["buddy/webhooks/2025-03.jsonl"]
    assert (march.status, march.rows_landed, march.lines_rejected) == ("loaded", 2, 2)
    assert engine.query("select _source_line from raw.buddy_webhook_events order by 1") == [
        (1,),
        (4,),
    ]
    nul = "NUL character in the line"
    assert rejected_lines(engine) == [
        ("buddy/webhooks/2025-03.jsonl", 2, f"{event[:9]}\\u0000{event[9:]}", nul),
        ("buddy/webhooks/2025-03.jsonl", 3, "\\u0000", nul),
    ]
    assert [e["rows_read"] for e in ledger(engine)] == [4, 0]
    assert results["buddy/webhooks/2025-04.jsonl"].error == (
        "buddy/webhooks/2025-04.jsonl, line 1: looks like UTF-16: it starts with the UTF-16 "
        "byte-order mark FF FE; save it as UTF-8"
    )


# ---------------------------------------------------------------------------- CLI


def test_cli_loads_and_warns_about_unrecognised_files(engine: Engine, tmp_path: Path) -> None:
    exports = write_files(
        tmp_path / "exports",
        {"buddy/users.csv": users_csv(user_row(1), user_row(2)), "notes/readme.txt": "hello\n"},
    )

    process = engine.cli(exports)

    assert process.returncode == 0, process.stderr
    assert process.stdout.splitlines() == [
        "loading buddy/users.csv ...",
        "buddy/users.csv: loaded 2 rows (0 lines rejected)",
        process.stdout.splitlines()[-1],
    ]
    assert process.stdout.splitlines()[-1].startswith(
        "total: 1 loaded (2 rows, 0 lines rejected), 0 already loaded, 0 rejected, 1 unrecognised"
    )
    assert "warning: notes/readme.txt: not a recognised export file, skipped" in process.stderr
    assert [(e["source_file"], e["status"]) for e in ledger(engine)] == [
        ("buddy/users.csv", "loaded"),
        ("notes/readme.txt", "skipped_unrecognised"),
    ]

    again = engine.cli(exports, module=True)  # python -m csr_analytics.load
    assert again.returncode == 0, again.stderr
    assert "buddy/users.csv: already loaded" in again.stdout


def test_cli_usage_and_connection_errors_exit_2(engine: Engine, tmp_path: Path) -> None:
    exports = write_files(tmp_path / "exports", {"buddy/users.csv": users_csv(user_row(1))})

    missing_folder = engine.cli(tmp_path / "no-such-folder")
    assert missing_folder.returncode == 2
    assert "is not a folder" in missing_folder.stderr

    unknown = engine.cli(exports, target="oracle")
    assert unknown.returncode == 2
    assert "has no target 'oracle'" in unknown.stderr

    no_profile = engine.cli(exports, profiles_dir=tmp_path)
    assert no_profile.returncode == 2
    assert "no profiles.yml found" in no_profile.stderr

    if engine.name == "postgres":
        engine.env["PGDATABASE"] = "csr_test_does_not_exist"
    else:
        engine.env["CSR_DUCKDB_PATH"] = str(tmp_path / "no-such-folder" / "x.duckdb")
    unreachable = engine.cli(exports)
    assert unreachable.returncode == 2
    expected = "does not exist" if engine.name == "postgres" else "cannot open duckdb database"
    assert expected in unreachable.stderr
    assert unreachable.stdout == ""


def test_progress_bar_on_a_large_file_when_stderr_is_a_terminal(
    engine: Engine, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    write_users_csv(exports / "buddy" / "users.csv", 90_000)  # > 10 MB
    assert (exports / "buddy" / "users.csv").stat().st_size > 10 * 1024 * 1024
    terminal, child_side = pty.openpty()
    rows_columns = struct.pack("HHHH", 24, 100, 0, 0)  # a terminal of 0 columns shows no bar
    fcntl.ioctl(child_side, termios.TIOCSWINSZ, rows_columns)
    process = subprocess.Popen(
        [str(CSR_LOAD), str(exports), *engine.options(engine.name, engine.profiles_dir)],
        env=engine.env,
        stdout=subprocess.PIPE,
        stderr=child_side,
        text=True,
    )
    os.close(child_side)
    shown: list[bytes] = []

    def read_terminal() -> None:
        while True:
            try:
                data = os.read(terminal, 4096)
            except OSError:  # the child side is closed
                return
            if not data:
                return
            shown.append(data)

    reader = threading.Thread(target=read_terminal, daemon=True)
    reader.start()
    stdout, _ = process.communicate(timeout=300)
    reader.join(timeout=10)
    os.close(terminal)

    assert process.returncode == 0
    assert "buddy/users.csv: loaded 90000 rows (0 lines rejected)" in stdout
    progress = b"".join(shown).decode("utf-8", "replace")
    assert "buddy/users.csv:" in progress and "%|" in progress


def test_profile_is_found_like_dbt_finds_it(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exports = write_files(tmp_path / "exports", {"buddy/users.csv": users_csv(user_row(1))})
    monkeypatch.setenv("CSR_TARGET", engine.name)  # the profile's default target

    monkeypatch.setenv("DBT_PROFILES_DIR", str(engine.profiles_dir))
    [first] = load_exports(exports, project_dir=PROJECT_DIR)
    monkeypatch.delenv("DBT_PROFILES_DIR")
    monkeypatch.chdir(engine.profiles_dir)
    [second] = load_exports(exports, project_dir=PROJECT_DIR)
    home = tmp_path / "home"
    (home / ".dbt").mkdir(parents=True)
    (engine.profiles_dir / "profiles.yml").rename(home / ".dbt" / "profiles.yml")
    monkeypatch.setenv("HOME", str(home))
    [third] = load_exports(exports, project_dir=PROJECT_DIR)

    assert [first.status, second.status, third.status] == ["loaded", *["skipped_duplicate"] * 2]
    assert count(engine, "buddy_users") == 1
