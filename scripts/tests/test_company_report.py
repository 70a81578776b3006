"""The company impact report: rendered from the sample's marts, opened in headless Chromium.

The expected figures are read from the marts here, with their own queries, and compared
with what the browser shows after loading the page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from csr_analytics.dev.workspace import BIN, Workspace

CHROMIUM = Path("/usr/bin/chromium")
COMPANY = "C-1001"
YEAR_START, YEAR_END = date(2025, 1, 1), date(2025, 12, 31)


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


def money(value: Decimal) -> str:
    return f"{value:,.2f}"


def expected_tiers(sample: Workspace) -> Counter[str]:
    """Quarter VIS rows (all programs) of 2025 whose volunteer has an activity credited
    to the company within that quarter, counted per tier."""
    activities = sample.query(
        "select volunteer_user_id, activity_date from marts.fct_volunteer_activities"
        " where company_id = %s",
        (COMPANY,),
    )
    scores = sample.query(
        "select csr_user_id, period_start, period_end, vis_tier from marts.fct_vis_scores"
        " where program_type = 'all' and period_type = 'quarter'"
    )
    tiers: Counter[str] = Counter()
    for user, start, end, tier in scores:
        if not YEAR_START <= start <= YEAR_END:
            continue
        if any(who == user and start <= day <= end for who, day in activities):
            tiers[tier or "not scored"] += 1
    return tiers


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
            "select sroi_ratio, present_value, investment_total, gross_value, year1_impact"
            " from marts.rpt_sroi where scope = 'company' and company_id = %s"
            " and program_type = 'all' and period_type = 'year' and period_start = %s",
            (COMPANY, YEAR_START),
        )
        assert len(sroi) == 1
        ratio, present_value, investment, gross_value, year1_impact = sroi[0]
        assert shown["SROI ratio (present value / investment)"] == f"{ratio:,.4f}"
        assert shown["Present value"] == money(present_value)
        assert shown["Investment"] == money(investment)
        bridge = table_rows(page, "sroi-table")
        assert bridge["Gross value"] == [money(gross_value)]
        assert bridge["Year-1 impact"] == [money(year1_impact)]
        assert bridge["Present value"] == [money(present_value)]
        assert bridge["Investment"] == [money(investment)]
        for figure in (money(gross_value), money(present_value), money(investment)):
            assert figure in text

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

        tiers = expected_tiers(sample)
        assert sum(tiers.values()) > 0
        assert {tier: cells for tier, cells in table_rows(page, "tiers-table").items()} == {
            tier: [str(count)] for tier, count in tiers.items()
        }
        for title in ("Volunteer hours per quarter", "From gross value to present value"):
            assert page.locator("svg title", has_text=title).count() == 1
    finally:
        page.close()


def test_company_report_quarter_period(sample: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "q2.html"
    result = render(sample, path, period="2025-Q2")
    assert result.returncode == 0, result.stderr
    ratio = sample.query(
        "select sroi_ratio from marts.rpt_sroi where scope = 'company' and company_id = %s"
        " and program_type = 'all' and period_type = 'quarter' and period_start = %s",
        (COMPANY, date(2025, 4, 1)),
    )[0][0]
    assert f"<dd>{ratio:,.4f}</dd>" in path.read_text(encoding="utf-8")


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
