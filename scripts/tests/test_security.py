"""The security model (README, "Security model"): roles, row security and no PII beyond pii.

Role tests run on the PostgreSQL build of the sample as the superuser that built it, with
``set role`` to the role under test; DuckDB has no roles. Roles are cluster-wide: the
login roles made here carry a random suffix and are dropped again.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import psycopg
import pytest
from psycopg import sql

from csr_analytics.dev.workspace import (
    BIN,
    PROJECT_DIR,
    SAMPLE_EXPORTS,
    Workspace,
    admin_connection,
    server_settings,
)

PII_TEST = "assert_no_pii_outside_pii_schema"
COMPANY_SCOPED = {
    "rpt_company_vis",
    "rpt_sroi",
    "fct_sroi_quarterly",
    "fct_volunteer_activities",
    "rpt_program_metrics_quarterly",
    "fct_buddy_events",
    "fct_buddy_event_attendance",
    "fct_buddy_checkins",
    "fct_buddy_feedback",
    "fct_buddy_milestones",
    "fct_buddy_skill_sessions",
    "fct_kintell_sessions",
    "fct_course_records",
    "fct_credentials",
}
COMPANY = "C-1001"  # a company of the sample exports (data/sample_exports/platform)


@pytest.fixture
def built(sample: Workspace) -> Workspace:
    if sample.engine != "postgres":
        pytest.skip("DuckDB has no roles: grants and row security are PostgreSQL only")
    return sample


@contextlib.contextmanager
def session(space: Workspace, role: str | None = None) -> Iterator[psycopg.Connection]:
    """A connection to the workspace's database, acting as ``role`` when given."""
    with psycopg.connect(dbname=space.database, autocommit=True, **server_settings()) as conn:
        if role is not None:
            conn.execute(sql.SQL("set role {}").format(sql.Identifier(role)))
        yield conn


def rows(space: Workspace, statement: str, role: str | None = None) -> list[tuple[Any, ...]]:
    with session(space, role) as connection:
        return connection.execute(statement).fetchall()


def is_denied(space: Workspace, role: str, statement: str) -> bool:
    with session(space, role) as connection:
        try:
            connection.execute(statement)
        except psycopg.errors.InsufficientPrivilege:
            return True
    return False


def any_relation(space: Workspace, schema: str) -> str:
    found = rows(
        space,
        "select table_name from information_schema.tables"
        f" where table_schema = '{schema}' order by table_name limit 1",
    )
    assert found, f"nothing built in {schema}"
    return f"{schema}.{found[0][0]}"


@contextlib.contextmanager
def login_role(prefix: str) -> Iterator[str]:
    """A fresh role name, dropped (if created) afterwards."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    try:
        yield name
    finally:
        with admin_connection() as connection:
            connection.execute(sql.SQL("drop role if exists {}").format(sql.Identifier(name)))


def test_analyst_reads_marts_and_data_quality_and_nothing_else(built: Workspace) -> None:
    for schema in ("marts", "data_quality"):
        relation = any_relation(built, schema)
        assert rows(built, f"select count(*) from {relation}", "csr_analyst")[0][0] >= 0
    for schema in ("raw", "staging", "intermediate", "pii", "snapshots", "seeds"):
        relation = any_relation(built, schema)
        assert is_denied(built, "csr_analyst", f"select * from {relation} limit 1"), relation


def test_pii_reader_reads_pii_and_not_marts(built: Workspace) -> None:
    assert rows(built, "select count(*) from pii.pii_users", "csr_pii_reader")[0][0] > 0
    assert is_denied(built, "csr_pii_reader", "select * from marts.dim_users limit 1")


def test_loader_cannot_write_or_read_marts(built: Workspace) -> None:
    assert is_denied(
        built, "csr_loader", "insert into marts.dim_companies (company_id) values ('X')"
    )
    assert is_denied(built, "csr_loader", "create table marts.loader_table (a integer)")
    assert is_denied(built, "csr_loader", "select * from marts.dim_companies")
    assert is_denied(built, "csr_loader", "select * from pii.pii_users")


def test_company_role_sees_only_its_own_rows(built: Workspace) -> None:
    with login_role("csr_test_company") as role:
        built.dbt(
            "run-operation",
            "create_company_role",
            "--args",
            f"{{company_id: {COMPANY}, role_name: {role}}}",
        )
        try:
            seen = 0
            for mart in sorted(COMPANY_SCOPED):
                query = f"select company_id, count(*) from marts.{mart} group by company_id"
                as_owner = dict(rows(built, query))
                assert sum(as_owner.values()) > 0 and set(as_owner) != {COMPANY}, mart
                own = {COMPANY: as_owner[COMPANY]} if COMPANY in as_owner else {}
                assert dict(rows(built, query, role)) == own, mart
                assert dict(rows(built, query, "csr_analyst")) == as_owner, mart
                seen += bool(own)
            assert seen >= 10  # the sample's C-1001 has rows in most of them
            assert is_denied(built, role, "select * from marts.dim_users limit 1")
            assert rows(built, "select * from security.company_roles", role) == [(role, COMPANY)]
        finally:
            with session(built) as connection:
                connection.execute(
                    "delete from security.company_roles where role_name = %s", (role,)
                )


def test_company_scoped_marts_are_the_ones_with_company_rows(built: Workspace) -> None:
    """Every mart with a company_id column is readable by company roles, row by row."""
    manifest = json.loads((built.folder / "target" / "manifest.json").read_text())
    marts = {
        node["alias"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["schema"] == "marts"
    }
    granted = {
        name
        for name, node in marts.items()
        if "csr_company_reader" in node["config"].get("grants", {}).get("select", [])
    }
    with_company = {name for name, node in marts.items() if "company_id" in node["columns"]}
    assert granted == COMPANY_SCOPED
    # the others with a company column: the company list, every person's company, and
    # the outcome ledger (one row per person and outcome, for the analysts)
    assert with_company - granted == {"dim_companies", "dim_users", "fct_sroi_outcomes"}


def test_unmapped_company_reader_sees_no_rows(built: Workspace) -> None:
    with login_role("csr_test_unmapped") as role:
        with admin_connection() as connection:
            connection.execute(
                sql.SQL("create role {} in role csr_company_reader").format(sql.Identifier(role))
            )
        for mart in COMPANY_SCOPED:
            assert rows(built, f"select count(*) from marts.{mart}", role) == [(0,)], mart


PRIVILEGES = """
select 'relation', n.nspname || '.' || c.relname, c.relowner::regrole::text,
    c.relrowsecurity::text, coalesce(a.grantee::regrole::text, ''), coalesce(a.privilege_type, '')
from pg_class as c
inner join pg_namespace as n on c.relnamespace = n.oid
left join lateral aclexplode(c.relacl) as a on true
where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
union all
select 'schema', n.nspname, n.nspowner::regrole::text, '',
    coalesce(a.grantee::regrole::text, ''), coalesce(a.privilege_type, '')
from pg_namespace as n
left join lateral aclexplode(n.nspacl) as a on true
union all
select 'default', coalesce(d.defaclnamespace::regnamespace::text, ''), d.defaclrole::regrole::text,
    d.defaclobjtype::text, a.grantee::regrole::text, a.privilege_type
from pg_default_acl as d
cross join lateral aclexplode(d.defaclacl) as a
union all
select 'policy', schemaname || '.' || tablename, policyname, cmd, roles::text, coalesce(qual, '')
from pg_policies
union all
select 'member', r.rolname, m.rolname, '', '', ''
from pg_auth_members as am
inner join pg_roles as r on am.roleid = r.oid
inner join pg_roles as m on am.member = m.oid
where r.rolname like 'csr\\_%' and m.rolname not like 'csr\\_test\\_%'  -- other tests' roles
union all
select 'company_role', role_name, company_id, '', '', ''
from security.company_roles
order by 1, 2, 3, 4, 5, 6
"""


def test_setup_access_again_changes_nothing(built: Workspace) -> None:
    after_build = rows(built, PRIVILEGES)  # the build ran the setup on-run-start and -end
    assert ("relation", "marts.dim_users", "csr_analyst", "SELECT") in [
        (row[0], row[1], row[4], row[5]) for row in after_build
    ]
    assert {r[1] for r in after_build if r[0] == "policy"} >= {f"marts.{m}" for m in COMPANY_SCOPED}
    for _ in range(2):
        built.dbt("run-operation", "setup_access")
        assert rows(built, PRIVILEGES) == after_build


# What a hostile loader would try (the role owns nothing and may only insert rows): each
# must be refused. `pg_temp` is a schema too: temporary objects are not the loader's.
LOADER_DENIED = (
    "create function public.csr_loader_f() returns int language sql as 'select 1'",
    "create function raw.csr_loader_f() returns int language sql as 'select 1'",
    "create function pii.csr_loader_f() returns int language sql as 'select 1'",
    "create function pg_temp.csr_loader_f() returns int language sql as 'select 1'",
    "create or replace function public.csr_json_parse(value text) returns jsonb"
    " language sql as 'select null::jsonb'",
    "create view raw.csr_loader_v as select 1 as a",
    "create view public.csr_loader_v as select 1 as a",
    "alter table raw.buddy_users rename to buddy_users_old",
    "alter table raw.buddy_users add column csr_loader_c text",
    "alter table raw._loads owner to csr_loader",
    "create table raw.csr_loader_t (a integer)",
    "create table public.csr_loader_t (a integer)",
    "create table pii.csr_loader_t (a integer)",
    "create temporary table csr_loader_t (a integer)",
    "drop table raw.buddy_users",
    "truncate raw.buddy_users",
    "delete from raw._loads",
    "update raw.buddy_users set email = 'x'",
    "create schema csr_loader_s",
)


@pytest.mark.parametrize("statement", LOADER_DENIED)
def test_loader_cannot_create_alter_or_replace_anything(built: Workspace, statement: str) -> None:
    assert is_denied(built, "csr_loader", statement), statement


def test_loader_owns_nothing_and_may_insert_and_read_the_ledger(built: Workspace) -> None:
    owned = rows(
        built,
        "select count(*) from pg_class where relowner = 'csr_loader'::regrole"
        " union all select count(*) from pg_namespace where nspowner = 'csr_loader'::regrole"
        " union all select count(*) from pg_proc where proowner = 'csr_loader'::regrole",
    )
    assert owned == [(0,), (0,), (0,)]
    with session(built, "csr_loader") as connection, connection.transaction() as transaction:
        connection.execute("select nextval('raw._load_id_seq')")
        connection.execute("select count(*) from raw._loads").fetchall()
        connection.execute("insert into raw.platform_companies (company_id) values ('X')")
        raise psycopg.Rollback(transaction)


def test_the_sample_was_loaded_by_a_loader_login(built: Workspace) -> None:
    """The sample fixture loads as a login role in csr_loader (conftest): a database that
    `setup_access` prepared loads and builds end to end without the owner loading it."""
    owners = rows(built, "select distinct tableowner from pg_tables where schemaname = 'raw'")
    assert owners == [(server_settings()["user"],)]
    assert rows(built, "select count(*) from raw._loads where status = 'loaded'")[0][0] > 20


def test_loader_on_a_database_not_set_up_says_what_to_run(built: Workspace, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    (exports / "platform").mkdir(parents=True)
    shutil.copy(SAMPLE_EXPORTS / "platform" / "companies.csv", exports / "platform")
    database = f"csr_test_{secrets.token_hex(6)}"
    with admin_connection() as connection:
        connection.execute(sql.SQL("create database {}").format(sql.Identifier(database)))
    fresh = Workspace(engine="postgres", folder=built.folder, database=database)
    try:
        with login_role("csr_test_loader") as role:
            with admin_connection() as connection:
                connection.execute(
                    sql.SQL("create role {} login in role csr_loader").format(sql.Identifier(role))
                )
            result = subprocess.run(
                [str(BIN / "csr-load"), str(exports), "--target", "postgres"],
                cwd=PROJECT_DIR,
                env={**fresh.env, "PGUSER": role},
                capture_output=True,
                text=True,
            )
            assert result.returncode == 2, result.stdout + result.stderr
            assert "dbt run-operation setup_access" in result.stderr
            fresh.dbt("run-operation", "setup_access")
            again = subprocess.run(
                [str(BIN / "csr-load"), str(exports), "--target", "postgres"],
                cwd=PROJECT_DIR,
                env={**fresh.env, "PGUSER": role},
                capture_output=True,
                text=True,
            )
            assert again.returncode == 0, again.stdout + again.stderr
            assert rows(fresh, "select count(*) from raw.platform_companies")[0][0] > 0
    finally:
        with admin_connection() as connection:
            connection.execute(
                sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(database))
            )


def plant(space: Workspace, statements: list[str]) -> None:
    if space.engine == "duckdb":
        with duckdb.connect(str(space.folder / "csr.duckdb")) as connection:
            for statement in statements:
                connection.execute(statement)
        return
    with session(space) as connection:
        for statement in statements:
            connection.execute(statement)


def test_pii_scan_passes_on_the_build_and_fails_on_planted_pii(sample: Workspace) -> None:
    passed = sample.dbt("test", "--select", PII_TEST, check=False)
    assert passed.returncode == 0, passed.stdout[-3000:]
    company = sample.query("select company_id, industry from marts.dim_companies limit 1")[0]
    program = sample.query("select program_type, description from marts.dim_programs limit 1")[0]
    plant(
        sample,
        [
            # addresses parse_email accepts: a non-ASCII one and a top-level domain with a digit
            "update marts.dim_companies set industry = 'Mail j\u00f6hn.doe@ex\u00e4mple.de'"
            f" where company_id = '{company[0]}'",
            "update marts.dim_programs set description = 'ask ann@example.c1 first'"
            f" where program_type = '{program[0]}'",
            "alter table data_quality.dq_warnings add column reviewer_notes text",
        ],
    )
    try:
        failed = sample.dbt("test", "--select", PII_TEST, check=False)
    finally:
        plant(
            sample,
            [
                "update marts.dim_companies set industry = "
                + ("null" if company[1] is None else "'" + company[1].replace("'", "''") + "'")
                + f" where company_id = '{company[0]}'",
                "update marts.dim_programs set description = "
                + "'"
                + program[1].replace("'", "''")
                + "'"
                + f" where program_type = '{program[0]}'",
                "alter table data_quality.dq_warnings drop column reviewer_notes",
            ],
        )
    assert failed.returncode != 0
    assert f"Failure in test {PII_TEST}" in failed.stdout
    assert "Got 3 results" in failed.stdout, failed.stdout[-3000:]
