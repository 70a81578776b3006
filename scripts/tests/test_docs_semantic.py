"""The docs site, documentation coverage, exposures and the semantic layer, on the sample build.

Every test reuses the session's ``sample`` build (DuckDB and PostgreSQL). ``dbt docs
generate`` runs once per engine into the workspace's own target folder; ``mf`` runs in a
folder holding only a link to dbt_project.yml and a ``target`` link to the workspace's
target folder, because it reads ``<project>/target/semantic_manifest.json`` and nothing
else. The figures ``mf query`` returns are checked against the marts, summed here in
Python from their rows.
"""

from __future__ import annotations

import csv
import json
import subprocess
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from csr_analytics.dev.workspace import BIN, PROJECT_DIR, Workspace

PUBLISHED = ("marts", "data_quality")  # pii is a folder of marts
METHOD_DOCS = {
    "fct_vis_scores": "vis_method",
    "rpt_sroi": "sroi_method",
    "fct_program_enrollments": "enrollment_status_rules",
    "dim_user_journey_flags": "journey_flags",
}
EXPOSURES = {
    "company_impact_dashboard": (
        "dashboard",
        {"rpt_sroi", "rpt_company_vis", "rpt_program_metrics", "rpt_program_metrics_quarterly"},
    ),
    "program_operations_dashboard": (
        "dashboard",
        {
            "fct_program_enrollments",
            "fct_buddy_matches",
            "fct_buddy_checkins",
            "fct_kintell_sessions",
            "fct_course_records",
            "fct_journey_rule_hits",
        },
    ),
    "journey_engine_feed": ("application", {"dim_user_journey_flags", "fct_journey_rule_hits"}),
}


@pytest.fixture(scope="module")
def docs(sample: Workspace) -> dict[str, Any]:
    """``dbt docs generate --static`` on the sample build: the manifest and the catalog."""
    sample.dbt("docs", "generate", "--static")
    target = sample.folder / "target"
    return {
        "manifest": json.loads((target / "manifest.json").read_text()),
        "catalog": json.loads((target / "catalog.json").read_text()),
        "static_index": target / "static_index.html",
    }


def published_models(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        node_id: node
        for node_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["fqn"][1] in PUBLISHED
    }


def documentation_gaps(manifest: dict[str, Any], catalog: dict[str, Any]) -> list[str]:
    """Published models or columns (in the YAML or in the database) without a description."""
    gaps = []
    for node_id, node in published_models(manifest).items():
        if not node["description"].strip():
            gaps.append(f"{node['name']}: no description")
        documented = {name.lower(): column for name, column in node["columns"].items()}
        for name, column in documented.items():
            if not column["description"].strip():
                gaps.append(f"{node['name']}.{name}: empty description")
        built = catalog["nodes"].get(node_id)
        if built is None:
            gaps.append(f"{node['name']}: not in the catalog")
            continue
        for name in built["columns"]:
            if name.lower() not in documented:
                gaps.append(f"{node['name']}.{name}: column not documented")
    return gaps


def test_docs_site_is_generated_with_every_mart(docs: dict[str, Any]) -> None:
    models = published_models(docs["manifest"])
    assert len(models) >= 25, sorted(node["name"] for node in models.values())
    missing = sorted(
        node["name"] for id_, node in models.items() if id_ not in docs["catalog"]["nodes"]
    )
    assert not missing, f"not in catalog.json: {missing}"
    page = docs["static_index"].read_text(encoding="utf-8")
    assert "fct_sroi_quarterly" in page and "vis_method" in page


def test_every_published_model_and_column_is_described(docs: dict[str, Any]) -> None:
    assert documentation_gaps(docs["manifest"], docs["catalog"]) == []


def test_documentation_check_catches_a_gap(docs: dict[str, Any]) -> None:
    manifest = json.loads(json.dumps(docs["manifest"]))
    node = manifest["nodes"]["model.csr_analytics.rpt_sroi"]
    node["columns"]["sroi_ratio"]["description"] = " "
    del node["columns"]["net_sroi"]
    assert documentation_gaps(manifest, docs["catalog"]) == [
        "rpt_sroi.sroi_ratio: empty description",
        "rpt_sroi.net_sroi: column not documented",
    ]


def test_method_docs_are_doc_blocks_on_the_models(docs: dict[str, Any]) -> None:
    blocks = {block["name"]: block["block_contents"] for block in docs["manifest"]["docs"].values()}
    for model, block in METHOD_DOCS.items():
        node = docs["manifest"]["nodes"][f"model.csr_analytics.{model}"]
        assert node["description"] == blocks[block], model
    # The SROI worked example is the one the unit tests pin.
    for figure in ("245.00", "196.00", "156.80", "561.11", "311.82", "916.46"):
        assert figure in blocks["sroi_method"], figure


def test_exposures_name_owner_and_marts(docs: dict[str, Any]) -> None:
    exposures = {item["name"]: item for item in docs["manifest"]["exposures"].values()}
    assert set(exposures) == set(EXPOSURES)
    for name, (kind, marts) in EXPOSURES.items():
        exposure = exposures[name]
        assert exposure["type"] == kind
        assert exposure["maturity"] in ("low", "medium", "high")
        assert exposure["owner"]["name"] and exposure["owner"]["email"].endswith("@example.org")
        assert exposure["description"].strip()
        depends = {node_id.rsplit(".", 1)[1] for node_id in exposure["depends_on"]["nodes"]}
        assert depends == marts, name


# --- The semantic layer (MetricFlow) -----------------------------------------------------


@pytest.fixture(scope="module")
def mf(sample: Workspace) -> Workspace:
    """A folder where ``mf`` finds dbt_project.yml and the workspace's target folder."""
    folder = sample.folder / "mf"
    folder.mkdir(exist_ok=True)
    for name, source in (
        ("dbt_project.yml", PROJECT_DIR / "dbt_project.yml"),
        ("target", sample.folder / "target"),
    ):
        if not (folder / name).exists():
            (folder / name).symlink_to(source)
    return sample


def run_mf(space: Workspace, *args: str) -> subprocess.CompletedProcess[str]:
    env = space.env | {"CSR_TARGET": space.engine}
    result = subprocess.run(
        [str(BIN / "mf"), *args],
        cwd=space.folder / "mf",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"mf {' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result


def mf_query(space: Workspace, metrics: str, group_by: str) -> list[dict[str, str]]:
    out = space.folder / "mf" / f"{metrics}-{group_by}.csv".replace(",", "+")
    run_mf(space, "query", "--metrics", metrics, "--group-by", group_by, "--csv", str(out))
    with out.open(newline="") as handle:
        return list(csv.DictReader(handle))


def quarter_of(day: date | datetime | str) -> str:
    value = date.fromisoformat(str(day)[:10])
    return date(value.year, 3 * ((value.month - 1) // 3) + 1, 1).isoformat()


def close(actual: str, expected: Decimal | float | None, places: int = 6) -> bool:
    if expected is None:
        return actual == ""
    return abs(Decimal(actual) - Decimal(str(expected))) < Decimal(10) ** -places


def sums(rows: Iterable[tuple[Any, ...]]) -> dict[Any, list[Decimal]]:
    """Group rows on their first value and sum the others."""
    totals: dict[Any, list[Decimal]] = defaultdict(lambda: [])
    for key, *values in rows:
        current = totals[key]
        if not current:
            current.extend(Decimal(0) for _ in values)
        for index, value in enumerate(values):
            current[index] += Decimal(str(value or 0))
    return totals


def test_mf_validate_configs_passes(mf: Workspace) -> None:
    result = run_mf(mf, "validate-configs")
    output = result.stdout + result.stderr
    assert "ERRORS: 0" in output and "against data warehouse" in output, output
    assert "ERRORS: 1" not in output


def test_mf_volunteer_hours_per_quarter_match_the_activities(mf: Workspace) -> None:
    rows = mf_query(mf, "volunteer_hours,weighted_hours", "metric_time__quarter")
    activities = mf.query(
        "select activity_date, minutes, weighted_hours from marts.fct_volunteer_activities"
    )
    expected = sums(
        (quarter_of(day), Decimal(minutes) / 60, weighted) for day, minutes, weighted in activities
    )
    got = {quarter_of(row["metric_time__quarter"]): row for row in rows}
    assert set(got) == set(expected) and len(got) >= 3
    for quarter, (hours, weighted) in expected.items():
        assert close(got[quarter]["volunteer_hours"], hours, 4), quarter
        assert close(got[quarter]["weighted_hours"], weighted, 4), quarter


def test_mf_sroi_ratio_per_company_is_a_ratio_of_sums(mf: Workspace) -> None:
    rows = mf_query(mf, "sroi_ratio,sroi_present_value,sroi_investment", "company")
    quarters = mf.query(
        "select coalesce(company_id, ''), present_value, investment_total from marts.rpt_sroi"
        " where scope in ('company', 'unattributed') and program_type <> 'all'"
        " and period_type = 'quarter'"
    )
    expected = sums(quarters)
    got = {row["company"]: row for row in rows}
    assert set(got) == set(expected) and len(got) == 4  # three companies and unattributed
    for company, (present_value, investment) in expected.items():
        row = got[company]
        assert close(row["sroi_present_value"], present_value, 2), company
        assert close(row["sroi_investment"], investment, 2), company
        assert close(row["sroi_ratio"], present_value / investment, 6), company
    # rpt_sroi's all-time rows sum the quarters before rounding: a cent apart at most.
    all_time = mf.query(
        "select company_id, present_value, sroi_ratio from marts.rpt_sroi where scope = 'company'"
        " and program_type = 'all' and period_type = 'all'"
    )
    for company, present_value, ratio in all_time:
        assert close(got[company]["sroi_present_value"], present_value, 1), company
        assert close(got[company]["sroi_ratio"], ratio, 3), company


def test_mf_enrollments_by_program_and_status_match_program_metrics(mf: Workspace) -> None:
    by_status = mf_query(mf, "enrollments", "program,enrollment__status")
    per_program = mf_query(mf, "active_participants,completion_rate", "program")
    metrics = mf.query(
        "select program_type, enrollments_active, enrollments_completed, enrollments_dropped,"
        " participants_active, completion_rate from marts.rpt_program_metrics"
    )
    got = {
        (row["program"], row["enrollment__status"]): int(row["enrollments"]) for row in by_status
    }
    expected = {}
    for program, active, completed, dropped, _, _ in metrics:
        for status, count in (("active", active), ("completed", completed), ("dropped", dropped)):
            if count:
                expected[(program, status)] = count
    assert got == expected
    people = {row["program"]: row for row in per_program}
    for program, _, _, _, participants, rate in metrics:
        assert int(people[program]["active_participants"]) == participants, program
        assert close(people[program]["completion_rate"], rate, 4), program


def test_mf_mean_vis_per_quarter_and_program(mf: Workspace) -> None:
    rows = mf_query(mf, "mean_vis", "metric_time__quarter,program")
    scores = mf.query(
        "select period_start, program_type, vis_score from marts.fct_vis_scores"
        " where period_type = 'quarter' and program_type <> 'all' and vis_score is not null"
    )
    pooled: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    for start, program, score in scores:
        pooled[(quarter_of(start), program)].append(Decimal(str(score)))
    got = {(quarter_of(row["metric_time__quarter"]), row["program"]): row for row in rows}
    assert set(got) == set(pooled) and len(got) >= 3
    for key, values in pooled.items():
        assert close(got[key]["mean_vis"], sum(values) / len(values), 4), key


def test_mf_activity_metrics_count_the_activity_facts(mf: Workspace) -> None:
    """Check-ins per quarter and company, sessions held per program, courses completed."""
    rows = mf_query(mf, "checkins,checkins_per_match", "metric_time__quarter,company")
    checkins = mf.query("select checkin_date, company_id, match_id from marts.fct_buddy_checkins")
    per_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for day, company, match in checkins:
        per_key[(quarter_of(day), company or "")].append(match)
    got = {(quarter_of(row["metric_time__quarter"]), row["company"]): row for row in rows}
    assert set(got) == set(per_key) and len(got) >= 2
    for key, matches in per_key.items():
        assert int(got[key]["checkins"]) == len(matches), key
        assert close(got[key]["checkins_per_match"], len(matches) / len(set(matches)), 4), key

    held = {
        row["program"]: int(row["sessions_held"])
        for row in mf_query(mf, "sessions_held", "program")
    }
    sessions = mf.query(
        "select program_type, count(*) from marts.fct_kintell_sessions where is_held"
        " group by program_type"
    )
    assert held == {program: count for program, count in sessions} and held

    completed = mf_query(mf, "courses_completed", "company")
    courses = mf.query(
        "select coalesce(company_id, ''), count(*) from marts.fct_course_records"
        " where is_current and status = 'completed' group by 1"
    )
    got_courses = {row["company"]: int(row["courses_completed"]) for row in completed}
    assert {key: value for key, value in got_courses.items() if value} == dict(courses)


def test_sroi_quarterly_holds_no_rollup(sample: Workspace) -> None:
    """Summed over everything, the base grain gives rpt_sroi's platform-wide all-time row."""
    base = sample.query(
        "select sum(present_value), sum(investment_total), count(*) from marts.fct_sroi_quarterly"
    )[0]
    platform = sample.query(
        "select present_value, investment_total from marts.rpt_sroi where scope = 'platform'"
        " and program_type = 'all' and period_type = 'all'"
    )[0]
    assert base[2] > 0
    assert abs(Decimal(str(base[0])) - Decimal(str(platform[0]))) <= Decimal("0.05")
    assert abs(Decimal(str(base[1])) - Decimal(str(platform[1]))) <= Decimal("0.05")


def test_program_descriptions_promise_only_reported_hours(sample: Workspace) -> None:
    """dim_programs may say a program reports hours only when one of its program metrics
    (seeds/program_metrics) is in hours: upskilling exports carry no hours, so its
    description claims none."""
    rows = sample.query(
        "select programs.program_type, programs.description,"
        " count(metrics.metric)"
        " from marts.dim_programs as programs"
        " left join seeds.program_metrics as metrics"
        "   on programs.program_type = metrics.program_type and metrics.unit = 'hours'"
        " group by programs.program_type, programs.description"
    )
    assert {program for program, _, _ in rows} >= {"upskilling", "mentorship"}
    claims = {
        program: hours_metrics
        for program, description, hours_metrics in rows
        if "hours" in description.lower()
    }
    assert all(claims.values()), claims
