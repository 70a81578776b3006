"""One company's impact report for a year or a quarter, as one self-contained HTML file.

``csr-report --company C-1001 --period 2025`` (or ``--period 2025-Q2``) reads the marts
only: the as_of_date (rpt_program_metrics), hours and volunteers per quarter
(rpt_company_vis, fct_volunteer_activities), the VIS tier of each of the company's
volunteers (fct_vis_scores), the enrollment funnel of its people (fct_program_enrollments,
dim_users, dim_programs) and the SROI bridge from gross value to present value against the
investment (rpt_sroi). Every figure is a value or a SQL sum of the marts; Python only
formats numbers, states the period the data covers and sizes the bars. The page has
inline CSS and SVG, no script and nothing fetched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from csr_analytics.connections import Reader
from csr_analytics.sroi_report import incomplete_note

PERIOD_PATTERN = re.compile(r"^(\d{4})(?:-Q([1-4]))?$")
CHART_WIDTH = 560


class CompanyReportError(Exception):
    """The company or the period has nothing to report (exit 1)."""


@dataclass(frozen=True)
class Period:
    """A calendar year or quarter: rpt_sroi's period_type and period_start, and its days."""

    period_type: str
    start: date
    end: date
    label: str
    slug: str


def parse_period(text: str) -> Period:
    """``2025`` is the year, ``2025-Q2`` its second quarter."""
    match = PERIOD_PATTERN.match(text.strip())
    if not match:
        raise ValueError(f"--period {text!r}: give a year (2025) or a quarter (2025-Q2)")
    year = int(match.group(1))
    if match.group(2) is None:
        return Period("year", date(year, 1, 1), date(year, 12, 31), str(year), str(year))
    quarter = int(match.group(2))
    start = date(year, 3 * quarter - 2, 1)
    following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    end = following - timedelta(days=1)
    return Period("quarter", start, end, quarter_label(start), f"{year}-Q{quarter}")


def quarter_label(start: date) -> str:
    return f"{start.year} Q{(start.month - 1) // 3 + 1}"


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """``30 June 2025``, the same in every locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Coverage:
    """The part of the period the figures cover: from the first quarter with figures to
    the period's end, or to the as_of_date when that comes first."""

    period: Period
    start: date
    end: date
    as_of: date

    def text(self) -> str:
        """``2025, January–June, as of 30 June 2025``."""
        first, last = MONTHS[self.start.month - 1], MONTHS[self.end.month - 1]
        same_month = (self.start.year, self.start.month) == (self.end.year, self.end.month)
        months = first if same_month else f"{first}\N{EN DASH}{last}"
        return f"{self.period.label}, {months}, as of {long_date(self.as_of)}"


def coverage(period: Period, quarter_starts: Sequence[date], as_of: date) -> Coverage:
    """What the report covers, from the data: the quarters of the period that have figures
    (the first one starts the coverage) and the as_of_date (no figure is later)."""
    present = [start for start in quarter_starts if period.start <= start <= period.end]
    start = min(present, default=period.start)
    return Coverage(period, start, max(start, min(period.end, as_of)), as_of)


# ---------------------------------------------------------------- reading the marts


def _company(database: Reader, company_id: str) -> tuple[str, str]:
    p = database.param
    rows = database.fetchall(
        f"select company_id, company_name from marts.dim_companies where company_id = {p}",
        (company_id,),
    )
    if not rows:
        raise CompanyReportError(f"unknown company {company_id!r} (not in marts.dim_companies)")
    return rows[0][0], rows[0][1]


def _as_of_date(database: Reader) -> date:
    """The date the marts describe: rpt_program_metrics has a row per program, always."""
    as_of = database.fetchall("select max(as_of_date) from marts.rpt_program_metrics")[0][0]
    if as_of is None:
        raise CompanyReportError("marts.rpt_program_metrics is empty: build the marts first")
    return as_of


def _quarters(database: Reader, company_id: str, period: Period) -> list[dict[str, Any]]:
    """Hours and volunteers per quarter of the period: rpt_company_vis, all programs."""
    p = database.param
    rows = database.fetchall(
        "select quarters.quarter_start, vis.volunteers_count, vis.total_hours"
        " from ("
        "   select period_start as quarter_start from marts.rpt_company_vis"
        f"  where company_id = {p} and period_type = 'quarter'"
        f"  and period_start between {p} and {p}"
        "   union"
        "   select period_start from marts.rpt_sroi"
        f"  where scope = 'company' and company_id = {p} and period_type = 'quarter'"
        f"  and period_start between {p} and {p}"
        " ) as quarters"
        " left join marts.rpt_company_vis as vis"
        "   on vis.period_start = quarters.quarter_start and vis.period_type = 'quarter'"
        f"  and vis.program_type = 'all' and vis.company_id = {p}"
        " order by quarters.quarter_start",
        (company_id, period.start, period.end) * 2 + (company_id,),
    )
    return [
        {
            "start": start,
            "quarter": quarter_label(start),
            "volunteers": volunteers or 0,
            "hours": hours if hours is not None else Decimal("0.00"),
        }
        for start, volunteers, hours in rows
    ]


def _totals(database: Reader, company_id: str, period: Period) -> tuple[int, Decimal]:
    """Volunteers and hours over the whole period, counted once (fct_volunteer_activities,
    the activities rpt_company_vis reads): a volunteer active in two quarters is one."""
    p = database.param
    rows = database.fetchall(
        "select count(distinct volunteer_user_id),"
        " cast(round(cast(coalesce(sum(minutes), 0) as numeric(18, 6)) / 60, 2)"
        " as numeric(18, 2))"
        " from marts.fct_volunteer_activities"
        f" where company_id = {p} and activity_date between {p} and {p}",
        (company_id, period.start, period.end),
    )
    return int(rows[0][0]), Decimal(rows[0][1]).quantize(Decimal("0.01"))


def _vis_tiers(database: Reader, company_id: str, period: Period) -> list[dict[str, Any]]:
    """The company's volunteers of the period (an activity credited to it), each counted
    once, in the tier of their cross-program VIS of the latest quarter of the period in
    which they volunteered for the company (fct_vis_scores scores calendar quarters and
    all history, never a year). Every tier of seeds.vis_tiers, in order, empty ones too;
    'not scored' last, when a volunteer has no score for that quarter."""
    p = database.param
    rows = database.fetchall(
        "with volunteers as ("
        "   select volunteer_user_id, max(activity_date) as last_activity_date"
        "   from marts.fct_volunteer_activities"
        f"  where company_id = {p} and activity_date between {p} and {p}"
        "   group by volunteer_user_id"
        " ),"
        " volunteer_tiers as ("
        "   select volunteers.volunteer_user_id, scores.vis_tier"
        "   from volunteers"
        "   left join marts.fct_vis_scores as scores"
        "     on volunteers.volunteer_user_id = scores.csr_user_id"
        "     and scores.program_type = 'all' and scores.period_type = 'quarter'"
        "     and volunteers.last_activity_date"
        "       between scores.period_start and scores.period_end"
        " )"
        " select tiers.vis_tier, tiers.tier_rank, count(volunteer_tiers.volunteer_user_id)"
        " from seeds.vis_tiers as tiers"
        " left join volunteer_tiers on tiers.vis_tier = volunteer_tiers.vis_tier"
        " group by tiers.vis_tier, tiers.tier_rank"
        " union all"
        " select 'not scored', null, count(*) from volunteer_tiers"
        " where vis_tier is null"
        " order by 2 nulls last",
        (company_id, period.start, period.end),
    )
    return [
        {"tier": tier, "count": int(count)}
        for tier, rank, count in rows
        if rank is not None or count
    ]


def _program_names(database: Reader) -> dict[str, tuple[int, str]]:
    """Each program's sort order and display name (dim_programs)."""
    rows = database.fetchall(
        "select program_type, sort_order, display_name from marts.dim_programs"
    )
    return {program: (int(order), name) for program, order, name in rows}


def _funnel(database: Reader, company_id: str, period: Period) -> list[dict[str, Any]]:
    """Enrollments of the company's people that started in the period, by program, and
    where they stand at as_of_date."""
    p = database.param
    rows = database.fetchall(
        "select programs.display_name, count(*),"
        " sum(case when enrollments.status <> 'dropped' then 1 else 0 end),"
        " sum(case when enrollments.status = 'completed' then 1 else 0 end)"
        " from marts.fct_program_enrollments as enrollments"
        " inner join marts.dim_users as users"
        "   on enrollments.csr_user_id = users.csr_user_id"
        " inner join marts.dim_programs as programs"
        "   on enrollments.program_type = programs.program_type"
        f" where users.company_id = {p}"
        f" and cast(enrollments.enrolled_at as date) between {p} and {p}"
        " group by programs.display_name, programs.sort_order"
        " order by programs.sort_order",
        (company_id, period.start, period.end),
    )
    return [
        {"program": name, "enrolled": int(a), "retained": int(b), "completed": int(c)}
        for name, a, b, c in rows
    ]


SROI_COLUMNS = (
    "program_type",
    "currency",
    "investment_time",
    "investment_cash",
    "investment_in_kind",
    "investment_management",
    "investment_total",
    "gross_value",
    "year1_impact",
    "present_value",
    "sroi_ratio",
    "net_sroi",
    "sroi_ratio_low",
    "sroi_ratio_high",
    "rejected_inputs_count",
    "rejected_inputs_amounts",
)


def _sroi(database: Reader, company_id: str, period: Period) -> list[dict[str, Any]]:
    """rpt_sroi rows of the company and period: 'all' first, then each program. The two
    bridge steps are differences of published columns, taken in SQL."""
    p = database.param
    rows = database.fetchall(
        f"select {', '.join(SROI_COLUMNS)},"
        " gross_value - year1_impact as adjustments,"
        " present_value - year1_impact as later_years"
        " from marts.rpt_sroi"
        f" where scope = 'company' and company_id = {p} and period_type = {p}"
        f" and period_start = {p}"
        " order by case when program_type = 'all' then 0 else 1 end, program_type",
        (company_id, period.period_type, period.start),
    )
    columns = (*SROI_COLUMNS, "adjustments", "later_years")
    return [dict(zip(columns, row, strict=True)) for row in rows]


def gather(database: Reader, company_id: str, period: Period) -> dict[str, Any]:
    """Everything the page shows, read from the marts."""
    company_id, company_name = _company(database, company_id)
    quarters = _quarters(database, company_id, period)
    sroi = _sroi(database, company_id, period)
    if not quarters and not sroi:
        raise CompanyReportError(
            f"no figures for company {company_id} in {period.label}"
            " (no rpt_company_vis or rpt_sroi rows)"
        )
    volunteers, hours = _totals(database, company_id, period)
    programs = _program_names(database)
    sroi_programs = sorted(
        (row for row in sroi if row["program_type"] != "all"),
        key=lambda row: programs.get(row["program_type"], (0, ""))[0],
    )
    for row in sroi_programs:
        row["program"] = programs.get(row["program_type"], (0, row["program_type"]))[1]
    return {
        "company_id": company_id,
        "company_name": company_name,
        "period": period,
        "coverage": coverage(period, [row["start"] for row in quarters], _as_of_date(database)),
        "quarters": quarters,
        "volunteers": volunteers,
        "hours": hours,
        "tiers": _vis_tiers(database, company_id, period),
        "funnel": _funnel(database, company_id, period),
        "sroi": sroi[0] if sroi and sroi[0]["program_type"] == "all" else None,
        "sroi_programs": sroi_programs,
    }


# ---------------------------------------------------------------- presentation


MINUS = "\N{MINUS SIGN}"
CENT = Decimal("0.01")


def number(value: Decimal | None) -> str:
    """Two decimals, thousands separated, a true minus sign: ``1,751.93``, ``−0.95``."""
    return "n/a" if value is None else f"{value + 0:,.2f}".replace("-", MINUS)


def money(value: Decimal | None, currency: str) -> str:
    """A money figure, always with its currency: ``1,751.93 USD``."""
    return "n/a" if value is None else f"{number(value)} {currency}"


def signed_money(value: Decimal, currency: str) -> str:
    """A step up or down: ``+974.94 USD``, ``−799.83 USD``."""
    return ("+" if value >= 0 else "") + money(value, currency)


def ratio(value: Decimal | None) -> str:
    """A published ratio as it is (4 decimals)."""
    return "n/a (no investment)" if value is None else f"{value + 0:,.4f}".replace("-", MINUS)


def _per_unit_amount(value: Decimal, currency: str) -> str:
    """A ratio as money per 1 unit of currency, to the cent; a positive ratio under half a
    cent is 'less than 0.01', never 0.00."""
    cents = value.quantize(CENT, rounding=ROUND_HALF_UP)
    if cents == 0 and value > 0:
        return f"less than 0.01 {currency}"
    return money(cents, currency)


def value_per_invested(value: Decimal | None, currency: str) -> str:
    """The SROI ratio read as money: ``0.05 USD of social value per 1 USD invested``."""
    if value is None:
        return "n/a (no investment)"
    return f"{_per_unit_amount(value, currency)} of social value per 1 {currency} invested"


def net_per_invested(value: Decimal | None, currency: str) -> str:
    """Net SROI read as money: ``−0.95 USD net per 1 USD invested``."""
    if value is None:
        return "n/a (no investment)"
    cents = value.quantize(CENT, rounding=ROUND_HALF_UP)
    return f"{money(cents, currency)} net per 1 {currency} invested"


def incomplete(row: dict[str, Any]) -> str | None:
    """An rpt_sroi row's missing inputs in words (no exchange rate), or None."""
    return incomplete_note(row.get("rejected_inputs_count"), row.get("rejected_inputs_amounts"))


def ratio_cell(value: Decimal | None, currency: str) -> str:
    """A ratio in a table: its reading and the published figure, ``0.05 USD per 1 USD
    invested (ratio 0.0483)``."""
    if value is None:
        return "n/a (no investment)"
    return f"{_per_unit_amount(value, currency)} per 1 {currency} invested (ratio {ratio(value)})"


def _scale(values: Sequence[Decimal | int]) -> float:
    top = max((abs(float(v)) for v in values), default=0.0)
    return top if top > 0 else 1.0


def _column(index: int, left: float, slot: float) -> dict[str, float]:
    """Where the index-th column of a chart stands: its x, width and label centre."""
    x = left + index * slot + slot * 0.2
    return {"x": round(x, 1), "w": round(slot * 0.6, 1), "label_x": round(x + slot * 0.3, 1)}


def vertical_bars(
    title: str, axis: str, labels: Sequence[str], values: Sequence[Decimal | int], texts: list[str]
) -> dict[str, Any]:
    """A bar per label, its value printed above it; y from 0 to the largest value."""
    width, height, left, top, bottom = CHART_WIDTH // 2 + 10, 240, 44, 28, 36
    plot = height - top - bottom
    top_value = _scale(values)
    slot = (width - left - 10) / max(len(labels), 1)
    bars = []
    for index, (label, value, text) in enumerate(zip(labels, values, texts, strict=True)):
        size = plot * float(value) / top_value
        bars.append(
            {
                **_column(index, left, slot),
                "y": round(top + plot - size, 1),
                "h": round(size, 1),
                "label": label,
                "text": text,
            }
        )
    return {
        "title": title,
        "axis": axis,
        "width": width,
        "height": height,
        "left": left,
        "top": top,
        "baseline": top + plot,
        "bars": bars,
    }


def horizontal_bars(
    title: str, rows: Sequence[tuple[str, Decimal | int | None, str, str]]
) -> dict[str, Any]:
    """A bar per (label, value, text, css class) row, its value printed after it; a row
    with no value is a heading over the rows that follow."""
    left, row_height, right = 180, 26, 110
    width = CHART_WIDTH + 140
    top_value = _scale([value for _, value, _, _ in rows if value is not None])
    plot = width - left - right
    bars = []
    for index, (label, value, text, css) in enumerate(rows):
        size = 0.0 if value is None else plot * float(value) / top_value
        bars.append(
            {
                "y": 8 + index * row_height,
                "w": round(size, 1),
                "label": label,
                "text": text,
                "css": css,
                "heading": value is None,
            }
        )
    return {
        "title": title,
        "width": width,
        "height": 16 + row_height * len(rows),
        "left": left,
        "bar_height": row_height - 8,
        "bars": bars,
    }


def waterfall(sroi: dict[str, Any]) -> dict[str, Any]:
    """Gross value, the adjustments, year-1 impact, the later years, present value: each
    step a bar between two published figures."""
    steps = [
        ("Gross value", 0, sroi["gross_value"], sroi["gross_value"], "total"),
        (
            "Deadweight, displacement, attribution",
            sroi["year1_impact"],
            sroi["gross_value"],
            -sroi["adjustments"],
            "down",
        ),
        ("Year-1 impact", 0, sroi["year1_impact"], sroi["year1_impact"], "total"),
        (
            "Later years, after drop-off and discounting",
            min(sroi["year1_impact"], sroi["present_value"]),
            max(sroi["year1_impact"], sroi["present_value"]),
            sroi["later_years"],
            "up" if sroi["later_years"] >= 0 else "down",
        ),
        ("Present value", 0, sroi["present_value"], sroi["present_value"], "result"),
    ]
    width, height, left, top, bottom = CHART_WIDTH + 140, 300, 20, 30, 70
    plot = height - top - bottom
    top_value = _scale([high for _, _, high, _, _ in steps])
    slot = (width - left - 10) / len(steps)
    bars = []
    for index, (label, low, high, shown, css) in enumerate(steps):
        y_high = top + plot - plot * float(high) / top_value
        y_low = top + plot - plot * float(low) / top_value
        currency = sroi["currency"]
        bars.append(
            {
                **_column(index, left, slot),
                "y": round(y_high, 1),
                "h": round(max(y_low - y_high, 1.0), 1),
                "label": label,
                "text": money(shown, currency)
                if css in ("total", "result")
                else signed_money(shown, currency),
                "css": css,
            }
        )
    return {
        "title": "From gross value to present value",
        "width": width,
        "height": height,
        "baseline": top + plot,
        "bars": bars,
    }


def _wrap(label: str, width: int = 18) -> list[str]:
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def render(data: dict[str, Any]) -> str:
    environment = Environment(
        loader=PackageLoader("csr_analytics", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["number"] = number
    environment.filters["money"] = money
    environment.filters["signed_money"] = signed_money
    environment.filters["value_per_invested"] = value_per_invested
    environment.filters["net_per_invested"] = net_per_invested
    environment.filters["ratio_cell"] = ratio_cell
    environment.filters["incomplete"] = incomplete
    environment.filters["long_date"] = long_date
    environment.filters["wrap"] = _wrap
    quarters = data["quarters"]
    labels = [row["quarter"] for row in quarters]
    charts: dict[str, Any] = {
        "hours": vertical_bars(
            "Volunteer hours per quarter",
            "hours",
            labels,
            [row["hours"] for row in quarters],
            [number(row["hours"]) for row in quarters],
        ),
        "volunteers": vertical_bars(
            "Volunteers per quarter",
            "volunteers",
            labels,
            [row["volunteers"] for row in quarters],
            [str(row["volunteers"]) for row in quarters],
        ),
        "tiers": horizontal_bars(
            "Volunteers by VIS tier",
            [(row["tier"], row["count"], str(row["count"]), "tier") for row in data["tiers"]],
        ),
        "funnel": horizontal_bars(
            "Enrollments by program and stage",
            [
                line
                for row in data["funnel"]
                for line in (
                    (row["program"], None, "", "heading"),
                    ("enrolled", row["enrolled"], str(row["enrolled"]), "enrolled"),
                    ("active or completed", row["retained"], str(row["retained"]), "retained"),
                    ("completed", row["completed"], str(row["completed"]), "completed"),
                )
            ],
        ),
    }
    sroi = data["sroi"]
    if sroi is not None:
        charts["bridge"] = waterfall(sroi)
        charts["against"] = horizontal_bars(
            "Present value against investment",
            [
                (
                    "Present value",
                    sroi["present_value"],
                    money(sroi["present_value"], sroi["currency"]),
                    "result",
                ),
                (
                    "Investment",
                    sroi["investment_total"],
                    money(sroi["investment_total"], sroi["currency"]),
                    "cost",
                ),
            ],
        )
    return environment.get_template("company_report.html.j2").render(charts=charts, **data)


def write_report(database: Reader, company_id: str, period: Period, output: Path) -> Path:
    html = render(gather(database, company_id, period))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    return output


def default_output(company_id: str, period: Period) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", company_id)
    return Path("reports") / f"{safe}_{period.slug}.html"
