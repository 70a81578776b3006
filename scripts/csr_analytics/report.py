"""``csr-report``: print what a build produced, straight from the database.

Sections: ``summary`` (rows landed, accepted and rejected per entity, files per status),
``enrollments`` (enrollment counts by program and status) and ``journey EMAIL`` (one
person's journey-flag JSON). The connection comes from the dbt profile, as for csr-load.
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
from csr_analytics.contract import find_project_dir, load_contract
from csr_analytics.load_db import Database, connect
from csr_analytics.profiles import read_target

STAGED_ENTITIES: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    ("buddy users", "stg_buddy__users", ("buddy_users",)),
    ("buddy matches", "stg_buddy__matches", ("buddy_matches",)),
    ("buddy events", "stg_buddy__events", ("buddy_events",)),
    ("buddy event attendance", "stg_buddy__event_attendance", ("buddy_event_attendance",)),
    ("buddy skill sessions", "stg_buddy__skill_sessions", ("buddy_skill_sessions",)),
    ("buddy check-ins", "stg_buddy__checkins", ("buddy_checkins",)),
    ("buddy feedback", "stg_buddy__feedback", ("buddy_feedback",)),
    ("buddy milestones", "stg_buddy__milestones", ("buddy_milestones",)),
    ("buddy webhook events", None, ("buddy_webhook_events",)),
    ("kintell members", "stg_kintell__users", ("kintell_users",)),
    (
        "kintell sessions",
        "stg_kintell__sessions",
        ("kintell_language_sessions", "kintell_mentorship_sessions", "kintell_sessions"),
    ),
    (
        "course records",
        "stg_upskilling__course_records",
        ("upskilling_course_progress", "upskilling_course_completions"),
    ),
    ("credentials", "stg_upskilling__credentials", ("upskilling_credentials",)),
    ("companies", "stg_platform__companies", ("platform_companies",)),
    ("company members", "stg_platform__company_users", ("platform_company_users",)),
    ("investments", "stg_platform__program_investments", ("platform_program_investments",)),
    ("hour costs", "stg_platform__employee_hour_costs", ("platform_employee_hour_costs",)),
    ("employment outcomes", "stg_platform__employment_outcomes", ("platform_employment_outcomes",)),
    ("q2q scores", "stg_q2q__outcome_scores", ("q2q_outcome_scores",)),
)


def relation_exists(database: Database, schema: str, name: str) -> bool:
    rows = database.fetchall(
        "select count(*) from information_schema.tables "
        f"where table_schema = {database.param} and table_name = {database.param}",
        (schema, name),
    )
    return bool(rows[0][0])


def scalar(database: Database, sql: str, params: Sequence[Any] = ()) -> Any:
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


def summary(database: Database) -> str:
    files = database.fetchall(
        "select status, count(*) from raw._loads group by status order by status"
    )
    lines = ["Files: " + (", ".join(f"{n} {status}" for status, n in files) or "none")]
    rejected_lines = scalar(database, "select count(*) from raw._rejected_lines")
    rows = []
    has_staging = relation_exists(database, "data_quality", "dq_rejected_rows")
    for label, model, raw_tables in STAGED_ENTITIES:
        landed = sum(scalar(database, f"select count(*) from raw.{name}") for name in raw_tables)
        current = rejected = warned = None
        if has_staging:
            if model is not None and relation_exists(database, "staging", model):
                current = scalar(database, f"select count(*) from staging.{model}")
            marks = ", ".join([database.param] * len(raw_tables))
            rejected = scalar(
                database,
                "select count(*) from data_quality.dq_rejected_rows"
                f" where source_table in ({marks})",
                raw_tables,
            )
            warned = scalar(
                database,
                f"select count(*) from data_quality.dq_warnings where source_table in ({marks})",
                raw_tables,
            )
        rows.append((label, landed, rejected, warned, current))
    lines.append(table(rows, ("entity", "rows landed", "rejected", "warnings", "current rows")))
    lines.append(f"Lines the loader could not split or parse: {rejected_lines}")
    return "\n".join(lines)


def enrollments(database: Database) -> str:
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


def journey(database: Database, email: str) -> str:
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
    database: Database, company_id: str, period: company_report.Period, output: Path | None
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
        load_contract(project_dir)
        database = connect(read_target(project_dir, args.target, args.profiles_dir))
    except Exception as error:
        print(f"csr-report: {error}", file=sys.stderr)
        return 2
    try:
        if period is not None:
            return company(database, args.company, period, args.output)
        if args.section == "summary":
            print(summary(database))
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
