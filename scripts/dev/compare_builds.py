"""Compare two builds of the project table by table: are they the same, row for row?

    python scripts/dev/compare_builds.py BEFORE AFTER [--schemas marts data_quality pii]

BEFORE and AFTER are DuckDB files (path ending in .duckdb) or PostgreSQL database names
on the server of the libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD). Every table
and view of the schemas is read whole on both sides and compared as a multiset of rows
(EXCEPT ALL both ways): a table present on one side only, a different column list, or
any row more or less on either side is a difference. Prints one line per table and
exits 1 when anything differs. Used to prove that a change that should not change
figures (a refactoring) did not.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

from csr_analytics.connections import libpq_target, open_duckdb, open_postgres

SCHEMAS = ("marts", "data_quality", "pii")


def _connect(target: str) -> Any:
    """A read-only connection: the DuckDB file, or the database on the libpq server."""
    if target.endswith(".duckdb"):
        return open_duckdb(target, read_only=True)
    return open_postgres(libpq_target(target), read_only=True, application_name="compare-builds")


def _tables(connection: Any, schemas: Sequence[str]) -> list[tuple[str, str]]:
    marks = ", ".join(["'" + schema + "'" for schema in schemas])
    return [
        (schema, name)
        for schema, name in connection.execute(
            "select table_schema, table_name from information_schema.tables "
            f"where table_schema in ({marks}) order by 1, 2"
        ).fetchall()
    ]


def _rows(connection: Any, schema: str, name: str) -> tuple[list[str], Counter]:
    cursor = connection.execute(f'select * from "{schema}"."{name}"')
    columns = [column[0] for column in cursor.description]
    return columns, Counter(tuple(_comparable(value) for value in row) for row in cursor.fetchall())


def _comparable(value: Any) -> Any:
    """Values as both engines' drivers give them, made comparable (JSON by its text)."""
    if isinstance(value, dict | list):
        import json

        return json.dumps(value, sort_keys=True, separators=(",", ":"))
    return value


def compare(before: str, after: str, schemas: Sequence[str]) -> list[str]:
    """One line per difference; empty when the two builds are identical."""
    left, right = _connect(before), _connect(after)
    differences = []
    try:
        left_tables, right_tables = set(_tables(left, schemas)), set(_tables(right, schemas))
        for schema, name in sorted(left_tables ^ right_tables):
            side = "before" if (schema, name) in left_tables else "after"
            differences.append(f"{schema}.{name}: only {side}")
        for schema, name in sorted(left_tables & right_tables):
            left_columns, left_rows = _rows(left, schema, name)
            right_columns, right_rows = _rows(right, schema, name)
            label = f"{schema}.{name}"
            if left_columns != right_columns:
                differences.append(f"{label}: columns {left_columns} -> {right_columns}")
                continue
            missing, extra = left_rows - right_rows, right_rows - left_rows
            if missing or extra:
                differences.append(
                    f"{label}: {sum(missing.values())} rows only before, "
                    f"{sum(extra.values())} only after; e.g. "
                    f"{next(iter(missing), None)} / {next(iter(extra), None)}"
                )
            else:
                print(f"{label}: identical ({sum(left_rows.values())} rows)")
    finally:
        left.close()
        right.close()
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--schemas", nargs="+", default=list(SCHEMAS))
    arguments = parser.parse_args(argv)
    differences = compare(arguments.before, arguments.after, arguments.schemas)
    for line in differences:
        print(f"DIFFERENT {line}")
    print(f"{len(differences)} tables differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
