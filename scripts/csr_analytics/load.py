"""csr-load: land every recognised export file, unchanged, in the ``raw`` schema.

    csr-load EXPORTS_DIR [--target duckdb|postgres] [--profiles-dir DIR] [--project-dir DIR]

The raw tables, their columns and the files that land in them come from the dbt
sources YAML (``csr_analytics.contract``); the connection comes from the dbt profile
(``csr_analytics.profiles``). One transaction per file: its rows, its rejected lines
and its ``loaded`` ledger row commit together. Every path but a plain folder gets a
ledger row and a printed line. Exit 0 when no file was rejected, 1 when one was (the
others still land) or when no file is named like an export, 2 on a usage or connection
error.

Python API: ``load_exports(...)`` returns one ``FileResult`` per file (rows, seconds);
``ensure_raw_tables(...)`` creates the raw schema without loading anything.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from tqdm import tqdm

from csr_analytics.connections import ConnectionFailed
from csr_analytics.contract import (
    LEDGER_COLUMNS,
    LEDGER_TABLE,
    Contract,
    JsonExport,
    RawTable,
    find_project_dir,
    load_contract,
)
from csr_analytics.load_db import (
    Database,
    DatabaseError,
    Lineage,
    connect,
    ensure_schema,
    qualified,
    quote,
)
from csr_analytics.load_read import (
    DEFAULT_BATCH_SIZE,
    Chunk,
    ExportFile,
    FileInfo,
    FileRejected,
    Refused,
    date_from_file_name,
    open_export,
    read_csv,
    read_json_export,
    read_jsonl,
    storable,
)
from csr_analytics.profiles import ProfileError, Target, read_target

JSON_EXPORT_ENTITY = "buddy_export"
PROGRESS_MIN_BYTES = 10 * 1024 * 1024

Report = Callable[[str], None]


UNRECOGNISED = "not a recognised export file, skipped"
# Characters printed as escapes in file names: they could forge or hide lines of output.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(name: str) -> str:
    """A file name as csr-load prints it: backslashes and control characters escaped
    (``\\n``, ``\\x1b``, ``\\udcff``), so that no name can forge or hide a line."""
    return "".join(_escape(char) if char == "\\" or _is_control(char) else char for char in name)


def _without_controls(text: str) -> str:
    return "".join(_escape(char) if _is_control(char) else char for char in text)


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in _ESCAPED_CATEGORIES


@dataclass
class FileResult:
    """What happened to one path of the export folder (not a plain folder)."""

    source_file: str  # as the ledger keeps it
    status: str  # loaded | skipped_duplicate | rejected | unrecognised
    entity: str | None = None
    load_id: int | None = None
    rows_read: int = 0
    rows_landed: int = 0
    lines_rejected: int = 0
    rows_by_table: dict[str, int] = field(default_factory=dict)
    bytes: int = 0
    seconds: float = 0.0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    path: str | None = None  # the name as listed, when the ledger cannot keep it as it is
    note: str = UNRECOGNISED  # why an unrecognised path was skipped

    @property
    def rows_per_second(self) -> float:
        return self.rows_landed / self.seconds if self.seconds else 0.0

    @property
    def name(self) -> str:
        """The file name as printed."""
        return printable(self.path or self.source_file)

    def printable(self, text: str) -> str:
        """A message about this file as printed: its name and any control character escaped."""
        return _without_controls(text.replace(self.source_file, self.name))

    def summary(self) -> str:
        if self.status == "loaded":
            text = f"loaded {self.rows_landed} rows ({self.lines_rejected} lines rejected)"
            if len(self.rows_by_table) > 1:
                parts = ", ".join(f"{table} {rows}" for table, rows in self.rows_by_table.items())
                text += f" into {parts}"
            return text
        if self.status == "skipped_duplicate":
            return "already loaded"
        if self.status == "rejected":
            return f"rejected: {self.error}"
        return self.note


def utc_now() -> datetime:
    """Now, in UTC, as a naive timestamp (the raw layer's convention)."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Listed:
    """A path under the export folder, relative to it (posix)."""

    relative: str
    folder: bool = False
    error: OSError | None = None  # a folder that could not be listed


def list_exports(exports_dir: Path) -> list[Listed]:
    """Every path under the folder in sorted order. Folders are walked (and listed too);
    symbolic links are listed, never walked. Only the folder itself failing raises."""
    found: list[Listed] = []
    pending = [(exports_dir, "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as entries:
                children = [(entry.name, entry.path, _is_folder(entry)) for entry in entries]
        except OSError as error:
            if not prefix:
                raise
            found.append(Listed(prefix[:-1], folder=True, error=error))
            continue
        for name, path, is_folder in children:
            if is_folder:
                pending.append((Path(path), f"{prefix}{name}/"))
            else:
                found.append(Listed(prefix + name))
        if prefix:
            found.append(Listed(prefix[:-1], folder=True))
    return sorted(found, key=lambda listed: listed.relative)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


# ------------------------------------------------------------------------ ledger


@dataclass
class Attempt:
    """One ledger row in the making."""

    load_id: int
    source_file: str
    sha256: str | None
    entity: str | None
    started_at: datetime
    size: int = 0
    info: FileInfo = field(default_factory=FileInfo)
    rows_landed: int = 0
    status: str = "loaded"
    error: str | None = None
    run_id: int | None = None


def write_ledger(database: Database, attempt: Attempt) -> None:
    info = attempt.info
    values = (
        attempt.load_id,
        attempt.source_file,
        attempt.sha256,
        attempt.entity,
        info.export_id,
        info.export_date,
        info.export_date_source,
        None if info.metadata is None else storable(json.dumps(info.metadata, ensure_ascii=False)),
        info.rows_read,
        attempt.rows_landed,
        attempt.status,
        attempt.error,
        attempt.started_at,
        utc_now(),
        attempt.run_id,
    )
    names = ", ".join(quote(name) for name in LEDGER_COLUMNS)
    marks = ", ".join([database.param] * len(LEDGER_COLUMNS))
    database.execute(f"insert into {qualified(LEDGER_TABLE)} ({names}) values ({marks})", values)


def file_lock_key(sha256: str) -> int:
    """The advisory lock key of a file's bytes: the first 64 bits of its SHA-256."""
    return int.from_bytes(bytes.fromhex(sha256[:16]), "big", signed=True)


def earlier_load(database: Database, sha256: str, relative: str) -> tuple | None:
    """The ledger row that already loaded this observation: the same bytes with the same
    export date. Equal bytes carry the same header or JSON date, so only a date taken
    from the file name can differ: a later (or earlier) one makes a new observation."""
    rows = database.fetchall(
        "select load_id, source_file, export_id, export_date, export_date_source, metadata "
        f"from {qualified(LEDGER_TABLE)} where file_sha256 = {database.param} "
        "and status = 'loaded' order by load_id",
        (sha256,),
    )
    name_date = date_from_file_name(relative)
    for row in rows:
        export_date, date_source = row[3], row[4]
        if date_source in ("header", "json") or export_date == name_date:
            return row
    return None


def _record(
    database: Database, attempt: Attempt, status: str, error: str, path: str | None = None
) -> FileResult:
    """Write the ledger row of a path that lands nothing, in its own transaction."""
    attempt.status, attempt.error, attempt.rows_landed = status, error, 0
    attempt.load_id = database.next_load_id()
    with database.transaction():
        write_ledger(database, attempt)
    result_status = "unrecognised" if status == "skipped_unrecognised" else status
    result = FileResult(attempt.source_file, result_status, attempt.entity, attempt.load_id)
    result.error, result.path, result.bytes = error, path, attempt.size
    result.rows_read = attempt.info.rows_read
    return result


# ----------------------------------------------------------------------- loading


def _chunks(
    handle: IO[bytes], relative: str, item: RawTable | JsonExport, info: FileInfo, batch_size: int
) -> Iterator[Chunk]:
    if isinstance(item, JsonExport):
        return read_json_export(handle, relative, item, info, batch_size)
    if item.file_format == "jsonl":
        return read_jsonl(handle, relative, item, info, batch_size)
    if item.file_format == "csv":
        return read_csv(handle, relative, item, info, batch_size)
    raise FileRejected(f"{relative}: the contract's format {item.file_format!r} is unknown")


def _progress(relative: str, size: int) -> tqdm:
    disable = size < PROGRESS_MIN_BYTES or not sys.stderr.isatty()
    return tqdm(total=size, desc=relative, unit="B", unit_scale=True, leave=False, disable=disable)


class ChunkWriter:
    """Writes chunks on one background thread while the reader prepares the next ones.

    At most ``depth`` chunks wait, so memory stays bounded; the first write error is
    raised in the reading thread. On exit every write has finished, so the caller can
    commit or roll back the connection safely.
    """

    def __init__(self, database: Database, lineage: Lineage, depth: int = 2) -> None:
        self._database = database
        self._lineage = lineage
        self._depth = depth
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="csr-load-writer")
        self._pending: deque[Future[None]] = deque()

    def __enter__(self) -> ChunkWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _write(self, chunk: Chunk) -> None:
        for batch in chunk.batches:
            self._database.insert_batch(batch, self._lineage)
        self._database.insert_rejected_lines(self._lineage, chunk.rejected)

    def submit(self, chunk: Chunk) -> None:
        while len(self._pending) >= self._depth:
            self._pending.popleft().result()
        self._pending.append(self._pool.submit(self._write, chunk))

    def drain(self) -> None:
        while self._pending:
            self._pending.popleft().result()


def _land(
    database: Database,
    source: ExportFile,
    item: RawTable | JsonExport,
    attempt: Attempt,
    batch_size: int,
) -> FileResult:
    """Land the file's rows and rejected lines, then its ledger row; the caller commits.

    The parser reads through a hashing handle: bytes other than the pre-hashed ones
    (the file changed meanwhile) raise ``FileChanged`` and the caller rolls back.
    """
    lineage = Lineage(attempt.load_id, attempt.source_file, attempt.started_at, attempt.info)
    result = FileResult(attempt.source_file, "loaded", attempt.entity, attempt.load_id)
    with (
        source.reader() as handle,
        _progress(printable(attempt.source_file), attempt.size) as bar,
        ChunkWriter(database, lineage) as writer,
    ):
        for chunk in _chunks(handle, attempt.source_file, item, attempt.info, batch_size):
            writer.submit(chunk)
            for batch in chunk.batches:
                if batch.rows or batch.table not in result.rows_by_table:
                    count = result.rows_by_table.get(batch.table, 0) + len(batch.rows)
                    result.rows_by_table[batch.table] = count
                result.rows_landed += len(batch.rows)
            result.lines_rejected += len(chunk.rejected)
            bar.update(chunk.position - bar.n)
        writer.drain()
        attempt.sha256 = source.check_unchanged()
    attempt.rows_landed = result.rows_landed
    result.rows_read = attempt.info.rows_read
    write_ledger(database, attempt)
    return result


def _entity(item: RawTable | JsonExport | None) -> str | None:
    if item is None:
        return None
    return JSON_EXPORT_ENTITY if isinstance(item, JsonExport) else item.name


def load_file(
    database: Database,
    source: ExportFile,
    item: RawTable | JsonExport,
    report: Report | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    run_id: int | None = None,
) -> FileResult:
    """Land one recognised, opened file in its own transaction (or record why not)."""
    clock = time.perf_counter()
    relative = source.relative
    attempt = Attempt(0, relative, None, _entity(item), utc_now(), source.size, run_id=run_id)
    try:
        source.prehash()
    except OSError as error:
        return _record(database, attempt, "rejected", _unreadable(relative, error))
    attempt.sha256 = source.sha256
    attempt.load_id = database.next_load_id()
    result = _load_or_reject(database, source, item, attempt, report, batch_size)
    result.bytes = attempt.size
    result.warnings.extend(attempt.info.warnings)
    result.seconds = time.perf_counter() - clock
    return result


def _unreadable(relative: str, error: OSError) -> str:
    """The rejection of a file the operating system would not let us read."""
    return f"{relative}: cannot read the file ({_os_error(error)})"


def _os_error(error: OSError) -> str:
    """An OS error without the absolute path it names (the message names the file)."""
    return f"[Errno {error.errno}] {error.strerror}" if error.strerror else str(error)


def _skip_duplicate(database: Database, attempt: Attempt, earlier: tuple) -> FileResult:
    load_id, source_file, export_id, export_date, date_source, metadata = earlier
    attempt.info = FileInfo(export_id, export_date, date_source)
    attempt.info.metadata = None if metadata is None else json.loads(metadata)
    attempt.status = "skipped_duplicate"
    attempt.error = f"same bytes as {source_file}, already loaded by load {load_id}"
    write_ledger(database, attempt)
    return FileResult(attempt.source_file, attempt.status, attempt.entity, attempt.load_id)


def _load_or_reject(
    database: Database,
    source: ExportFile,
    item: RawTable | JsonExport,
    attempt: Attempt,
    report: Report | None,
    batch_size: int,
) -> FileResult:
    """Skip the file if this observation was loaded, else land it; record a rejection.

    The lock on the file's hash makes a second loader on the same file wait until the
    first one commits (PostgreSQL), then see its ledger row and skip the file.
    """
    sha256 = source.sha256
    try:
        with database.transaction():
            database.lock(file_lock_key(sha256))
            earlier = earlier_load(database, sha256, attempt.source_file)
            if earlier is not None:
                return _skip_duplicate(database, attempt, earlier)
            if report is not None:
                report(f"loading {printable(attempt.source_file)} ...")
            return _land(database, source, item, attempt, batch_size)
    except FileRejected as error:
        attempt.error = str(error)
    except OSError as error:
        attempt.error = _unreadable(attempt.source_file, error)
    except DatabaseError as error:
        attempt.error = f"{attempt.source_file}: the database refused the rows ({error})"
    attempt.status, attempt.rows_landed = "rejected", 0
    with database.transaction():
        write_ledger(database, attempt)
    result = FileResult(attempt.source_file, "rejected", attempt.entity, attempt.load_id)
    result.rows_read = attempt.info.rows_read
    result.error = attempt.error
    return result


def load_folder(
    database: Database,
    contract: Contract,
    exports_dir: Path,
    report: Report | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[FileResult]:
    """Load every file of the folder in sorted path order; one result per path that is
    not a plain folder (every one of them gets a ledger row). The run draws its id from
    the load-id sequence first, and every ledger row it writes carries it."""
    root = Path(os.path.realpath(exports_dir))
    run_id = database.next_load_id()
    results: list[FileResult] = []
    for listed in list_exports(root):
        if listed.folder and listed.error is None and not _named_like_export(contract, listed):
            continue
        result = _load_path(database, contract, root, listed, report, batch_size, run_id)
        if on_result is not None:
            on_result(result)
        results.append(result)
    return results


def _named_like_export(contract: Contract, listed: Listed) -> bool:
    try:
        return contract.match(listed.relative) is not None
    except ValueError:
        return True


def _load_path(
    database: Database,
    contract: Contract,
    root: Path,
    listed: Listed,
    report: Report | None,
    batch_size: int,
    run_id: int,
) -> FileResult:
    """Judge one listed path: refuse it, skip it, or open it and load it."""
    relative = listed.relative
    attempt = Attempt(0, storable(relative), None, None, utc_now(), run_id=run_id)
    if attempt.source_file != relative:  # not UTF-8: it can be neither stored nor printed
        error = f"{attempt.source_file}: the file name is not valid UTF-8 (rename the file)"
        return _record(database, attempt, "rejected", error, relative)
    if listed.error is not None:
        error = f"{relative}: cannot list the folder ({_os_error(listed.error)})"
        return _record(database, attempt, "rejected", error)
    try:
        item = contract.match(relative)
    except ValueError as error:  # the contract matches it twice: a contract bug
        return _record(database, attempt, "rejected", str(error))
    attempt.entity = _entity(item)
    try:
        with open_export(root, relative, recognised=item is not None) as source:
            if item is None:
                return _skip_unrecognised(database, attempt, source)
            return load_file(database, source, item, report, batch_size, run_id)
    except Refused as refused:
        result = _record(database, attempt, refused.status, str(refused))
        result.note = str(refused).removeprefix(f"{relative}: ")
        return result
    except OSError as error:
        return _record(database, attempt, "rejected", _unreadable(relative, error))


def _skip_unrecognised(database: Database, attempt: Attempt, source: ExportFile) -> FileResult:
    """List a file no raw table matches in the ledger, with its hash."""
    attempt.size = source.size
    try:
        attempt.sha256 = source.prehash()
    except OSError as error:
        return _record(database, attempt, "rejected", _unreadable(attempt.source_file, error))
    error = "not a recognised export file: no raw table matches its path"
    return _record(database, attempt, "skipped_unrecognised", error)


# ------------------------------------------------------------------------ public


@dataclass(frozen=True)
class Setup:
    contract: Contract
    target: Target


def _setup(target: str | None, profiles_dir: Path | None, project_dir: Path | None) -> Setup:
    if project_dir is not None:
        project_dir = Path(project_dir)
        if not (project_dir / "dbt_project.yml").is_file():
            raise ProfileError(f"{project_dir} has no dbt_project.yml")
    else:
        project_dir = find_project_dir()
    return Setup(load_contract(project_dir), read_target(project_dir, target, profiles_dir))


def ensure_raw_tables(
    target: str | None = None,
    profiles_dir: Path | None = None,
    project_dir: Path | None = None,
) -> None:
    """Create schema raw, every raw table, the ledger and the rejected-lines table."""
    setup = _setup(target, profiles_dir, project_dir)
    database = connect(setup.target)
    try:
        ensure_schema(database, setup.contract)
    finally:
        database.close()


def load_exports(
    exports_dir: Path,
    target: str | None = None,
    profiles_dir: Path | None = None,
    project_dir: Path | None = None,
    report: Report | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[FileResult]:
    """Create the raw tables if needed, then land every recognised file of the folder."""
    setup = _setup(target, profiles_dir, project_dir)
    database = connect(setup.target)
    try:
        ensure_schema(database, setup.contract)
        return load_folder(
            database, setup.contract, Path(exports_dir), report, batch_size=batch_size
        )
    finally:
        database.close()


# --------------------------------------------------------------------------- CLI


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="csr-load",
        description="Land every recognised export file, unchanged, in the raw schema.",
    )
    parser.add_argument("exports_dir", metavar="EXPORTS_DIR", type=Path)
    parser.add_argument("--target", help="profile target (default: the profile's target)")
    parser.add_argument("--profiles-dir", type=Path, help="folder holding profiles.yml")
    parser.add_argument("--project-dir", type=Path, help="dbt project folder")
    return parser


def _print_result(result: FileResult) -> None:
    for warning in result.warnings:
        print(f"warning: {result.printable(warning)}", file=sys.stderr, flush=True)
    if result.status == "unrecognised":
        message = f"warning: {result.name}: {result.printable(result.summary())}"
        print(message, file=sys.stderr, flush=True)
        return
    print(f"{result.name}: {result.printable(result.summary())}", flush=True)


def total_line(results: list[FileResult], seconds: float) -> str:
    def count(status: str) -> int:
        return sum(1 for result in results if result.status == status)

    rows = sum(result.rows_landed for result in results)
    lines = sum(result.lines_rejected for result in results)
    return (
        f"total: {count('loaded')} loaded ({rows} rows, {lines} lines rejected), "
        f"{count('skipped_duplicate')} already loaded, {count('rejected')} rejected, "
        f"{count('unrecognised')} unrecognised, in {seconds:.1f} s"
    )


def nothing_recognised(exports_dir: Path, results: list[FileResult]) -> str | None:
    """The error to print when no path of the folder is named like an export file."""
    if any(result.entity is not None for result in results):
        return None
    folder = printable(str(exports_dir))
    if not results:
        return f"csr-load: error: nothing to load: {folder} is empty"
    return (
        f"csr-load: error: nothing to load: none of the {len(results)} paths in {folder} "
        "is named like an export file (buddy/users.csv, kintell/users*.csv, "
        "platform/companies.csv, ...); is it the export folder?"
    )


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    exports_dir: Path = arguments.exports_dir
    if not exports_dir.is_dir():
        print(f"csr-load: error: {printable(str(exports_dir))} is not a folder", file=sys.stderr)
        return 2
    clock = time.perf_counter()
    try:
        setup = _setup(arguments.target, arguments.profiles_dir, arguments.project_dir)
        database = connect(setup.target)
    except (ProfileError, ConnectionFailed, FileNotFoundError) as error:
        print(f"csr-load: error: {error}", file=sys.stderr)
        return 2
    try:
        ensure_schema(database, setup.contract)
        results = load_folder(database, setup.contract, exports_dir, _say, _print_result)
    except DatabaseError as error:
        print(f"csr-load: error: database error: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # the export folder itself: each path below has its own row
        folder = printable(str(exports_dir))
        print(f"csr-load: error: cannot list {folder} ({_os_error(error)})", file=sys.stderr)
        return 2
    finally:
        database.close()
    print(total_line(results, time.perf_counter() - clock), flush=True)
    problem = nothing_recognised(exports_dir, results)
    if problem is not None:
        print(problem, file=sys.stderr, flush=True)
        return 1
    return 1 if any(result.status == "rejected" for result in results) else 0


def _say(line: str) -> None:
    print(line, flush=True)


if __name__ == "__main__":
    sys.exit(main())
