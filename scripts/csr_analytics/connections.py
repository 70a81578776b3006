"""Every database connection the package opens: a DuckDB file or a PostgreSQL database.

The database comes from a dbt profile's ``Target`` (csr-load, csr-report, sroi_report)
or, for PostgreSQL, from the libpq environment (``PGHOST``, ``PGPORT``, ``PGUSER``,
``PGPASSWORD``; the dev workspace). A caller that only reads opens read-only: DuckDB's
``read_only`` mode, PostgreSQL's ``default_transaction_read_only``. A database that
cannot be reached raises ``ConnectionFailed`` with a one-line reason.

``Reader`` wraps a read-only connection for code that only runs queries (the reports):
``fetchall`` with the engine's parameter mark (``param``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

import duckdb
import psycopg

from csr_analytics.profiles import Target

CONNECT_TIMEOUT = 10  # seconds
_DUCKDB_LOCK_HOLDER = re.compile(r"Conflicting lock is held in .* \(PID (\d+)\)")
_READ_ONLY_OPTIONS = "-c default_transaction_read_only=on"


class ConnectionFailed(Exception):
    """The target database cannot be reached."""


def libpq_target(dbname: str) -> Target:
    """A PostgreSQL target on the server of the libpq variables (default
    127.0.0.1:5432, user postgres)."""
    return Target(
        name="libpq",
        type="postgres",
        host=os.environ.get("PGHOST", "127.0.0.1"),
        port=int(os.environ.get("PGPORT", "5432")),
        user=os.environ.get("PGUSER", "postgres"),
        password=os.environ.get("PGPASSWORD") or "",
        dbname=dbname,
    )


def open_duckdb(path: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """The DuckDB file (``:memory:`` for none); a file another process writes is named
    with that process."""
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as error:
        holder = _DUCKDB_LOCK_HOLDER.search(str(error))
        if holder is not None:
            raise ConnectionFailed(
                f"the duckdb database {path} is in use by another process "
                f"(PID {holder.group(1)}); DuckDB allows one writer at a time"
            ) from error
        raise ConnectionFailed(f"cannot open duckdb database {path}: {error}") from error


def open_postgres(
    target: Target,
    *,
    read_only: bool,
    application_name: str,
    autocommit: bool = True,
    connect_timeout: int = CONNECT_TIMEOUT,
) -> psycopg.Connection:
    """A connection to the target's PostgreSQL database."""
    try:
        return psycopg.connect(
            host=target.host,
            port=target.port,
            user=target.user,
            password=target.password or None,
            dbname=target.dbname,
            autocommit=autocommit,
            connect_timeout=connect_timeout,
            application_name=application_name,
            options=_READ_ONLY_OPTIONS if read_only else None,
        )
    except psycopg.Error as error:
        message = str(error).strip().splitlines()[-1] if str(error).strip() else repr(error)
        raise ConnectionFailed(f"cannot connect to {target.describe()}: {message}") from error


def open_target(target: Target, *, read_only: bool, application_name: str) -> Any:
    """A DB-API connection to the target's database, whichever its engine."""
    if target.type == "duckdb":
        return open_duckdb(target.path or ":memory:", read_only=read_only)
    return open_postgres(target, read_only=read_only, application_name=application_name)


class Reader:
    """Read-only queries on one database, with the engine's parameter mark."""

    def __init__(self, target: Target, application_name: str) -> None:
        self.engine = target.type
        self.param = "?" if target.type == "duckdb" else "%s"
        self.connection = open_target(target, read_only=True, application_name=application_name)

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, list(params) if params else None).fetchall()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
