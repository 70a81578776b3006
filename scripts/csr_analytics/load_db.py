"""The two engines csr-load writes to: DDL of the raw schema and bulk inserts.

PostgreSQL gets ``COPY ... FROM STDIN`` (psycopg 3), DuckDB gets Arrow record batches
inserted with one ``insert ... select``. Nothing is inserted row by row. Every name in
SQL comes from the contract, never from file content, and is quoted anyway. The
connection itself is opened by ``csr_analytics.connections``; the batches come from the
reader (``csr_analytics.load_read``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import repeat
from typing import Any

import duckdb
import psycopg
import pyarrow as pa

from csr_analytics.connections import open_duckdb, open_postgres
from csr_analytics.contract import (
    LEDGER_TABLE,
    LINEAGE_COLUMNS,
    LOAD_ID_SEQUENCE,
    RAW_SCHEMA,
    REJECTED_LINES_COLUMNS,
    REJECTED_LINES_TABLE,
    Columns,
    Contract,
)
from csr_analytics.load_read import Batch, FileInfo
from csr_analytics.profiles import Target

SCHEMA_LOCK = 0x6373725F72617700  # advisory lock key of ensure_schema ("csr_raw")

DatabaseError = (duckdb.Error, psycopg.Error)
# _load_id, _source_file, _source_line, _loaded_at, _extra: the order insert_batch fills them
LOADER_COLUMN_NAMES: tuple[str, ...] = LINEAGE_COLUMNS


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def qualified(table: str) -> str:
    return f"{quote(RAW_SCHEMA)}.{quote(table)}"


@dataclass(frozen=True)
class Lineage:
    """The loader columns shared by every row of one file attempt. The file's export
    date is read from ``info`` when rows are written: the reader has found it (metadata
    lines, the JSON export's metadata or the file name) before it yields any row."""

    load_id: int
    source_file: str
    loaded_at: datetime
    info: FileInfo

    @property
    def export_date(self) -> str | None:
        return self.info.export_date


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
        names = ", ".join(quote(name) for name in REJECTED_LINES_COLUMNS)
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

    def sequence_exists(self, name: str) -> bool:
        rows = self.fetchall(
            "select 1 from information_schema.sequences "
            f"where sequence_schema = {self.param} and sequence_name = {self.param}",
            (RAW_SCHEMA, name),
        )
        return bool(rows)

    def lock(self, key: int) -> None:
        """Wait for a lock held until the transaction ends (engines with one writer: no-op)."""

    def next_load_id(self) -> int:
        name = f"{RAW_SCHEMA}.{LOAD_ID_SEQUENCE}"
        return int(self.fetchall(f"select nextval('{name}')")[0][0])

    def close(self) -> None:
        raise NotImplementedError


class DuckDatabase(Database):
    engine = "duckdb"
    param = "?"

    def __init__(self, path: str) -> None:
        self.connection = open_duckdb(path, read_only=False)

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
        sources = [*names[:-2], "?", "?", "line", "?", "extra", "?"]
        sql = (
            f"insert into {qualified(batch.table)} ({', '.join(quote(n) for n in targets)}) "
            f"select {', '.join(sources)} from _csr_load_batch"
        )
        self.connection.register("_csr_load_batch", frame)
        try:
            self.connection.execute(
                sql,
                [lineage.load_id, lineage.source_file, lineage.loaded_at, lineage.export_date],
            )
        finally:
            self.connection.unregister("_csr_load_batch")

    def sequence_exists(self, name: str) -> bool:
        rows = self.fetchall(
            "select 1 from duckdb_sequences() where schema_name = ? and sequence_name = ?",
            (RAW_SCHEMA, name),
        )
        return bool(rows)

    def close(self) -> None:
        self.connection.close()


class PostgresDatabase(Database):
    engine = "postgres"

    def __init__(self, target: Target) -> None:
        self.connection = open_postgres(target, read_only=False, application_name="csr-load")

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
        export_date = lineage.export_date
        with self.connection.cursor() as cursor, cursor.copy(sql) as copy:
            write = copy.write_row
            extras = repeat(None, len(batch.rows)) if batch.extras is None else batch.extras
            for row, line, extra in zip(batch.rows, batch.lines, extras, strict=True):
                write((*row, load_id, source_file, line, loaded_at, extra, export_date))

    def close(self) -> None:
        self.connection.close()


def connect(target: Target) -> Database:
    """The loader's read-write connection to the target (``connections`` opens it)."""
    if target.type == "duckdb":
        return DuckDatabase(target.path or ":memory:")
    return PostgresDatabase(target)


def _column_ddl(columns: Columns) -> str:
    return ", ".join(f"{quote(name)} {kind}" for name, kind in columns)


def table_definitions(contract: Contract) -> dict[str, Columns]:
    """Every table of ``raw``, with its columns and types, in order: the sources' tables
    (text, then the lineage columns), the ledger and the rejected lines (the `loader`
    source). ``dbt run-operation setup_access`` creates the same from the same YAML."""
    loader = contract.loader
    tables: dict[str, Columns] = {
        table.name: (*((column, "text") for column in table.columns), *loader.lineage_columns)
        for table in contract.tables
    }
    tables[LEDGER_TABLE] = loader.ledger_columns
    tables[REJECTED_LINES_TABLE] = loader.rejected_lines_columns
    return tables


class SchemaNotReady(psycopg.errors.InsufficientPrivilege):
    """Part of ``raw`` is missing and this role may not create it."""


def missing_ddl(database: Database, contract: Contract) -> list[str]:
    """The statements that would create what ``raw`` lacks; empty when it is complete."""
    statements: list[str] = []
    backfills: list[str] = []
    schemas = "select 1 from information_schema.schemata where schema_name = "
    if not database.fetchall(schemas + database.param, (RAW_SCHEMA,)):
        statements.append(f"create schema {quote(RAW_SCHEMA)}")
    if not database.sequence_exists(LOAD_ID_SEQUENCE):
        statements.append(f"create sequence if not exists {qualified(LOAD_ID_SEQUENCE)}")
    existing = database.existing_columns()
    for table, columns in table_definitions(contract).items():
        if table not in existing:
            statements.append(f"create table {qualified(table)} ({_column_ddl(columns)})")
            continue
        for name, kind in columns:
            if name not in existing[table]:
                statements.append(f"alter table {qualified(table)} add column {quote(name)} {kind}")
                if name == EXPORT_DATE_COLUMN:
                    backfills.append(_export_date_backfill(table))
    return statements + backfills  # once every table, the ledger too, exists


EXPORT_DATE_COLUMN = "_export_date"


def _export_date_backfill(table: str) -> str:
    """Rows landed before the loader wrote `_export_date` take their file's date from the
    ledger (`setup_access` does the same on PostgreSQL when it adds the column first)."""
    return (
        f"update {qualified(table)} set {EXPORT_DATE_COLUMN} = ("
        f"select loads.export_date from {qualified(LEDGER_TABLE)} as loads "
        f"where loads.load_id = {qualified(table)}._load_id)"
    )


def ensure_schema(database: Database, contract: Contract) -> None:
    """Create what ``raw`` lacks: the schema, the load-id sequence, every table, missing
    columns. Nothing is run when it is complete, so a role that may only insert (the
    loader's, on PostgreSQL) loads a database that `setup_access` has prepared; when it
    is not complete and this role may not create it, a clear error says what to run."""
    if not missing_ddl(database, contract):
        return
    with database.transaction():
        database.lock(SCHEMA_LOCK)  # two loaders at once: the second waits, then sees it all
        for statement in missing_ddl(database, contract):
            try:
                database.execute(statement)
            except psycopg.errors.InsufficientPrivilege as error:
                raise SchemaNotReady(
                    f"the raw schema is not complete ({statement.split(' (')[0]}) and "
                    f"this role may not create it: run `dbt run-operation setup_access` "
                    f"as the project's owner role first ({error.diag.message_primary})"
                ) from error
