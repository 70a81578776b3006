"""csr-load: land every recognised export file, unchanged, in the ``raw`` schema.

    csr-load EXPORTS_DIR [--target duckdb|postgres] [--profiles-dir DIR] [--project-dir DIR]

The raw tables, their columns and the files that land in them come from the dbt
sources YAML (``csr_analytics.contract``); the connection comes from the dbt profile
(``csr_analytics.profiles``). One transaction per file: its rows, its rejected lines
and its ``loaded`` ledger row commit together. Exit 0 when no file was rejected, 1 when
one was (the others still land), 2 on a usage or connection error.

Python API: ``load_exports(...)`` returns one ``FileResult`` per file (rows, seconds);
``ensure_raw_tables(...)`` creates the raw schema without loading anything.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from tqdm import tqdm

from csr_analytics.contract import (
    LEDGER_TABLE,
    Contract,
    JsonExport,
    RawTable,
    find_project_dir,
    load_contract,
)
from csr_analytics.load_db import (
    LEDGER_COLUMNS,
    ConnectionFailed,
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
    FileInfo,
    FileRejected,
    read_csv,
    read_json_export,
    read_jsonl,
    storable,
)
from csr_analytics.profiles import ProfileError, Target, read_target

JSON_EXPORT_ENTITY = "buddy_export"
PROGRESS_MIN_BYTES = 10 * 1024 * 1024

Report = Callable[[str], None]


@dataclass
class FileResult:
    """What happened to one file of the export folder."""

    source_file: str
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

    @property
    def rows_per_second(self) -> float:
        return self.rows_landed / self.seconds if self.seconds else 0.0

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
        return "not a recognised export file, skipped"


def utc_now() -> datetime:
    """Now, in UTC, as a naive timestamp (the raw layer's convention)."""
    return datetime.now(UTC).replace(tzinfo=None)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def export_files(exports_dir: Path) -> list[str]:
    """Every file under the folder, as posix paths relative to it, in sorted order."""
    return sorted(
        path.relative_to(exports_dir).as_posix()
        for path in exports_dir.rglob("*")
        if path.is_file()
    )


# ------------------------------------------------------------------------ ledger


@dataclass
class Attempt:
    """One ledger row in the making."""

    load_id: int
    source_file: str
    sha256: str
    entity: str | None
    started_at: datetime
    size: int = 0
    info: FileInfo = field(default_factory=FileInfo)
    rows_landed: int = 0
    status: str = "loaded"
    error: str | None = None


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
    )
    names = ", ".join(quote(name) for name, _ in LEDGER_COLUMNS)
    marks = ", ".join([database.param] * len(LEDGER_COLUMNS))
    database.execute(f"insert into {qualified(LEDGER_TABLE)} ({names}) values ({marks})", values)


def file_lock_key(sha256: str) -> int:
    """The advisory lock key of a file's bytes: the first 64 bits of its SHA-256."""
    return int.from_bytes(bytes.fromhex(sha256[:16]), "big", signed=True)


def earlier_load(database: Database, sha256: str) -> tuple | None:
    """The ledger row that already loaded a file with these bytes, if any."""
    rows = database.fetchall(
        "select load_id, source_file, export_id, export_date, export_date_source, metadata "
        f"from {qualified(LEDGER_TABLE)} where file_sha256 = {database.param} "
        "and status = 'loaded' order by load_id limit 1",
        (sha256,),
    )
    return rows[0] if rows else None


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
    database: Database, path: Path, item: RawTable | JsonExport, attempt: Attempt, batch_size: int
) -> FileResult:
    """Land the file's rows and rejected lines, then its ledger row; the caller commits."""
    lineage = Lineage(attempt.load_id, attempt.source_file, attempt.started_at)
    result = FileResult(attempt.source_file, "loaded", attempt.entity, attempt.load_id)
    with (
        path.open("rb") as handle,
        _progress(attempt.source_file, attempt.size) as bar,
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
    attempt.rows_landed = result.rows_landed
    result.rows_read = attempt.info.rows_read
    write_ledger(database, attempt)
    return result


def load_file(
    database: Database,
    exports_dir: Path,
    relative: str,
    item: RawTable | JsonExport,
    report: Report | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> FileResult:
    """Land one recognised file in its own transaction (or record why not)."""
    clock = time.perf_counter()
    path = exports_dir / relative
    entity = JSON_EXPORT_ENTITY if isinstance(item, JsonExport) else item.name
    attempt = Attempt(0, relative, file_sha256(path), entity, utc_now(), path.stat().st_size)
    attempt.load_id = database.next_load_id()
    result = _load_or_reject(database, path, item, attempt, report, batch_size)
    result.bytes = attempt.size
    result.warnings.extend(attempt.info.warnings)
    result.seconds = time.perf_counter() - clock
    return result


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
    path: Path,
    item: RawTable | JsonExport,
    attempt: Attempt,
    report: Report | None,
    batch_size: int,
) -> FileResult:
    """Skip the file if its bytes were loaded, else land it; record a rejection.

    The lock on the file's hash makes a second loader on the same file wait until the
    first one commits (PostgreSQL), then see its ledger row and skip the file.
    """
    try:
        with database.transaction():
            database.lock(file_lock_key(attempt.sha256))
            earlier = earlier_load(database, attempt.sha256)
            if earlier is not None:
                return _skip_duplicate(database, attempt, earlier)
            if report is not None:
                report(f"loading {attempt.source_file} ...")
            return _land(database, path, item, attempt, batch_size)
    except FileRejected as error:
        attempt.error = str(error)
    except OSError as error:
        attempt.error = f"{attempt.source_file}: cannot read the file ({error})"
    except DatabaseError as error:
        attempt.error = f"{attempt.source_file}: the database refused the rows ({error})"
    attempt.status = "rejected"
    attempt.rows_landed = 0
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
    """Load every file of the folder in sorted path order; one result per file."""
    results: list[FileResult] = []
    for relative in export_files(exports_dir):
        result = _load_path(database, contract, exports_dir, relative, report, batch_size)
        if on_result is not None:
            on_result(result)
        results.append(result)
    return results


def _load_path(
    database: Database,
    contract: Contract,
    exports_dir: Path,
    relative: str,
    report: Report | None,
    batch_size: int,
) -> FileResult:
    if storable(relative) != relative:  # not UTF-8: it can be neither stored nor printed
        error = f"{storable(relative)}: the file name is not valid UTF-8 (rename the file)"
        return _record_unloaded(database, exports_dir, relative, "rejected", error)
    try:
        item = contract.match(relative)
    except ValueError as error:  # the contract matches it twice: a contract bug
        return FileResult(relative, "rejected", error=str(error))
    if item is None:
        error = "not a recognised export file: no raw table matches its path"
        return _record_unloaded(database, exports_dir, relative, "skipped_unrecognised", error)
    return load_file(database, exports_dir, relative, item, report, batch_size)


def _record_unloaded(
    database: Database, exports_dir: Path, relative: str, status: str, error: str
) -> FileResult:
    """List a file that lands nothing in the ledger: unrecognised, or a name not UTF-8."""
    path = exports_dir / relative
    name = storable(relative)
    attempt = Attempt(
        database.next_load_id(), name, file_sha256(path), None, utc_now(), path.stat().st_size
    )
    attempt.status, attempt.error = status, error
    with database.transaction():
        write_ledger(database, attempt)
    result_status = "unrecognised" if status == "skipped_unrecognised" else status
    return FileResult(name, result_status, load_id=attempt.load_id, error=error)


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
        print(f"warning: {warning}", file=sys.stderr, flush=True)
    if result.status == "unrecognised":
        message = f"warning: {result.source_file}: not a recognised export file, skipped"
        print(message, file=sys.stderr, flush=True)
        return
    print(f"{result.source_file}: {result.summary()}", flush=True)


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


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    exports_dir: Path = arguments.exports_dir
    if not exports_dir.is_dir():
        print(f"csr-load: error: {exports_dir} is not a folder", file=sys.stderr)
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
    finally:
        database.close()
    print(total_line(results, time.perf_counter() - clock), flush=True)
    return 1 if any(result.status == "rejected" for result in results) else 0


def _say(line: str) -> None:
    print(line, flush=True)


if __name__ == "__main__":
    sys.exit(main())
