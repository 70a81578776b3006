"""csr-load when files misbehave: it loses nothing and never prints a traceback.

Every path the loader passes (but a plain folder) gets a ledger row and a printed line,
in sorted path order; an OS error is that file's rejection and the run goes on; a file
that changes while it is read is rejected whole; the same bytes under another export
date land again; an unknown array in a JSON export is refused; file names are printed
escaped; a header of thousands of repeated cells is mapped in linear time. Every test
runs on DuckDB and on PostgreSQL unless it needs no database.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import socket
import stat
import subprocess
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest
from conftest import CSR_LOAD, PROJECT_DIR, USERS_HEADER, Engine, write_files, write_users_csv
from hypothesis import given, settings
from hypothesis import strategies as st

from csr_analytics import load as load_module
from csr_analytics import load_read
from csr_analytics.contract import load_contract
from csr_analytics.load import FileResult, load_exports, main
from csr_analytics.load_read import Chunk, ExtraKeys, HashingReader, map_header

StrPath = str | os.PathLike[str]

CORPUS = Path(__file__).parent / "fixtures" / "hostile"
COMPANIES = "company_id,company_name\nc1,Acme\n"
PROGRESS = (
    "user_email,provider,course_id,course_name,status,updated_at\n"
    "a@x.org,ecornell,C1,Intro,enrolled,2025-05-01\n"
)
USER_ROW = "u1,u1@example.org,Ann,Lee,participant,2025-01-01,en,,,"
CHANGED = "buddy/users.csv: the file changed while it was being loaded; load it again"


@dataclass
class Run:
    code: object
    out: str
    err: str


def load(engine: Engine, exports: Path, **options: int) -> dict[str, FileResult]:
    results = load_exports(
        exports,
        target=engine.name,
        profiles_dir=engine.profiles_dir,
        project_dir=PROJECT_DIR,
        **options,
    )
    return {result.source_file: result for result in results}


def run_main(engine: Engine, exports: Path) -> Run:
    """csr-load in-process (so that a test can break the file system under it)."""
    out, err = io.StringIO(), io.StringIO()
    argv = [str(exports), *engine.options(engine.name, engine.profiles_dir)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: object = main(argv)
        except BaseException:  # what a user would see as a traceback
            code = "raised"
            err.write(traceback.format_exc())
    return Run(code, out.getvalue(), err.getvalue())


def run_cli(engine: Engine, exports: Path) -> Run:
    """The console script, with a timeout: a loader that opens a FIFO would block."""
    process = subprocess.run(
        [str(CSR_LOAD), str(exports), *engine.options(engine.name, engine.profiles_dir)],
        env=engine.env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=engine.profiles_dir,
    )
    return Run(process.returncode, process.stdout, process.stderr)


def ledger(engine: Engine) -> list[tuple]:
    return engine.query(
        "select source_file, status, error, file_sha256, entity from raw._loads order by load_id"
    )


def count(engine: Engine, table: str) -> int:
    return engine.scalar(f"select count(*) from raw.{table}")


def without_total(out: str) -> list[str]:
    lines = out.splitlines()
    assert lines[-1].startswith("total: "), out
    return lines[:-1]


# ------------------------------------------------------- a file changing under the load


def change(path: Path, how: str) -> None:
    """Rewrite a users file produced by write_users_csv: in place, longer or shorter."""
    data = path.read_bytes()
    if how == "same_size":
        offset = data.rindex(b"Berlin")
        with path.open("r+b") as handle:
            handle.seek(offset)
            handle.write(b"Paris!")
    elif how == "appended":
        with path.open("ab") as handle:
            handle.write(USER_ROW.encode() + b"\n")
    else:
        last_row = data.rstrip(b"\n").rindex(b"\n") + 1
        with path.open("r+b") as handle:
            handle.truncate(last_row)


@pytest.mark.parametrize(
    ("when", "how", "rows_after"),
    [
        ("mid_parse", "same_size", 20_000),
        ("mid_parse", "appended", 20_001),
        ("mid_parse", "truncated", 19_999),
        ("after_prehash", "same_size", 20_000),
    ],
)
def test_file_changed_while_loading_is_rejected_whole_then_loads(
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    when: str,
    how: str,
    rows_after: int,
) -> None:
    exports = write_files(tmp_path / "exports", {"platform/companies.csv": COMPANIES})
    path = write_users_csv(exports / "buddy" / "users.csv", 20_000)  # > the 1 MB read buffer
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    real_chunks, real_prehash = load_module._chunks, load_read.ExportFile.prehash

    def chunks_then_change(handle: IO[bytes], relative: str, *rest: Any) -> Iterator[Chunk]:
        chunks = real_chunks(handle, relative, *rest)
        yield next(chunks)  # some rows are on their way to the database
        if relative == "buddy/users.csv":
            change(path, how)
        yield from chunks

    def prehash_then_change(source: load_read.ExportFile) -> str:
        digest = real_prehash(source)
        if source.relative == "buddy/users.csv":
            change(path, how)
        return digest

    if when == "mid_parse":
        monkeypatch.setattr(load_module, "_chunks", chunks_then_change)
    else:
        monkeypatch.setattr(load_read.ExportFile, "prehash", prehash_then_change)

    results = load(engine, exports, batch_size=500)

    assert (results["buddy/users.csv"].status, results["buddy/users.csv"].error) == (
        "rejected",
        CHANGED,
    )
    assert results["platform/companies.csv"].status == "loaded"
    assert count(engine, "buddy_users") == count(engine, "_rejected_lines") == 0
    assert ledger(engine)[0][:4] == ("buddy/users.csv", "rejected", CHANGED, before)

    monkeypatch.setattr(load_module, "_chunks", real_chunks)
    monkeypatch.setattr(load_read.ExportFile, "prehash", real_prehash)
    again = load(engine, exports, batch_size=500)

    assert again["buddy/users.csv"].status == "loaded"
    assert again["platform/companies.csv"].status == "skipped_duplicate"
    assert count(engine, "buddy_users") == rows_after
    after = hashlib.sha256(path.read_bytes()).hexdigest()
    assert ledger(engine)[2][:4] == ("buddy/users.csv", "loaded", None, after)


def test_hashing_reader_hashes_exactly_the_bytes_read(tmp_path: Path) -> None:
    data = "".join(f"line {n} é\r\n" for n in range(200_000)).encode()
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    with io.FileIO(path) as file:
        hashing = HashingReader(file)
        handle = io.BufferedReader(hashing, buffer_size=1024 * 1024)
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        first = next(text)
        assert first == "line 0 é\r\n" and 0 < handle.tell() <= len(data)
        rest = text.read()
        assert hashing.size == len(data) == handle.tell()
        assert hashing.hexdigest() == hashlib.sha256(data).hexdigest()
        assert (first + rest).encode() == data
        handle.seek(0)  # reading again from the start hashes again from the start
        assert handle.read() == data
        assert hashing.hexdigest() == hashlib.sha256(data).hexdigest()
        handle.seek(10)  # a jump: the digest no longer says what was read
        handle.read()
        assert hashing.hexdigest() is None


# ------------------------------------------------------ identity: bytes and export date


def test_same_bytes_under_another_export_date_is_a_new_observation(
    engine: Engine, tmp_path: Path
) -> None:
    users = "# Export Date: 2025-06-30T02:00:00Z\n" + USERS_HEADER + "\n" + USER_ROW + "\n"
    files: dict[str, str | bytes] = {
        "upskilling/course_progress_2025-06-30.csv": PROGRESS,
        "buddy/users.csv": users,
    }
    exports = write_files(tmp_path / "exports", files)
    assert {r.status for r in load(engine, exports).values()} == {"loaded"}

    write_files(
        exports,
        {
            "upskilling/course_progress_2025-07-31.csv": PROGRESS,  # a later observation
            "buddy/users_2025-07-31.csv": users,  # its header date wins: the same one
        },
    )
    second = load(engine, exports)

    assert {name: r.status for name, r in second.items()} == {
        "buddy/users.csv": "skipped_duplicate",
        "buddy/users_2025-07-31.csv": "skipped_duplicate",
        "upskilling/course_progress_2025-06-30.csv": "skipped_duplicate",
        "upskilling/course_progress_2025-07-31.csv": "loaded",
    }
    july = engine.query(
        "select export_date, export_date_source, file_sha256, rows_landed from raw._loads "
        "where source_file = 'upskilling/course_progress_2025-07-31.csv'"
    )
    assert july == [("2025-07-31", "file_name", hashlib.sha256(PROGRESS.encode()).hexdigest(), 1)]
    assert engine.query(
        "select _source_file, count(distinct _load_id) from raw.upskilling_course_progress "
        "group by 1 order by 1"
    ) == [
        ("upskilling/course_progress_2025-06-30.csv", 1),
        ("upskilling/course_progress_2025-07-31.csv", 1),
    ]
    assert count(engine, "buddy_users") == 1

    write_files(
        exports,
        {
            "upskilling/course_progress_2025-05-31.csv": PROGRESS,  # an earlier date
            "upskilling/course_progress.csv": PROGRESS,  # no date at all
        },
    )
    third = load(engine, exports)
    fourth = load(engine, exports)

    assert third["upskilling/course_progress_2025-05-31.csv"].status == "loaded"
    assert third["upskilling/course_progress.csv"].status == "loaded"
    assert {r.status for r in fourth.values()} == {"skipped_duplicate"}
    assert count(engine, "upskilling_course_progress") == 4


# --------------------------------------------------- every path: a ledger row and a line


def make_layout(tmp_path: Path) -> Path:
    """An export folder holding every kind of path the loader must judge."""
    outside = write_files(
        tmp_path / "outside",
        {
            "events.csv": "event_id,match_id,event_type,event_date\ne1,m1,call,2025-01-01\n",
            "hooks/a.jsonl": '{"id":"e1","type":"t","timestamp":"x","data":{}}\n',
        },
    )
    os.mkfifo(outside / "pipe")
    exports = write_files(
        tmp_path / "exports",
        {"data/companies_real.csv": COMPANIES, "buddy/users.csv/notes.txt": "hello\n"},
    )
    buddy = exports / "buddy"
    os.mkfifo(buddy / "checkins.csv")
    (buddy / "events.csv").symlink_to(outside / "events.csv")
    (buddy / "feedback.csv").symlink_to(outside / "pipe")
    (buddy / "matches.csv").symlink_to("gone.csv")
    (buddy / "webhooks").symlink_to(outside / "hooks", target_is_directory=True)
    (exports / "here").symlink_to(".", target_is_directory=True)
    (exports / "kintell").mkdir()
    (exports / "kintell" / "users.csv").symlink_to("../data", target_is_directory=True)
    (exports / "loop.csv").symlink_to("loop.csv")
    (exports / "mirror").symlink_to("platform", target_is_directory=True)
    (exports / "platform").mkdir()
    (exports / "platform" / "companies.csv").symlink_to("../data/companies_real.csv")
    (exports / "q2q").mkdir()
    with contextlib.chdir(exports / "q2q"), socket.socket(socket.AF_UNIX) as server:
        server.bind("outcome_scores.csv")  # relative: a socket path has at most 107 bytes
    return exports


OUTSIDE = "is a symbolic link that leads outside the export folder, refused"
FOLDER_LINK = "not followed: its files are read there"
LAYOUT = [  # source_file, status, why (None: loaded, or not named like an export file)
    ("buddy/checkins.csv", "rejected", "is not a regular file (a FIFO), not read"),
    ("buddy/events.csv", "rejected", OUTSIDE),
    ("buddy/feedback.csv", "rejected", OUTSIDE),
    ("buddy/matches.csv", "rejected", "is a symbolic link to nothing (its target does not exist)"),
    ("buddy/users.csv", "rejected", "is a folder, not a file"),
    ("buddy/users.csv/notes.txt", "skipped_unrecognised", None),
    ("buddy/webhooks", "rejected", OUTSIDE),
    ("data/companies_real.csv", "skipped_unrecognised", None),
    (
        "here",
        "skipped_unrecognised",
        f"is a symbolic link to the export folder itself, {FOLDER_LINK}",
    ),
    ("kintell/users.csv", "rejected", "is a symbolic link to a folder, not a file"),
    (
        "loop.csv",
        "rejected",
        "is a symbolic link that cannot be followed (Too many levels of symbolic links)",
    ),
    ("mirror", "skipped_unrecognised", f"is a symbolic link to the folder platform, {FOLDER_LINK}"),
    ("platform/companies.csv", "loaded", None),
    ("q2q/outcome_scores.csv", "rejected", "is not a regular file (a socket), not read"),
]


def ledger_error(name: str, status: str, why: str | None) -> str | None:
    if why is not None:
        return f"{name}: {why}"
    if status == "skipped_unrecognised":
        return "not a recognised export file: no raw table matches its path"
    return None


def printed_line(name: str, status: str, why: str | None) -> str:
    if status == "rejected":
        return f"{name}: rejected: {name}: {why}"
    if status == "loaded":
        return f"{name}: loaded 1 rows (0 lines rejected)"
    return f"warning: {name}: {why or 'not a recognised export file, skipped'}"


def test_every_path_gets_a_ledger_row_and_a_line_in_sorted_order(
    engine: Engine, tmp_path: Path
) -> None:
    exports = make_layout(tmp_path)

    run = run_cli(engine, exports)

    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    expected = [(name, status, ledger_error(name, status, why)) for name, status, why in LAYOUT]
    assert [row[:3] for row in ledger(engine)] == expected
    lines = [printed_line(*path) for path in LAYOUT]
    stdout = [line for line in without_total(run.out) if not line.startswith("loading ")]
    assert stdout == [line for line in lines if not line.startswith("warning: ")]
    assert run.err.splitlines() == [line for line in lines if line.startswith("warning: ")]
    assert run.out.splitlines()[-1].startswith(
        "total: 1 loaded (1 rows, 0 lines rejected), 0 already loaded, 9 rejected, 4 unrecognised"
    )
    assert engine.query("select _source_file, company_id from raw.platform_companies") == [
        ("platform/companies.csv", "c1")
    ]
    assert count(engine, "buddy_events") + count(engine, "buddy_webhook_events") == 0
    hashes = {row[0]: row[3] for row in ledger(engine)}
    assert hashes["platform/companies.csv"] == hashlib.sha256(COMPANIES.encode()).hexdigest()
    assert {name for name, digest in hashes.items() if digest is not None} == {
        "buddy/users.csv/notes.txt",
        "data/companies_real.csv",
        "platform/companies.csv",
    }


def test_nothing_outside_the_export_folder_is_opened(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exports = make_layout(tmp_path)
    outside = str(tmp_path / "outside")
    opened: list[str] = []
    real_open = os.open

    def spy(path: StrPath, *args: Any, **kwargs: Any) -> int:
        opened.append(os.fsdecode(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    run = run_main(engine, exports)

    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    assert any(path.endswith("companies_real.csv") for path in opened)
    assert [path for path in opened if path.startswith(outside)] == []
    assert not any(path.endswith(("checkins.csv", "outcome_scores.csv")) for path in opened)


def test_a_device_is_refused_without_being_opened(engine: Engine, tmp_path: Path) -> None:
    exports = write_files(tmp_path / "exports", {"platform/companies.csv": COMPANIES})
    (exports / "buddy").mkdir()
    try:  # the device of /dev/null
        os.mknod(exports / "buddy" / "users.csv", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("this system does not let the tests create a device file")

    run = run_cli(engine, exports)

    assert run.code == 1
    error = "buddy/users.csv: is not a regular file (a character device), not read"
    assert f"buddy/users.csv: rejected: {error}" in run.out
    assert [row[:3] for row in ledger(engine)] == [
        ("buddy/users.csv", "rejected", error),
        ("platform/companies.csv", "loaded", None),
    ]


# ----------------------------------------------- an OS error is that file's rejection


def break_lstat(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file's status cannot be read."""
    real = os.lstat

    def lstat(name: StrPath, *args: Any, **kwargs: Any) -> os.stat_result:
        if os.fspath(name) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real(name, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", lstat)


def break_open(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file cannot be opened (what a file without read permission does)."""
    real = os.open

    def open_(name: StrPath, *args: Any, **kwargs: Any) -> int:
        if os.fspath(name) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)


def break_prehash(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Reading the file to hash it fails."""
    real = load_read.ExportFile.prehash

    def prehash(source: load_read.ExportFile) -> str:
        if source.relative == "buddy/users.csv":
            raise OSError(errno.EIO, "Input/output error")
        return real(source)

    monkeypatch.setattr(load_read.ExportFile, "prehash", prehash)


def break_read(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The second block read while parsing fails (the first rows are already written)."""
    real = HashingReader.readinto
    calls = []

    def readinto(self: HashingReader, buffer: Any) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.EIO, "Input/output error")
        return real(self, buffer)

    monkeypatch.setattr(HashingReader, "readinto", readinto)


def break_listing(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file is removed between listing the folder and opening it."""
    real = load_module.list_exports

    def list_then_remove(folder: Path) -> list[load_module.Listed]:
        listed = real(folder)
        path.unlink()
        return listed

    monkeypatch.setattr(load_module, "list_exports", list_then_remove)


BREAKS = {
    "lstat": (break_lstat, "[Errno 13] Permission denied"),
    "open": (break_open, "[Errno 13] Permission denied"),
    "prehash": (break_prehash, "[Errno 5] Input/output error"),
    "read": (break_read, "[Errno 5] Input/output error"),
    "vanished": (break_listing, "[Errno 2] No such file or directory"),
}


@pytest.mark.parametrize("where", list(BREAKS))
def test_os_error_rejects_that_file_and_the_run_goes_on(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    exports = write_files(tmp_path / "exports", {"platform/companies.csv": COMPANIES})
    path = write_users_csv(exports / "buddy" / "users.csv", 10_000)  # two 1 MB blocks
    breaker, reason = BREAKS[where]
    breaker(monkeypatch, Path(os.path.realpath(path)))

    run = run_main(engine, exports)

    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    error = f"buddy/users.csv: cannot read the file ({reason})"
    assert f"buddy/users.csv: rejected: {error}" in run.out
    assert "platform/companies.csv: loaded 1 rows (0 lines rejected)" in run.out
    assert [row[:3] for row in ledger(engine)] == [
        ("buddy/users.csv", "rejected", error),
        ("platform/companies.csv", "loaded", None),
    ]
    assert count(engine, "buddy_users") == 0


def test_a_folder_that_cannot_be_listed_is_rejected(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exports = write_files(
        tmp_path / "exports",
        {"buddy/users.csv": USERS_HEADER + "\n", "platform/companies.csv": COMPANIES},
    )
    real = os.scandir
    buddy = os.path.realpath(exports / "buddy")

    def scandir(path: StrPath) -> Any:
        if os.fspath(path) == buddy:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    run = run_main(engine, exports)

    assert run.code == 1, run.err
    error = "buddy: cannot list the folder ([Errno 13] Permission denied)"
    assert f"buddy: rejected: {error}" in run.out
    assert [row[:3] for row in ledger(engine)] == [
        ("buddy", "rejected", error),
        ("platform/companies.csv", "loaded", None),
    ]


def test_an_export_folder_that_cannot_be_listed_exits_2(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exports = write_files(tmp_path / "exports", {"platform/companies.csv": COMPANIES})
    real = os.scandir
    root = os.path.realpath(exports)

    def scandir(path: StrPath) -> Any:
        if os.fspath(path) == root:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    run = run_main(engine, exports)

    assert run.code == 2
    assert run.err == f"csr-load: error: cannot list {exports} ([Errno 13] Permission denied)\n"
    assert run.out == ""


# --------------------------------------------------------------- nothing recognised


@pytest.mark.parametrize("files", [{}, {"notes/readme.txt": "hi\n", "buddy/users.txt": "x\n"}])
def test_a_folder_with_no_export_file_exits_1(
    engine: Engine, tmp_path: Path, files: dict[str, str | bytes]
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    write_files(exports, files)

    run = run_cli(engine, exports)

    assert run.code == 1
    assert "Traceback" not in run.err
    message = run.err.splitlines()[-1]
    if files:
        assert message == (
            f"csr-load: error: nothing to load: none of the 2 paths in {exports} is named "
            "like an export file (buddy/users.csv, kintell/users*.csv, platform/companies.csv,"
            " ...); is it the export folder?"
        )
        assert [row[1] for row in ledger(engine)] == ["skipped_unrecognised"] * 2
    else:
        assert message == f"csr-load: error: nothing to load: {exports} is empty"
        assert ledger(engine) == []
    assert run.out.startswith("total: 0 loaded")


# ------------------------------------------------------------- JSON export top level


def test_unknown_array_in_a_json_export_rejects_it_unknown_value_warns(
    engine: Engine, tmp_path: Path
) -> None:
    files = {
        "buddy/buddy_export_2025-06-30.json": (
            CORPUS / "buddy" / "buddy_export__unknown_entity_array.json"
        ).read_bytes(),
        "buddy/buddy_export_2025-07-31.json": (
            CORPUS / "buddy" / "buddy_export__unknown_scalar_key.json"
        ).read_bytes(),
    }
    exports = write_files(tmp_path / "exports", files)

    run = run_cli(engine, exports)

    assert run.code == 1
    error = (
        "buddy/buddy_export_2025-06-30.json, line 6: unknown array 'userz' (1 element); "
        "the export's entity arrays are users, matches, events, event_attendance, "
        "skill_sessions, checkins, feedback, milestones: its rows would be lost, "
        "so the file is refused"
    )
    assert f"buddy/buddy_export_2025-06-30.json: rejected: {error}" in run.out
    warning = (
        "warning: buddy/buddy_export_2025-07-31.json: 'generator' is not an entity of the "
        "contract, ignored"
    )
    assert warning in run.err.splitlines()
    assert "buddy/buddy_export_2025-07-31.json: loaded 1 rows (0 lines rejected)" in run.out
    assert engine.query("select _source_file from raw.buddy_users") == [
        ("buddy/buddy_export_2025-07-31.json",)
    ]


def test_unknown_array_line_is_where_its_key_is_written() -> None:
    text = '{"a": {"userz": [1]},\n "b": "\\"userz\\"",\n\n  "userz"  :\n [ ]}'
    assert load_read._top_level_key_offsets(text) == {
        "a": 1,
        "b": text.index('"b"'),
        "userz": text.rindex('"userz"'),
    }
    assert load_read._top_level_key_offsets(" { } ") == {}


# --------------------------------------------------------------------- escaped names


def test_file_names_are_printed_escaped_and_stored_as_they_are(
    engine: Engine, tmp_path: Path
) -> None:
    forged = "buddy/users_a\nloaded 999 rows.csv"
    coloured = "buddy/users_\x1b[31mred.csv"
    unknown = "notes/tab\there\\back\rslash.txt"
    exports = write_files(
        tmp_path / "exports",
        {
            forged: USERS_HEADER + "\n" + USER_ROW + "\n",
            coloured: "id,first_name,last_name,role,joined_at\nu1,A,B,buddy,2025-01-01\n",
            unknown: "x\n",
        },
    )

    run = run_cli(engine, exports)

    assert run.code == 1, run.err
    shown_coloured = "buddy/users_\\x1b[31mred.csv"
    shown_forged = "buddy/users_a\\nloaded 999 rows.csv"
    missing = 'missing required column "email"'
    assert without_total(run.out) == [
        f"loading {shown_coloured} ...",
        f"{shown_coloured}: rejected: {shown_coloured}, line 1: {missing}",
        f"loading {shown_forged} ...",
        f"{shown_forged}: loaded 1 rows (0 lines rejected)",
    ]
    assert run.err.splitlines() == [
        "warning: notes/tab\\there\\\\back\\rslash.txt: not a recognised export file, skipped"
    ]
    assert not any(char in run.out + run.err for char in "\x1b\r\t")
    assert [row[:2] for row in ledger(engine)] == [
        (coloured, "rejected"),
        (forged, "loaded"),
        (unknown, "skipped_unrecognised"),
    ]
    assert engine.query("select _source_file from raw.buddy_users") == [(forged,)]


def test_printable_escapes_what_could_forge_a_line() -> None:
    assert load_module.printable("a\\b\n\r\t\x00\x1b\x7f\x85\u2028\u202e\udcff😀é") == (
        "a\\\\b\\n\\r\\t\\x00\\x1b\\x7f\\x85\\u2028\\u202e\\udcff😀é"
    )


# ---------------------------------------------------------------- headers, linearly


def test_header_of_20000_repeated_unknown_cells_loads_quickly(
    engine: Engine, tmp_path: Path
) -> None:
    fixture = CORPUS / "buddy" / "users__20000_duplicate_unknown_headers.csv"
    exports = write_files(tmp_path / "exports", {"buddy/users.csv": fixture.read_bytes()})

    clock = time.perf_counter()
    result = load(engine, exports)["buddy/users.csv"]
    seconds = time.perf_counter() - clock

    assert (result.status, result.rows_landed) == ("loaded", 1)
    assert seconds < 5, f"{seconds:.1f} s"
    extra = json.loads(engine.scalar("select _extra from raw.buddy_users"))
    assert list(extra) == ["x", *(f"x ({number})" for number in range(2, 20_001))]
    assert (extra["x"], extra["x (19999)"], extra["x (20000)"]) == ("", "", "last")


def numbered_as_before(cells: list[str]) -> list[str]:
    """The ``_extra`` keys as the loader named them before it kept a counter per cell."""
    taken: set[str] = set()
    keys = []
    for cell in cells:
        candidate, number = cell, 1
        while candidate in taken:
            number += 1
            candidate = f"{cell} ({number})"
        taken.add(candidate)
        keys.append(candidate)
    return keys


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(["a", "a (2)", "a (3)", "a (2) (2)", "b", "A", ""]), max_size=30))
def test_extra_keys_are_numbered_as_before(cells: list[str]) -> None:
    keys = ExtraKeys()
    assert [keys.key(cell) for cell in cells] == numbered_as_before(cells)


def test_repeated_header_cells_keep_their_extra_keys() -> None:
    table = load_contract(PROJECT_DIR).table("buddy_users")
    header = [*USERS_HEADER.split(","), "name", "name (2)", "name", "Email", "name", "NAME"]

    mapped = map_header(header, table, "buddy/users.csv, line 1")

    assert [key for key, _ in mapped.extras] == [
        "name",
        "name (2)",
        "name (3)",
        "Email",
        "name (4)",
        "NAME",
    ]
