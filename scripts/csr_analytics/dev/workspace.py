"""A throw-away workspace for end-to-end runs and benchmarks: one database (a DuckDB file
or a fresh PostgreSQL database), csr-load and dbt run as a user runs them, and queries on
the result."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from csr_analytics.connections import libpq_target, open_duckdb, open_postgres

PROJECT_DIR = Path(__file__).resolve().parents[3]  # the dbt project (an editable install)
BIN = Path(sys.executable).parent
AS_OF = "2025-06-30"
SAMPLE_EXPORTS = PROJECT_DIR / "data" / "sample_exports"


def server_settings() -> dict[str, Any]:
    """The libpq server (host, port, user, password) as psycopg.connect keywords."""
    target = libpq_target("postgres")
    return {
        "host": target.host,
        "port": target.port,
        "user": target.user,
        "password": target.password or None,
    }


def admin_connection() -> psycopg.Connection:
    """The server's ``postgres`` database (autocommit), to create and drop databases."""
    return open_postgres(
        libpq_target("postgres"),
        read_only=False,
        application_name="csr-workspace",
        connect_timeout=5,
    )


@dataclass
class Workspace:
    """One engine's database and a private dbt target folder."""

    engine: str
    folder: Path
    database: str

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DO_NOT_TRACK="1",
            DBT_PROFILES_DIR=str(self.folder),
            CSR_DUCKDB_PATH=str(self.folder / "csr.duckdb"),
            PGDATABASE=self.database,
        )
        return env

    def run(
        self, args: Sequence[str], check: bool = True, user: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        env = self.env if user is None else {**self.env, "PGUSER": user}
        result = subprocess.run(
            list(args), cwd=PROJECT_DIR, env=env, capture_output=True, text=True
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"{' '.join(args)} exited {result.returncode}\n"
                f"--- stdout ---\n{result.stdout[-8000:]}\n--- stderr ---\n{result.stderr[-4000:]}"
            )
        return result

    def load(
        self, exports: Path, check: bool = True, user: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        """csr-load the folder (on PostgreSQL as ``user`` when given)."""
        return self.run([str(BIN / "csr-load"), str(exports), "--target", self.engine], check, user)

    def dbt(
        self, *args: str, as_of: str = AS_OF, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        return self.run(
            [
                str(BIN / "dbt"),
                *args,
                "--target",
                self.engine,
                "--vars",
                f"{{as_of_date: {as_of}}}",
                "--target-path",
                str(self.folder / "target"),
                "--log-path",
                str(self.folder / "logs"),
            ],
            check,
        )

    def checksums(self, schemas: Sequence[str]) -> dict[str, tuple[int, str]]:
        """Per table or view of the schemas: its row count and an md5 over its rows' text,
        in sorted order (so independent of the order rows come back in)."""
        relations = self.query(
            "select table_schema, table_name from information_schema.tables "
            f"where table_schema in ({', '.join(['%s'] * len(schemas))}) order by 1, 2",
            schemas,
        )
        text = "cast(r as varchar)" if self.engine == "duckdb" else "r::text"
        sums = {}
        for schema, name in relations:
            [(rows, digest)] = self.query(
                f"select count(*), md5(coalesce(string_agg({text}, '|' order by {text}), '')) "
                f'from "{schema}"."{name}" as r'
            )
            sums[f"{schema}.{name}"] = (rows, digest)
        return sums

    def query(self, text: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query (``%s`` parameters on both engines)."""
        if self.engine == "duckdb":
            with open_duckdb(str(self.folder / "csr.duckdb"), read_only=True) as connection:
                return connection.execute(text.replace("%s", "?"), list(params)).fetchall()
        target = libpq_target(self.database)
        with open_postgres(target, read_only=True, application_name="csr-workspace") as connection:
            return connection.execute(text, params or None).fetchall()


@contextmanager
def workspace(engine: str, folder: Path) -> Iterator[Workspace]:
    """A fresh database for the engine, dropped afterwards (PostgreSQL)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_DIR / "profiles.example.yml", folder / "profiles.yml")
    name = f"csr_test_{secrets.token_hex(6)}"
    if engine == "postgres":
        with admin_connection() as connection:
            connection.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    try:
        yield Workspace(engine=engine, folder=folder, database=name)
    finally:
        if engine == "postgres":
            with admin_connection() as connection:
                connection.execute(
                    sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name))
                )
