"""The two engines csr-load writes to: DDL of the raw schema and bulk inserts.

PostgreSQL gets ``COPY ... FROM STDIN`` (psycopg 3), DuckDB gets Arrow record batches
inserted with one ``insert ... select``. Nothing is inserted row by row. Every name in
SQL comes from the contract, never from file content, and is quoted anyway.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import repeat
from typing import Any

import duckdb
import psycopg
import pyarrow as pa

from csr_analytics.contract import (
    LEDGER_TABLE,
    LOADER_COLUMNS,
    RAW_SCHEMA,
    REJECTED_LINES_TABLE,
    Contract,
)
from csr_analytics.profiles import Target

SEQUENCE = "_load_id_seq"
SCHEMA_LOCK = 0x6373725F72617700  # advisory lock key of ensure_schema ("csr_raw")
_DUCKDB_LOCK_HOLDER = re.compile(r"Conflicting lock is held in .* \(PID (\d+)\)")

LEDGER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("load_id", "bigint"),
    ("source_file", "text"),
    ("file_sha256", "text"),
    ("entity", "text"),
    ("export_id", "text"),
    ("export_date", "text"),
    ("export_date_source", "text"),
    ("metadata", "text"),
    ("rows_read", "bigint"),
    ("rows_landed", "bigint"),
    ("status", "text"),
    ("error", "text"),
    ("started_at", "timestamp"),
    ("finished_at", "timestamp"),
)

REJECTED_LINES_COLUMNS: tuple[tuple[str, str], ...] = (
    ("load_id", "bigint"),
    ("source_file", "text"),
    ("source_line", "integer"),
    ("raw_line", "text"),
    ("error", "text"),
)

DatabaseError = (duckdb.Error, psycopg.Error)
# _load_id, _source_file, _source_line, _loaded_at, _extra: the order insert_batch fills them
LOADER_COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in LOADER_COLUMNS)


class ConnectionFailed(Exception):
    """The target database cannot be reached."""


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def qualified(table: str) -> str:
    return f"{quote(RAW_SCHEMA)}.{quote(table)}"


@dataclass(frozen=True)
class Lineage:
    """The loader columns shared by every row of one file attempt."""

    load_id: int
    source_file: str
    loaded_at: datetime


@dataclass
class Batch:
    """Rows for one raw table: data values in contract column order, line, extra JSON.

    ``extras`` is None when no row of the batch has an ``_extra``.
    """

    table: str
    columns: Sequence[str]
    rows: list[Sequence[str | None]]
    lines: list[int]
    extras: list[str | None] | None


class Database:
    """What the loader needs from an engine."""

    engine = ""
    param = "%s"

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    def insert_batch(self, batch: Batch, lineage: Lineage) -> None:
        raise NotImplementedError

    def insert_rejected_lines(
        self, lineage: Lineage, lines: Sequence[tuple[int, str, str]]
    ) -> None:
        """Rejected lines are few: a plain multi-row insert is enough."""
        if not lines:
            return
        names = ", ".join(quote(name) for name, _ in REJECTED_LINES_COLUMNS)
        values = ", ".join([self.param] * len(REJECTED_LINES_COLUMNS))
        sql = f"insert into {qualified(REJECTED_LINES_TABLE)} ({names}) values ({values})"
        self.executemany(
            sql,
            [(lineage.load_id, lineage.source_file, line, raw, err) for line, raw, err in lines],
        )

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def existing_columns(self) -> dict[str, set[str]]:
        rows = self.fetchall(
            "select table_name, column_name from information_schema.columns "
            f"where table_schema = {self.param}",
            (RAW_SCHEMA,),
        )
        columns: dict[str, set[str]] = {}
        for table, column in rows:
            columns.setdefault(table, set()).add(column)
        return columns

    def lock(self, key: int) -> None:
        """Wait for a lock held until the transaction ends (engines with one writer: no-op)."""

    def next_load_id(self) -> int:
        name = f"{RAW_SCHEMA}.{SEQUENCE}"
        return int(self.fetchall(f"select nextval('{name}')")[0][0])

    def close(self) -> None:
        raise NotImplementedError


class DuckDatabase(Database):
    engine = "duckdb"
    param = "?"

    def __init__(self, path: str) -> None:
        try:
            self.connection = duckdb.connect(path)
        except duckdb.Error as error:
            holder = _DUCKDB_LOCK_HOLDER.search(str(error))
            if holder is not None:
                raise ConnectionFailed(
                    f"the duckdb database {path} is in use by another process "
                    f"(PID {holder.group(1)}); DuckDB allows one writer at a time"
                ) from error
            raise ConnectionFailed(f"cannot open duckdb database {path}: {error}") from error

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.connection.execute(sql, list(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.connection.executemany(sql, [list(row) for row in rows])

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, list(params)).fetchall()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self.connection.begin()
        try:
            yield
        except BaseException:
            self.connection.rollback()
            raise
        self.connection.commit()

    def insert_batch(self, batch: Batch, lineage: Lineage) -> None:
        if not batch.rows:
            return
        arrays = [pa.array(column, type=pa.string()) for column in zip(*batch.rows, strict=True)]
        names = [f"c{index}" for index in range(len(arrays))]
        extras = pa.nulls(len(batch.rows), pa.string()) if batch.extras is None else batch.extras
        arrays += [pa.array(batch.lines, type=pa.int32()), pa.array(extras, pa.string())]
        names += ["line", "extra"]
        frame = pa.Table.from_arrays(arrays, names=names)
        targets = [*batch.columns, *LOADER_COLUMN_NAMES]
        sources = [*names[:-2], "?", "?", "line", "?", "extra"]
        sql = (
            f"insert into {qualified(batch.table)} ({', '.join(quote(n) for n in targets)}) "
            f"select {', '.join(sources)} from _csr_load_batch"
        )
        self.connection.register("_csr_load_batch", frame)
        try:
            self.connection.execute(sql, [lineage.load_id, lineage.source_file, lineage.loaded_at])
        finally:
            self.connection.unregister("_csr_load_batch")

    def close(self) -> None:
        self.connection.close()


class PostgresDatabase(Database):
    engine = "postgres"

    def __init__(self, target: Target) -> None:
        try:
            self.connection = psycopg.connect(
                host=target.host,
                port=target.port,
                user=target.user,
                password=target.password or None,
                dbname=target.dbname,
                autocommit=True,
                connect_timeout=10,
                application_name="csr-load",
            )
        except psycopg.Error as error:
            message = str(error).strip().splitlines()[-1] if str(error).strip() else repr(error)
            raise ConnectionFailed(f"cannot connect to {target.describe()}: {message}") from error

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.connection.execute(sql, list(params) if params else None)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(sql, rows)

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, list(params) if params else None).fetchall()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            yield

    def lock(self, key: int) -> None:
        self.execute("select pg_advisory_xact_lock(%s)", (key,))

    def insert_batch(self, batch: Batch, lineage: Lineage) -> None:
        if not batch.rows:
            return
        targets = [*batch.columns, *LOADER_COLUMN_NAMES]
        sql = f"copy {qualified(batch.table)} ({', '.join(quote(n) for n in targets)}) from stdin"
        load_id, source_file, loaded_at = lineage.load_id, lineage.source_file, lineage.loaded_at
        with self.connection.cursor() as cursor, cursor.copy(sql) as copy:
            write = copy.write_row
            extras = repeat(None, len(batch.rows)) if batch.extras is None else batch.extras
            for row, line, extra in zip(batch.rows, batch.lines, extras, strict=True):
                write((*row, load_id, source_file, line, loaded_at, extra))

    def close(self) -> None:
        self.connection.close()


def connect(target: Target) -> Database:
    if target.type == "duckdb":
        return DuckDatabase(target.path or ":memory:")
    return PostgresDatabase(target)


def _column_ddl(columns: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"{quote(name)} {kind}" for name, kind in columns)


def table_definitions(contract: Contract) -> dict[str, tuple[tuple[str, str], ...]]:
    """Every table csr-load owns in ``raw``, with its columns and types, in order."""
    tables: dict[str, tuple[tuple[str, str], ...]] = {
        table.name: (*((column, "text") for column in table.columns), *LOADER_COLUMNS)
        for table in contract.tables
    }
    tables[LEDGER_TABLE] = LEDGER_COLUMNS
    tables[REJECTED_LINES_TABLE] = REJECTED_LINES_COLUMNS
    return tables


def ensure_schema(database: Database, contract: Contract) -> None:
    """Create schema raw, the load-id sequence and every table; add missing columns."""
    with database.transaction():
        database.lock(SCHEMA_LOCK)  # two loaders at once: the second waits, then sees it all
        # PostgreSQL checks the database's CREATE privilege even when raw exists: a loader
        # role that owns raw (README, "Security model") must not need it.
        schemas = "select 1 from information_schema.schemata where schema_name = "
        if not database.fetchall(schemas + database.param, (RAW_SCHEMA,)):
            database.execute(f"create schema {quote(RAW_SCHEMA)}")
        database.execute(f"create sequence if not exists {RAW_SCHEMA}.{quote(SEQUENCE)}")
        existing = database.existing_columns()
        for table, columns in table_definitions(contract).items():
            if table not in existing:
                database.execute(f"create table {qualified(table)} ({_column_ddl(columns)})")
                continue
            for name, kind in columns:
                if name not in existing[table]:
                    database.execute(
                        f"alter table {qualified(table)} add column {quote(name)} {kind}"
                    )
