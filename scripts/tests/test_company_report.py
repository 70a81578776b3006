"""The company impact report: rendered from the sample's marts, opened in headless Chromium.

The expected figures are read from the marts here, with their own queries, and compared
with what the browser shows after loading the page. The wording of periods, money and
ratios is tested on its own, without a database.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from csr_analytics import company_report
from csr_analytics.company_report import Coverage, coverage, parse_period
from csr_analytics.dev.workspace import BIN, Workspace

CHROMIUM = Path("/usr/bin/chromium")
COMPANY = "C-1001"
YEAR_START, YEAR_END = date(2025, 1, 1), date(2025, 12, 31)
MINUS = "\N{MINUS SIGN}"


def _unavailable(reason: str) -> None:
    """Fail where the browser is required (CI), else skip loudly."""
    message = f"headless Chromium unavailable: {reason}"
    if os.environ.get("CSR_REQUIRE_POSTGRES") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _install_chromium() -> None:
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        _unavailable(f"{CHROMIUM} is missing and `apt-get install -y chromium` needs root")
    print(  # before it happens, past pytest's capture (`make test` installs it itself first)
        f"{CHROMIUM} is missing: installing Debian's chromium package SYSTEM-WIDE with apt-get "
        "for the company report test (once; a few minutes)",
        file=sys.__stderr__,
        flush=True,
    )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True)
        result = subprocess.run(install, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            _unavailable(f"apt-get install chromium failed: {result.stderr[-500:]}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium (installed when missing), driven by Playwright's bundled driver."""
    _install_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        chromium.close()


def render(sample: Workspace, path: Path, company: str = COMPANY, period: str = "2025") -> Any:
    return sample.run(
        [
            str(BIN / "csr-report"),
            "--target",
            sample.engine,
            "--company",
            company,
            "--period",
            period,
            "--output",
            str(path),
        ],
        check=False,
    )


def open_page(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    """The loaded page, the console errors and page errors, and every URL it requested."""
    page = browser.new_page(viewport={"width": 1000, "height": 1200})
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            errors.append(f"console {message.type}: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri(), wait_until="load")
    return page, errors, requests


def table_rows(page: Any, table_id: str) -> dict[str, list[str]]:
    """A data table's rows: the row header's text -> the other cells' texts."""
    rows: dict[str, list[str]] = {}
    for row in page.locator(f"#{table_id} tbody tr").all():
        header = row.locator("th").inner_text().strip()
        rows[header] = [cell.strip() for cell in row.locator("td").all_inner_texts()]
    return rows


def figures(page: Any) -> dict[str, str]:
    return {
        box.locator("dt").inner_text().strip(): box.locator("dd").inner_text().strip()
        for box in page.locator("#figures > div").all()
    }


def money(value: Decimal, currency: str = "") -> str:
    shown = f"{value:,.2f}".replace("-", MINUS)
    return f"{shown} {currency}" if currency else shown


def per_invested(value: Decimal, currency: str) -> str:
    cents = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{money(cents, currency)} of social value per 1 {currency} invested"


def expected_tiers(sample: Workspace) -> dict[str, int]:
    """One tier per volunteer of the company in 2025: the tier of their cross-program VIS
    of the quarter holding their latest 2025 activity credited to the company. Every tier
    of the seed, in order, empty ones too."""
    activities = sample.query(
        "select volunteer_user_id, activity_date from marts.fct_volunteer_activities"
        " where company_id = %s",
        (COMPANY,),
    )
    last: dict[str, date] = {}
    for who, day in activities:
        if YEAR_START <= day <= YEAR_END:
            last[who] = max(day, last.get(who, day))
    scores = sample.query(
        "select csr_user_id, period_start, period_end, vis_tier from marts.fct_vis_scores"
        " where program_type = 'all' and period_type = 'quarter'"
    )
    order = sample.query("select vis_tier from seeds.vis_tiers order by tier_rank")
    counted: Counter[str] = Counter()
    for who, day in last.items():
        tier = next(
            (tier for user, start, end, tier in scores if user == who and start <= day <= end),
            None,
        )
        counted[tier or "not scored"] += 1
    tiers = {tier: counted.pop(tier, 0) for (tier,) in order}
    return tiers | dict(counted)


def test_company_report_shows_the_marts_figures(
    sample: Workspace, browser: Any, tmp_path: Path
) -> None:
    path = tmp_path / "report.html"
    result = render(sample, path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(path)

    page, errors, requests = open_page(browser, path)
    try:
        assert errors == []
        assert requests and all(url.startswith("file:") for url in requests), requests
        text = page.inner_text("body")
        shown = figures(page)

        # the sample is built as of 2025-06-30 and has figures in 2025 Q1 and Q2 only
        assert page.inner_text("#coverage") == "2025, January\N{EN DASH}June, as of 30 June 2025"
        assert "covered up to then only" in page.inner_text("header")

        minutes, volunteers = sample.query(
            "select sum(minutes), count(distinct volunteer_user_id)"
            " from marts.fct_volunteer_activities"
            " where company_id = %s and activity_date between %s and %s",
            (COMPANY, YEAR_START, YEAR_END),
        )[0]
        hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert shown["Volunteer hours"] == money(hours)
        assert shown["Volunteers"] == str(volunteers)

        sroi = sample.query(
            "select sroi_ratio, net_sroi, present_value, investment_total, gross_value,"
            " year1_impact, currency"
            " from marts.rpt_sroi where scope = 'company' and company_id = %s"
            " and program_type = 'all' and period_type = 'year' and period_start = %s",
            (COMPANY, YEAR_START),
        )
        assert len(sroi) == 1
        ratio, net, present_value, investment, gross_value, year1_impact, currency = sroi[0]
        assert currency == "USD"
        assert shown["SROI ratio (present value / investment)"] == per_invested(ratio, currency)
        assert shown["SROI ratio (present value / investment)"] == (
            "0.15 USD of social value per 1 USD invested"
        )
        net_cents = net.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        net_label = f"Net SROI ((present value {MINUS} investment) / investment)"
        assert shown[net_label] == f"{money(net_cents, currency)} net per 1 USD invested"
        assert net < 0
        note = page.inner_text("#net-sroi-note")
        assert money(present_value, currency) in note and money(investment, currency) in note
        assert shown["Present value"] == money(present_value, currency)
        assert shown["Investment"] == money(investment, currency)

        bridge = table_rows(page, "sroi-table")
        assert bridge["Gross value"] == [money(gross_value, currency)]
        assert bridge["Year-1 impact"] == [money(year1_impact, currency)]
        assert bridge["Present value"] == [money(present_value, currency)]
        assert bridge["Investment"] == [money(investment, currency)]
        assert bridge["SROI ratio"] == [f"0.15 USD per 1 USD invested (ratio {ratio:,.4f})"]
        # every money figure carries its currency: the bridge's cells, the chart labels
        money_rows = [cells for header, cells in bridge.items() if "ratio" not in header]
        assert all(cells[0].endswith(f" {currency}") for cells in money_rows), bridge
        for chart in ("bridge-title", "against-chart-title"):
            title = page.locator(f"#{chart}").text_content() or ""
            assert title.count(f" {currency}") >= 2, (chart, title)
        for figure in (money(gross_value), money(present_value), money(investment)):
            places = [m.end() for m in re.finditer(re.escape(figure), text)]
            assert places and all(text[at:].startswith(f" {currency}") for at in places)

        # program display names everywhere, never a program code
        names = dict(sample.query("select program_type, display_name from marts.dim_programs"))
        programs = table_rows(page, "sroi-programs-table")
        program_rows = sample.query(
            "select program_type from marts.rpt_sroi where scope = 'company' and company_id = %s"
            " and program_type <> 'all' and period_type = 'year' and period_start = %s",
            (COMPANY, YEAR_START),
        )
        assert sorted(programs) == sorted(names[code] for (code,) in program_rows)
        assert all(cells[0].endswith(f" {currency}") for cells in programs.values())
        headers = [*programs, *table_rows(page, "funnel-table")]
        assert not set(headers) & set(names), headers

        quarters = sample.query(
            "select period_start, total_hours, volunteers_count from marts.rpt_company_vis"
            " where company_id = %s and program_type = 'all' and period_type = 'quarter'"
            " and period_start between %s and %s",
            (COMPANY, YEAR_START, YEAR_END),
        )
        assert quarters, "the sample has 2025 quarters for the company"
        assert table_rows(page, "quarters-table") == {
            f"{start.year} Q{(start.month - 1) // 3 + 1}": [money(hours), str(count)]
            for start, hours, count in quarters
        }

        # VIS tiers count people: each volunteer once, every tier shown, empty ones too
        tiers = expected_tiers(sample)
        assert list(tiers)[:5] == [
            "developing",
            "good",
            "excellent",
            "outstanding",
            "transformational",
        ]
        assert 0 in tiers.values(), "the sample leaves a tier empty"
        assert sum(tiers.values()) == volunteers
        assert table_rows(page, "tiers-table") == {
            tier: [str(count)] for tier, count in tiers.items()
        }
        assert list(table_rows(page, "tiers-table")) == list(tiers)
        for title in ("Volunteer hours per quarter", "From gross value to present value"):
            assert page.locator("svg title", has_text=title).count() == 1
    finally:
        page.close()


def test_company_report_quarter_period(sample: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "q2.html"
    result = render(sample, path, period="2025-Q2")
    assert result.returncode == 0, result.stderr
    ratio, currency = sample.query(
        "select sroi_ratio, currency from marts.rpt_sroi"
        " where scope = 'company' and company_id = %s"
        " and program_type = 'all' and period_type = 'quarter' and period_start = %s",
        (COMPANY, date(2025, 4, 1)),
    )[0]
    html = path.read_text(encoding="utf-8")
    assert f'<dd class="reading">{per_invested(ratio, currency)}</dd>' in html
    assert '<span id="coverage">2025 Q2, April\N{EN DASH}June, as of 30 June 2025</span>' in html


def test_company_report_covers_from_the_first_quarter_with_figures(
    sample: Workspace, tmp_path: Path
) -> None:
    """The sample's data starts in 2024 Q4: its 2024 report covers October to December,
    and says so; the as-of date is the build's, after the period."""
    path = tmp_path / "2024.html"
    result = render(sample, path, period="2024")
    assert result.returncode == 0, result.stderr
    html = path.read_text(encoding="utf-8")
    assert '<span id="coverage">2024, October\N{EN DASH}December, as of 30 June 2025</span>' in html
    assert "first figures of 2024\n      are from 1 October 2024." in html
    assert "covered up to then only" not in html


@pytest.mark.parametrize(
    ("company", "period", "named"),
    [("C-9999", "2025", "C-9999"), (COMPANY, "2019", "2019"), (COMPANY, "2019-Q3", "2019 Q3")],
)
def test_company_report_without_data_fails_cleanly(
    sample: Workspace, tmp_path: Path, company: str, period: str, named: str
) -> None:
    path = tmp_path / "none.html"
    result = render(sample, path, company=company, period=period)
    assert result.returncode == 1
    assert named in result.stderr
    assert "Traceback" not in result.stderr
    assert not path.exists()


def test_company_report_rejects_a_malformed_period(sample: Workspace, tmp_path: Path) -> None:
    result = render(sample, tmp_path / "bad.html", period="2025-Q5")
    assert result.returncode == 2
    assert "2025-Q5" in result.stderr
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------ wording, without a database


@pytest.mark.parametrize(
    ("period", "quarters", "as_of", "expected"),
    [
        (
            "2025",
            [date(2025, 1, 1), date(2025, 4, 1)],
            date(2025, 6, 30),
            "2025, January–June, as of 30 June 2025",
        ),
        (
            "2025",
            [date(2025, 1, 1), date(2025, 4, 1)],
            date(2025, 5, 15),
            "2025, January–May, as of 15 May 2025",
        ),
        (
            "2025",
            [date(2025, 4, 1)],
            date(2026, 1, 31),
            "2025, April–December, as of 31 January 2026",
        ),
        ("2025-Q2", [date(2025, 4, 1)], date(2025, 4, 9), "2025 Q2, April, as of 9 April 2025"),
        ("2025-Q3", [], date(2025, 12, 31), "2025 Q3, July–September, as of 31 December 2025"),
    ],
)
def test_coverage_states_the_months_the_data_covers(
    period: str, quarters: list[date], as_of: date, expected: str
) -> None:
    """From the first quarter with figures to the period's end or the as-of date, whichever
    comes first; never a month the period does not hold."""
    assert coverage(parse_period(period), quarters, as_of).text() == expected


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (Decimal("0.0483"), "0.05 USD of social value per 1 USD invested"),
        (Decimal("1.2550"), "1.26 USD of social value per 1 USD invested"),
        (Decimal("0.0014"), "less than 0.01 USD of social value per 1 USD invested"),
        (Decimal("0.0000"), "0.00 USD of social value per 1 USD invested"),
        (None, "n/a (no investment)"),
    ],
)
def test_sroi_ratio_reads_as_money_per_unit_invested(ratio: Decimal | None, expected: str) -> None:
    assert company_report.value_per_invested(ratio, "USD") == expected


def test_money_always_carries_its_currency() -> None:
    assert company_report.money(Decimal("36242.50"), "USD") == "36,242.50 USD"
    assert company_report.signed_money(Decimal("-799.83"), "EUR") == f"{MINUS}799.83 EUR"
    assert company_report.signed_money(Decimal("974.94"), "EUR") == "+974.94 EUR"
    assert company_report.net_per_invested(Decimal("-0.9517"), "USD") == (
        f"{MINUS}0.95 USD net per 1 USD invested"
    )


def _report_data(net_sroi: Decimal) -> dict[str, Any]:
    """A year's figures as gather() returns them, with a made-up SROI row."""
    period = parse_period("2025")
    present_value = Decimal("1000.00")
    investment = (present_value / (1 + net_sroi)).quantize(Decimal("0.01"))
    sroi = {
        "program_type": "all",
        "currency": "EUR",
        "investment_time": investment,
        "investment_cash": Decimal("0.00"),
        "investment_in_kind": Decimal("0.00"),
        "investment_management": Decimal("0.00"),
        "investment_total": investment,
        "gross_value": Decimal("2000.00"),
        "year1_impact": Decimal("800.00"),
        "present_value": present_value,
        "sroi_ratio": 1 + net_sroi,
        "net_sroi": net_sroi,
        "sroi_ratio_low": 1 + net_sroi,
        "sroi_ratio_high": 1 + net_sroi,
        "adjustments": Decimal("1200.00"),
        "later_years": Decimal("200.00"),
    }
    return {
        "company_id": "C-1",
        "company_name": "Company One",
        "period": period,
        "coverage": Coverage(period, date(2025, 1, 1), date(2025, 3, 31), date(2025, 3, 31)),
        "quarters": [
            {
                "start": date(2025, 1, 1),
                "quarter": "2025 Q1",
                "volunteers": 1,
                "hours": Decimal("2.00"),
            }
        ],
        "volunteers": 1,
        "hours": Decimal("2.00"),
        "tiers": [{"tier": "good", "count": 1}],
        "funnel": [],
        "sroi": sroi,
        "sroi_programs": [],
    }


@pytest.mark.parametrize(
    ("net_sroi", "explained"), [(Decimal("-0.5000"), True), (Decimal("0.2500"), False)]
)
def test_a_negative_net_sroi_is_explained_in_one_line(net_sroi: Decimal, explained: bool) -> None:
    html = company_report.render(_report_data(net_sroi))
    assert ('id="net-sroi-note"' in html) is explained
    assert "1,000.00 EUR" in html
    assert "2025, January–March, as of 31 March 2025" in html


def test_an_incomplete_sroi_is_marked() -> None:
    """A ratio that misses inputs without an exchange rate says so, with their amounts."""
    data = _report_data(Decimal("0.2500"))
    data["sroi"] |= {"rejected_inputs_count": 1, "rejected_inputs_amounts": "8000.00 EUR"}
    data["sroi_programs"] = [
        data["sroi"] | {"program_type": "language", "program": "Language for Ukraine"}
    ]
    html = company_report.render(data)
    note = "incomplete: 1 input has no exchange rate (8,000.00 EUR)"
    assert 'id="sroi-incomplete"' in html and note in html
    assert "(incomplete: 1 input without exchange rate)" in html
    data["sroi"] |= {"rejected_inputs_count": 0, "rejected_inputs_amounts": None}
    data["sroi_programs"] = []
    assert "incomplete" not in company_report.render(data).replace("p.incomplete", "")
