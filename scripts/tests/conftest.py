"""Shared fixtures: a real DuckDB file and a real, throw-away PostgreSQL database.

``engine`` runs a test once per engine. The PostgreSQL half needs the local server
(``PGHOST``/``PGPORT``/``PGUSER``/``PGPASSWORD``, default 127.0.0.1:5432 postgres): when
it is unreachable the test is skipped with the reason, unless ``CSR_REQUIRE_POSTGRES=1``,
in which case it fails. Each test gets its own database ``csr_test_<random>``, dropped
afterwards.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import psycopg
import pytest
from psycopg import sql

from csr_analytics.dev.workspace import SAMPLE_EXPORTS, Workspace, workspace

PROJECT_DIR = Path(__file__).resolve().parents[2]
CSR_LOAD = Path(sys.executable).with_name("csr-load")
ENGINES = ("duckdb", "postgres")


def _server_settings() -> dict[str, Any]:
    return {
        "host": os.environ.get("PGHOST", "127.0.0.1"),
        "port": int(os.environ.get("PGPORT", "5432")),
        "user": os.environ.get("PGUSER", "postgres"),
        "password": os.environ.get("PGPASSWORD") or None,
    }


def _admin_connection() -> psycopg.Connection:
    return psycopg.connect(
        dbname="postgres", autocommit=True, connect_timeout=5, **_server_settings()
    )


@pytest.fixture(scope="session")
def postgres_server() -> dict[str, Any]:
    """The local PostgreSQL server's settings; skip (or fail, if required) when it is down."""
    settings = _server_settings()
    try:
        with _admin_connection():
            pass
    except psycopg.Error as error:
        where = f"{settings['user']}@{settings['host']}:{settings['port']}"
        reason = (
            f"POSTGRESQL UNREACHABLE at {where} ({str(error).strip()}): the PostgreSQL half of "
            "the loader tests did NOT run. Start it (pg_ctlcluster ... main start) or set "
            "CSR_REQUIRE_POSTGRES=1 to turn this into a failure."
        )
        if os.environ.get("CSR_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return settings


@pytest.fixture
def postgres_database(postgres_server: dict[str, Any]) -> Iterator[str]:
    """A fresh, empty database, dropped (with any leftover session) after the test."""
    name = f"csr_test_{secrets.token_hex(6)}"
    with _admin_connection() as connection:
        connection.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    try:
        yield name
    finally:
        with _admin_connection() as connection:
            connection.execute(
                sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name))
            )


@pytest.fixture
def duckdb_path(tmp_path: Path) -> Path:
    """Where a test's DuckDB database file lives (not created yet)."""
    return tmp_path / "db" / "csr.duckdb"


@dataclass
class Engine:
    """One engine under test: how to point csr-load at it and how to query it."""

    name: str
    profiles_dir: Path
    env: dict[str, str]
    duckdb_path: Path | None = None
    dbname: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    @contextlib.contextmanager
    def connect(self) -> Iterator[Any]:
        """A fresh connection, closed again (so that csr-load can open the DuckDB file)."""
        if self.name == "duckdb":
            connection = duckdb.connect(str(self.duckdb_path))
            try:
                yield connection
            finally:
                connection.close()
            return
        with psycopg.connect(dbname=self.dbname, autocommit=True, **self.settings) as connection:
            yield connection

    def query(self, statement: str) -> list[tuple[Any, ...]]:
        with self.connect() as connection:
            return connection.execute(statement).fetchall()

    def scalar(self, statement: str) -> Any:
        return self.query(statement)[0][0]

    def execute(self, statement: str) -> None:
        with self.connect() as connection:
            connection.execute(statement)

    def cli(
        self,
        *arguments: str | Path,
        target: str | None = None,
        profiles_dir: Path | None = None,
        module: bool = False,
    ) -> subprocess.CompletedProcess:
        """Run the console script ``csr-load`` (or ``python -m csr_analytics.load``)."""
        command = [sys.executable, "-m", "csr_analytics.load"] if module else [str(CSR_LOAD)]
        options = self.options(target or self.name, profiles_dir or self.profiles_dir)
        return subprocess.run(
            [*command, *map(str, arguments), *options],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            cwd=self.profiles_dir,
        )

    def popen(self, *arguments: str | Path) -> subprocess.Popen:
        """Start ``csr-load`` in the background, its stdout as a text pipe."""
        return subprocess.Popen(
            [str(CSR_LOAD), *map(str, arguments), *self.options(self.name, self.profiles_dir)],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=self.profiles_dir,
        )

    @staticmethod
    def options(target: str, profiles_dir: Path) -> list[str]:
        return [
            "--target",
            target,
            "--profiles-dir",
            str(profiles_dir),
            "--project-dir",
            str(PROJECT_DIR),
        ]


# Fixtures that build once per engine and are shared by many tests.
SHARED_BUILDS = ("sample", "violations")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Keep the tests of each shared build in one process when pytest-xdist runs them.

    ``make test`` runs ``pytest -n 2 --dist loadgroup``: the tests of one ``xdist_group``
    run in the same process. A test on the shared sample (or violations) build of an
    engine joins that engine's group, so each build is made once, and the DuckDB and
    PostgreSQL groups run side by side; other tests go to whichever process is free. A
    module whose one fixture builds both engines names its own group.
    """
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is None or item.get_closest_marker("xdist_group"):
            continue
        engines = {callspec.params[name] for name in SHARED_BUILDS if name in callspec.params}
        if len(engines) == 1:
            item.add_marker(pytest.mark.xdist_group(engines.pop()))


ENGINE_PARAMS = [pytest.param("duckdb"), pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=ENGINE_PARAMS)
def engine(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    duckdb_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Engine:
    """Each test once on DuckDB and once on PostgreSQL, with a profiles.yml in tmp_path.

    The profile is the project's profiles.example.yml; the environment (of this process,
    and ``Engine.env`` for subprocesses) points it at the test's database.
    """
    profiles_dir = tmp_path / "profiles"
    profiles_dir.mkdir()
    shutil.copy(PROJECT_DIR / "profiles.example.yml", profiles_dir / "profiles.yml")
    duckdb_path.parent.mkdir(parents=True, exist_ok=True)
    variables = {"CSR_TARGET": request.param, "CSR_DUCKDB_PATH": str(duckdb_path)}
    settings: dict[str, Any] = {}
    dbname = None
    if request.param == "postgres":
        dbname = request.getfixturevalue("postgres_database")
        settings = request.getfixturevalue("postgres_server")
        variables |= {
            "PGHOST": settings["host"],
            "PGPORT": str(settings["port"]),
            "PGUSER": settings["user"],
            "PGDATABASE": dbname,
        }
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("DBT_PROFILES_DIR", raising=False)
    env = {**os.environ, **variables, "PYTHONUNBUFFERED": "1"}
    return Engine(request.param, profiles_dir, env, duckdb_path, dbname, settings)


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write an export folder: relative path -> text (written as UTF-8, as is) or bytes."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
    return root


USERS_HEADER = (
    "id,email,first_name,last_name,role,joined_at,language_preference,interests,location,left_at"
)


def write_users_csv(path: Path, rows: int) -> Path:
    """A large, valid Buddy users export (about 140 bytes a row), written with plain Python."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(USERS_HEADER + "\n")
        handle.writelines(
            f"00000000-0000-4000-8000-{n:012d},user{n}@example.org,First{n},Last{n},"
            f"{'buddy' if n % 2 else 'participant'},2025-01-01T10:00:00Z,en,"
            f'"[""music"",""chess""]",Berlin,\n'
            for n in range(rows)
        )
    return path


@pytest.fixture(scope="session", params=ENGINES)
def sample(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Workspace]:
    """The sample exports loaded and built once per engine, shared by every test module.

    On PostgreSQL the sample is loaded as production loads it: `setup_access` prepares the
    database, and a login role in csr_loader (which may only insert) runs csr-load.
    Tests may read it; a test that changes it must leave the marts as it found them.
    """
    engine = request.param
    if engine == "postgres":
        request.getfixturevalue("postgres_server")
    with workspace(engine, tmp_path_factory.mktemp(f"sample_{engine}")) as space:
        loader = None
        if engine == "postgres":
            loader = f"csr_test_load_job_{secrets.token_hex(4)}"
            space.dbt("run-operation", "create_loader_login", "--args", f"{{role_name: {loader}}}")
        try:
            loaded = space.load(SAMPLE_EXPORTS, user=loader)
            assert "rejected:" not in loaded.stdout, loaded.stdout
            space.dbt("build")
            yield space
        finally:
            if loader is not None:
                with _admin_connection() as connection:
                    connection.execute(
                        sql.SQL("drop role if exists {}").format(sql.Identifier(loader))
                    )
