"""``csr-bench``: measured figures for the README, printed (never asserted).

    csr-bench load  --rows 1000000 [--target duckdb postgres]
        the loader's throughput on one generated CSV of that many rows
    csr-bench build --people 10000 [--target duckdb] [--as-of 2025-06-30]
        csr-generate, csr-load and a full `dbt build` on that many people
    csr-bench build --exports data/sample_exports
        the same on an existing export folder (e.g. the sample)

Each run uses a throw-away database (a DuckDB file in a temporary folder, or a fresh
PostgreSQL database that is dropped afterwards).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from csr_analytics.dev.workspace import AS_OF, BIN, workspace

USER_HEADER = "id,email,first_name,last_name,role,joined_at,language_preference,interests,location"


def write_users_csv(path: Path, rows: int) -> None:
    """A valid Buddy users file of `rows` rows, with its metadata lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Export Date: 2025-06-30T02:00:00Z\n")
        handle.write(f"# Total Records: {rows}\n")
        handle.write(USER_HEADER + "\n")
        for n in range(rows):
            role = "buddy" if n % 2 else "participant"
            handle.write(
                f"{n:08x}-0000-4000-8000-{n:012x},person{n}@example.org,First{n},Last{n},"
                f'{role},2025-01-{n % 28 + 1:02d}T10:00:00Z,uk,"[""music"",""chess""]",Kyiv\n'
            )


def bench_load(rows: int, targets: Iterable[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="csr-bench-") as folder:
        exports = Path(folder) / "exports"
        started = time.perf_counter()
        write_users_csv(exports / "buddy" / "users.csv", rows)
        size = (exports / "buddy" / "users.csv").stat().st_size
        print(f"wrote {rows:,} rows ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
        for target in targets:
            with workspace(target, Path(folder) / target) as space:
                started = time.perf_counter()
                space.load(exports)
                seconds = time.perf_counter() - started
                landed = space.query("select count(*) from raw.buddy_users")[0][0]
                print(
                    f"{target}: csr-load landed {landed:,} rows in {seconds:.1f} s "
                    f"= {landed / seconds:,.0f} rows/s (wall time of the command)"
                )


def bench_build(people: int | None, exports: Path | None, target: str, as_of: str) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="csr-bench-") as folder,
        workspace(target, Path(folder) / "db") as space,
    ):
        if exports is None:
            exports = Path(folder) / "exports"
            started = time.perf_counter()
            space.run(
                [
                    str(BIN / "csr-generate"),
                    "--people",
                    str(people),
                    "--seed",
                    "1",
                    "--out",
                    str(exports),
                    "--as-of",
                    as_of,
                ]
            )
            print(f"csr-generate --people {people:,}: {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        space.load(exports, check=False)
        landed = space.query("select sum(rows_landed) from raw._loads")[0][0]
        print(f"csr-load: {landed:,} rows in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        result = space.dbt("build", as_of=as_of)
        seconds = time.perf_counter() - started
        summary = [line for line in result.stdout.splitlines() if "Done. PASS=" in line]
        print(f"dbt build ({target}): {seconds:.1f} s wall; {summary[-1].split('  ')[-1]}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="csr-bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load", help="loader throughput")
    load.add_argument("--rows", type=int, default=1_000_000)
    load.add_argument("--target", nargs="+", default=["duckdb", "postgres"])
    build = sub.add_parser("build", help="generate, load and build")
    build.add_argument("--people", type=int, default=10_000)
    build.add_argument("--exports", type=Path)
    build.add_argument("--target", default="duckdb", choices=("duckdb", "postgres"))
    build.add_argument("--as-of", default=AS_OF)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "load":
        bench_load(args.rows, args.target)
    else:
        bench_build(None if args.exports else args.people, args.exports, args.target, args.as_of)
    return 0


if __name__ == "__main__":
    sys.exit(main())
