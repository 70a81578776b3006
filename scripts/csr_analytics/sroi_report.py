"""Print one company's SROI, from inputs to ratio, read from the built marts.

``python -m csr_analytics.sroi_report --target duckdb --company CO-1`` prints the company's
investment by type (rpt_sroi), its outcomes by code with quantity, gross value, impact and
present value (fct_sroi_outcomes), then the ratios (rpt_sroi). By default the whole history
across programs; ``--program`` and ``--period-type`` / ``--period-start`` narrow it. The
connection comes from the dbt profile, as for csr-load, and is read-only. Exit 0 when the
company has SROI rows, 1 when it has none, 2 on a usage or connection error.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from csr_analytics import connections
from csr_analytics.contract import find_project_dir
from csr_analytics.profiles import Target, read_target

PERIOD_TYPES = ("all", "year", "quarter")
ALL_TIME_START = date(1900, 1, 1)

INPUT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("volunteer time", "investment_time"),
    ("cash", "investment_cash"),
    ("in-kind", "investment_in_kind"),
    ("management", "investment_management"),
)

RATIO_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("SROI ratio (present value / investment)", "sroi_ratio", 4),
    ("net SROI ((present value - investment) / investment)", "net_sroi", 4),
    ("payback months (investment / (year-1 impact / 12))", "payback_months", 2),
    ("low case ratio (adjustments x 1.5, capped at 0.95; low proxies)", "sroi_ratio_low", 4),
    ("high case ratio (adjustments x 0.5; high proxies)", "sroi_ratio_high", 4),
    ("break-even proxy factor (investment / present value)", "breakeven_proxy_factor", 4),
)


class ReportError(Exception):
    """The marts cannot be read."""


@dataclass(frozen=True)
class Selection:
    """Which rpt_sroi row (and which fct_sroi_outcomes rows) the report shows."""

    company_id: str
    program_type: str
    period_type: str
    period_start: date

    def describe(self) -> str:
        program = "all programs" if self.program_type == "all" else self.program_type
        if self.period_type == "all":
            period = "all time"
        elif self.period_type == "year":
            period = f"year {self.period_start.year}"
        else:
            quarter = (self.period_start.month - 1) // 3 + 1
            period = f"{self.period_start.year} Q{quarter}"
        return f"company {self.company_id}, {program}, {period}"


class Reader(connections.Reader):
    """Read-only queries on the built marts; a query that fails is a ``ReportError``."""

    def __init__(self, target: Target) -> None:
        super().__init__(target, application_name="csr-sroi-report")

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.fetchall(sql, params)
        except Exception as error:
            message = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            raise ReportError(f"cannot read the SROI marts (built yet?): {message}") from error


def incomplete_note(count: int | None, amounts: str | None) -> str | None:
    """What an rpt_sroi row misses for want of exchange rates, in words; None when complete.

    ``amounts`` is the row's rejected_inputs_amounts ("8000.00 EUR; 51.00 GBP per hour");
    its figures get thousands separators.
    """
    if not count:
        return None
    inputs = "1 input has" if count == 1 else f"{count} inputs have"
    listed = re.sub(r"\d+\.\d{2}", lambda match: f"{Decimal(match.group()):,.2f}", amounts or "")
    pronoun = "it" if count == 1 else "them"
    return (
        f"incomplete: {inputs} no exchange rate ({listed});"
        f" the investment and every ratio leave {pronoun} out"
    )


def money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def number(value: Decimal | None, places: int) -> str:
    return "n/a (denominator 0)" if value is None else f"{value:,.{places}f}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool]) -> str:
    """A plain-text table; columns flagged in ``right`` are right-aligned."""
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]

    def line(values: Sequence[str]) -> str:
        cells = (
            value.rjust(width) if is_right else value.ljust(width)
            for value, width, is_right in zip(values, widths, right, strict=True)
        )
        return "  ".join(cells).rstrip()

    out = [line(header), line(["-" * width for width in widths])]
    out += [line(row) for row in rows]
    return "\n".join(out)


def report_row(reader: Reader, selection: Selection) -> dict[str, Any] | None:
    columns = ["currency", *(column for _, column in INPUT_COLUMNS)]
    columns += ["investment_total", "gross_value", "year1_impact", "present_value"]
    columns += [column for _, column, _ in RATIO_COLUMNS]
    columns += ["rejected_inputs_count", "rejected_inputs_amounts"]
    p = reader.param
    rows = reader.rows(
        f"select {', '.join(columns)} from marts.rpt_sroi"
        f" where scope = 'company' and company_id = {p} and program_type = {p}"
        f" and period_type = {p} and period_start = {p}",
        (
            selection.company_id,
            selection.program_type,
            selection.period_type,
            selection.period_start,
        ),
    )
    return dict(zip(columns, rows[0], strict=True)) if rows else None


def outcome_rows(reader: Reader, selection: Selection) -> list[tuple[Any, ...]]:
    p = reader.param
    conditions = [f"outcomes.company_id = {p}"]
    params: list[Any] = [selection.company_id]
    if selection.program_type != "all":
        conditions.append(f"outcomes.program_type = {p}")
        params.append(selection.program_type)
    if selection.period_type == "quarter":
        conditions.append(f"outcomes.quarter_start = {p}")
        params.append(selection.period_start)
    elif selection.period_type == "year":
        conditions.append(f"outcomes.quarter_start between {p} and {p}")
        params += [selection.period_start, date(selection.period_start.year, 12, 31)]
    return reader.rows(
        "select outcomes.outcome_code, outcomes.evidence, value_map.unit,"
        " sum(outcomes.quantity), sum(outcomes.gross_value), sum(outcomes.impact),"
        " sum(outcomes.present_value)"
        " from marts.fct_sroi_outcomes as outcomes"
        " left join seeds.sroi_value_map as value_map"
        " on outcomes.outcome_code = value_map.outcome_code"
        f" where {' and '.join(conditions)}"
        " group by outcomes.outcome_code, outcomes.evidence, value_map.unit"
        " order by outcomes.outcome_code, outcomes.evidence",
        params,
    )


def render(selection: Selection, row: dict[str, Any], outcomes: list[tuple[Any, ...]]) -> str:
    lines = [f"SROI for {selection.describe()} (money in {row['currency']})"]
    note = incomplete_note(row["rejected_inputs_count"], row["rejected_inputs_amounts"])
    if note is not None:
        lines.append(note)
    lines += ["", "Inputs (investment)"]
    input_rows = [[label, money(row[column])] for label, column in INPUT_COLUMNS]
    input_rows.append(["total", money(row["investment_total"])])
    lines.append(table(("input type", "amount"), input_rows, (False, True)))

    lines += ["", "Outcomes"]
    outcome_table = [
        [
            str(code),
            str(evidence),
            f"{quantity:,.6f} {unit or ''}".rstrip(),
            money(gross),
            money(impact),
            money(present_value),
        ]
        for code, evidence, unit, quantity, gross, impact, present_value in outcomes
    ]
    outcome_table.append(
        [
            "total",
            "",
            "",
            money(row["gross_value"]),
            money(row["year1_impact"]),
            money(row["present_value"]),
        ]
    )
    lines.append(
        table(
            ("outcome", "evidence", "quantity", "gross value", "impact", "present value"),
            outcome_table,
            (False, False, True, True, True, True),
        )
    )
    lines.append("(totals as published in rpt_sroi, summed before rounding)")

    lines += ["", "Ratios"]
    ratio_rows = [[label, number(row[column], places)] for label, column, places in RATIO_COLUMNS]
    lines.append(table(("measure", "value"), ratio_rows, (False, True)))
    if note is not None:
        lines.append(f"The ratios are {note}.")
    return "\n".join(lines)


def period_start(period_type: str, value: str | None) -> date:
    if period_type == "all":
        return ALL_TIME_START
    if value is None:
        raise ValueError(f"--period-start is needed with --period-type {period_type}")
    start = date.fromisoformat(value)
    if period_type == "year" and (start.month, start.day) != (1, 1):
        raise ValueError("a year starts on January 1st (e.g. 2025-01-01)")
    if period_type == "quarter" and (start.month not in (1, 4, 7, 10) or start.day != 1):
        raise ValueError("a quarter starts on the 1st of January, April, July or October")
    return start


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m csr_analytics.sroi_report",
        description="One company's SROI, from inputs to ratio, read from the built marts.",
    )
    parser.add_argument("--company", required=True, help="company_id")
    parser.add_argument("--target", choices=("duckdb", "postgres"))
    parser.add_argument("--program", default="all", help="program_type, or all (default)")
    parser.add_argument("--period-type", choices=PERIOD_TYPES, default="all")
    parser.add_argument("--period-start", help="YYYY-MM-DD, for --period-type year or quarter")
    parser.add_argument("--profiles-dir", type=Path)
    parser.add_argument("--project-dir", type=Path)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        selection = Selection(
            company_id=args.company,
            program_type=args.program,
            period_type=args.period_type,
            period_start=period_start(args.period_type, args.period_start),
        )
        project_dir = find_project_dir(args.project_dir)
        reader = Reader(read_target(project_dir, args.target, args.profiles_dir))
    except Exception as error:
        print(f"sroi_report: {error}", file=sys.stderr)
        return 2
    try:
        row = report_row(reader, selection)
        if row is None:
            print(f"no SROI figures for {selection.describe()}", file=sys.stderr)
            return 1
        print(render(selection, row, outcome_rows(reader, selection)))
    except ReportError as error:
        print(f"sroi_report: {error}", file=sys.stderr)
        return 2
    finally:
        reader.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
