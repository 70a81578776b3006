"""Time recalculating the Volunteer Impact Score (vis.md §4).

    python -m csr_analytics.dev.bench_vis --volunteers 1000 --target duckdb
    python -m csr_analytics.dev.bench_vis --volunteers 1000 --target postgres

In a throw-away database (a DuckDB file in a temporary folder, or a fresh PostgreSQL
database dropped afterwards): csr-generate writes exports with about that many
volunteers, csr-load lands them, one untimed `dbt build` builds everything the VIS
reads, then `dbt build --select <the VIS models>` (the models, their data tests and
unit tests) is timed. Printed: the wall time of that command, dbt's own elapsed time and
the sum of the VIS models' execution times, both from target/run_results.json.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from csr_analytics.dev.workspace import AS_OF, BIN, Workspace, workspace

# The VIS models; `dbt build --select` on them also runs their data and unit tests.
VIS_MODELS: tuple[str, ...] = (
    "int_volunteer_activities",
    "int_vis_periods",
    "int_vis_participant_periods",
    "int_vis_participant_outcomes",
    "int_vis_measures",
    "int_vis_scores",
    "fct_volunteer_activities",
    "fct_vis_scores",
    "rpt_company_vis",
)

# Volunteers (people with a VIS row) per generated person, measured on csr-generate's
# output (--seed 1: 624 volunteers among 2,000 people).
VOLUNTEERS_PER_PERSON = 0.312


@dataclass(frozen=True)
class VisTiming:
    """One timed VIS recalculation."""

    target: str
    people: int
    volunteers: int
    vis_rows: int
    wall_seconds: float
    dbt_elapsed_seconds: float
    models_seconds: float
    tests_seconds: float
    models_count: int
    tests_count: int
    summary: str


def people_for(volunteers: int) -> int:
    """How many people to generate for about `volunteers` volunteers."""
    return max(1, math.ceil(volunteers / VOLUNTEERS_PER_PERSON))


def generate(exports: Path, people: int, seed: int, as_of: str, space: Workspace) -> None:
    space.run(
        [
            str(BIN / "csr-generate"),
            "--people",
            str(people),
            "--seed",
            str(seed),
            "--out",
            str(exports),
            "--as-of",
            as_of,
        ]
    )


def upstream_selection() -> list[str]:
    """Everything the VIS models read (their parents), without the VIS models."""
    return [
        "--select",
        *(f"+{model}" for model in VIS_MODELS),
        "--exclude",
        *VIS_MODELS,
    ]


def read_run_results(path: Path) -> tuple[float, float, float, int, int]:
    """dbt's elapsed time, the models' and the tests' execution time, and their counts."""
    results = json.loads(path.read_text(encoding="utf-8"))
    models = [r for r in results["results"] if r["unique_id"].startswith("model.")]
    tests = [r for r in results["results"] if not r["unique_id"].startswith("model.")]
    return (
        float(results["elapsed_time"]),
        sum(float(r["execution_time"]) for r in models),
        sum(float(r["execution_time"]) for r in tests),
        len(models),
        len(tests),
    )


def bench_vis(
    volunteers: int,
    target: str,
    seed: int = 1,
    as_of: str = AS_OF,
    exports: Path | None = None,
) -> VisTiming:
    """Generate, load and build upstream (untimed), then time the VIS build."""
    people = people_for(volunteers)
    with (
        tempfile.TemporaryDirectory(prefix="csr-bench-vis-") as folder,
        workspace(target, Path(folder) / "db") as space,
    ):
        if exports is None:
            exports = Path(folder) / "exports"
            generate(exports, people, seed, as_of, space)
        space.load(exports, check=False)
        space.dbt("build", *upstream_selection(), as_of=as_of, check=False)

        started = time.perf_counter()
        result = space.dbt("build", "--select", *VIS_MODELS, as_of=as_of, check=False)
        wall_seconds = time.perf_counter() - started

        summary = next(
            (line for line in reversed(result.stdout.splitlines()) if "Done. PASS=" in line),
            "no summary: " + result.stdout[-2000:],
        )
        elapsed, models_seconds, tests_seconds, models_count, tests_count = read_run_results(
            space.folder / "target" / "run_results.json"
        )
        counted = space.query(
            "select count(distinct csr_user_id), count(*) from marts.fct_vis_scores"
        )[0]
        return VisTiming(
            target=target,
            people=people,
            volunteers=int(counted[0]),
            vis_rows=int(counted[1]),
            wall_seconds=wall_seconds,
            dbt_elapsed_seconds=elapsed,
            models_seconds=models_seconds,
            tests_seconds=tests_seconds,
            models_count=models_count,
            tests_count=tests_count,
            summary=summary.split("Done. ")[-1].strip(),
        )


def report(timing: VisTiming) -> str:
    return "\n".join(
        [
            f"VIS recalculation on {timing.target}: {timing.volunteers:,} volunteers "
            f"({timing.people:,} people generated), {timing.vis_rows:,} fct_vis_scores rows",
            f"  dbt build --select <VIS models>: {timing.wall_seconds:.1f} s wall "
            f"(dbt elapsed {timing.dbt_elapsed_seconds:.1f} s); {timing.summary}",
            f"  VIS models' own execution time: {timing.models_seconds:.2f} s "
            f"({timing.models_count} models); their tests: {timing.tests_seconds:.2f} s "
            f"({timing.tests_count} data and unit tests)",
        ]
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m csr_analytics.dev.bench_vis",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--volunteers", type=int, default=1_000)
    parser.add_argument("--target", default="duckdb", choices=("duckdb", "postgres"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", default=AS_OF)
    parser.add_argument(
        "--exports", type=Path, help="an existing export folder instead of generating one"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    timing = bench_vis(args.volunteers, args.target, args.seed, args.as_of, args.exports)
    print(report(timing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
