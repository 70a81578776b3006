"""``csr-report``: print what a build produced, straight from the database.

Sections: ``summary`` (the files of the latest load run per status, then per raw table of
the sources contract: rows landed, rejected, warned and current in staging),
``enrollments`` (enrollment counts by program and status) and ``journey EMAIL`` (one
person's journey-flag JSON). The connection comes from the dbt profile, as for csr-load,
and is read-only.
With ``--company ID --period 2025`` (or ``2025-Q2``) it writes that company's impact report
as one HTML file instead (see company_report) and prints its path.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from csr_analytics import company_report
from csr_analytics.connections import Reader
from csr_analytics.contract import Contract, find_project_dir, load_contract
from csr_analytics.profiles import read_target

STAGING_SCHEMA = "staging"
LINEAGE_TABLE_COLUMN = "_source_table"  # every staging model's raw table of each row
SUPERSEDED_COLUMN = "is_superseded"  # staging models that keep history mark older rows
RUN_COLUMN = "run_id"  # the ledger's csr-load run


def relation_exists(database: Reader, schema: str, name: str) -> bool:
    rows = database.fetchall(
        "select count(*) from information_schema.tables "
        f"where table_schema = {database.param} and table_name = {database.param}",
        (schema, name),
    )
    return bool(rows[0][0])


def scalar(database: Reader, sql: str, params: Sequence[Any] = ()) -> Any:
    return database.fetchall(sql, params)[0][0]


def table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> str:
    """A plain-text table, numbers right-aligned."""
    cells = [[str(value) if value is not None else "" for value in row] for row in rows]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(header)]

    def line(values: Sequence[str], numeric: Sequence[bool]) -> str:
        return "  ".join(
            value.rjust(width) if is_number else value.ljust(width)
            for value, width, is_number in zip(values, widths, numeric, strict=True)
        ).rstrip()

    numeric = [
        all(isinstance(row[i], int | float) or row[i] is None for row in rows) and bool(rows)
        for i in range(len(header))
    ]
    out = [line(header, numeric), line(["-" * w for w in widths], [False] * len(widths))]
    out += [line(row, numeric) for row in cells]
    return "\n".join(out)


def columns_named(database: Reader, schema: str, column: str) -> set[str]:
    """The relations of the schema that have the column."""
    rows = database.fetchall(
        "select table_name from information_schema.columns"
        f" where table_schema = {database.param} and column_name = {database.param}",
        (schema, column),
    )
    return {name for (name,) in rows}


def current_rows(database: Reader) -> dict[str, int]:
    """Per raw table, its rows that are current in staging: every ``stg_`` model names the
    raw table of each of its rows in ``_source_table`` (webhook rows: the webhook table);
    a model that keeps every observation (the Buddy ones) marks the older ones
    ``is_superseded``, and those are not current."""
    with_history = columns_named(database, STAGING_SCHEMA, SUPERSEDED_COLUMN)
    counts: dict[str, int] = {}
    for model in sorted(columns_named(database, STAGING_SCHEMA, LINEAGE_TABLE_COLUMN)):
        if not model.startswith("stg_"):
            continue
        current = (
            f" where not coalesce({SUPERSEDED_COLUMN}, false)" if model in with_history else ""
        )
        for raw_table, rows in database.fetchall(
            f"select {LINEAGE_TABLE_COLUMN}, count(*)"
            f' from {STAGING_SCHEMA}."{model}"{current} group by {LINEAGE_TABLE_COLUMN}'
        ):
            counts[raw_table] = counts.get(raw_table, 0) + int(rows)
    return counts


def _table_row(database: Reader, raw_table: str, current: dict[str, int] | None) -> tuple[Any, ...]:
    """One raw table: rows landed, and once built, rejected, warned and current."""
    landed = scalar(database, f'select count(*) from raw."{raw_table}"')
    if current is None:
        return (raw_table, landed, None, None, None)
    judged = [
        scalar(
            database,
            f"select count(*) from data_quality.{relation} where source_table = {database.param}",
            (raw_table,),
        )
        for relation in ("dq_rejected_rows", "dq_warnings")
    ]
    return (raw_table, landed, *judged, current.get(raw_table, 0))


def files_line(database: Reader) -> str:
    """The files of the latest csr-load run, per status (ledger rows of the largest run
    id). A ledger written before runs were recorded has no run id: all of its rows."""
    recorded = "_loads" in columns_named(database, "raw", RUN_COLUMN)
    latest = scalar(database, f"select max({RUN_COLUMN}) from raw._loads") if recorded else None
    if latest is None:
        label = "Files (every load; the ledger records no runs)"
        files = database.fetchall(
            "select status, count(*) from raw._loads group by status order by status"
        )
    else:
        label = "Files of the latest load run"
        files = database.fetchall(
            "select status, count(*) from raw._loads"
            f" where {RUN_COLUMN} = {database.param} group by status order by status",
            (latest,),
        )
    return f"{label}: " + (", ".join(f"{n} {status}" for status, n in files) or "none")


def summary(database: Reader, contract: Contract) -> str:
    """The files of the latest load run per status, then one line per raw table of the
    contract (over every load)."""
    lines = [files_line(database)]
    rejected_lines = scalar(database, "select count(*) from raw._rejected_lines")
    built = relation_exists(database, "data_quality", "dq_rejected_rows")
    current = current_rows(database) if built else None
    rows = [_table_row(database, raw.name, current) for raw in contract.tables]
    lines.append(table(rows, ("raw table", "rows landed", "rejected", "warnings", "current rows")))
    lines.append(f"Lines the loader could not split or parse: {rejected_lines}")
    return "\n".join(lines)


def enrollments(database: Reader) -> str:
    if not relation_exists(database, "marts", "fct_program_enrollments"):
        return "fct_program_enrollments is not built yet"
    rows = database.fetchall(
        "select program_type,"
        " sum(case when status = 'active' then 1 else 0 end),"
        " sum(case when status = 'completed' then 1 else 0 end),"
        " sum(case when status = 'dropped' then 1 else 0 end),"
        " count(*)"
        " from marts.fct_program_enrollments group by program_type order by program_type"
    )
    rows = [tuple(int(v) if isinstance(v, int | float) else v for v in row) for row in rows]
    return table(rows, ("program", "active", "completed", "dropped", "total"))


def journey(database: Reader, email: str) -> str:
    rows = database.fetchall(
        "select cast(flags.journey_flags as text) from marts.dim_user_journey_flags as flags"
        " inner join pii.pii_users as users on flags.csr_user_id = users.csr_user_id"
        f" where users.email = lower(trim({database.param}))",
        (email,),
    )
    if not rows:
        return f"no journey flags for {email}"
    return str(rows[0][0])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="csr-report", description=__doc__)
    parser.add_argument(
        "section", nargs="?", default="summary", choices=("summary", "enrollments", "journey")
    )
    parser.add_argument("email", nargs="?", help="the person, for the journey section")
    parser.add_argument("--target", choices=("duckdb", "postgres"))
    parser.add_argument("--profiles-dir", type=Path)
    parser.add_argument("--project-dir", type=Path)
    parser.add_argument("--company", help="write this company's impact report (HTML)")
    parser.add_argument("--period", help="with --company: a year (2025) or quarter (2025-Q2)")
    parser.add_argument(
        "--output",
        type=Path,
        help="with --company: the HTML file (reports/<company>_<period>.html)",
    )
    return parser


def company(
    database: Reader, company_id: str, period: company_report.Period, output: Path | None
) -> int:
    """Write the company report; 1 when the company or the period has nothing to show."""
    path = output or company_report.default_output(company_id, period)
    try:
        company_report.write_report(database, company_id, period, path)
    except company_report.CompanyReportError as error:
        print(f"csr-report: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # the marts are missing or unreadable
        first = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        print(f"csr-report: cannot read the marts (built yet?): {first}", file=sys.stderr)
        return 2
    print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    period = None
    if args.company is not None:
        if args.period is None:
            print("csr-report: --company needs --period (2025 or 2025-Q2)", file=sys.stderr)
            return 2
        try:
            period = company_report.parse_period(args.period)
        except ValueError as error:
            print(f"csr-report: {error}", file=sys.stderr)
            return 2
    try:
        project_dir = find_project_dir(args.project_dir)
        contract = load_contract(project_dir)
        database = Reader(read_target(project_dir, args.target, args.profiles_dir), "csr-report")
    except Exception as error:
        print(f"csr-report: {error}", file=sys.stderr)
        return 2
    try:
        if period is not None:
            return company(database, args.company, period, args.output)
        if args.section == "summary":
            print(summary(database, contract))
        elif args.section == "enrollments":
            print(enrollments(database))
        else:
            if not args.email:
                print("csr-report journey needs an EMAIL", file=sys.stderr)
                return 2
            print(journey(database, args.email))
    finally:
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
