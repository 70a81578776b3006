"""``csr-generate``: its options, and the summary it prints of what it wrote."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from csr_analytics.contract import ContractError
from csr_analytics.generate.run import Summary, generate


def _parse_args(argv: Iterable[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="csr-generate",
        description=(
            "Write a synthetic, deterministic export folder (Buddy, Kintell, upskilling, "
            "platform and Q2Q files in the layout csr-load accepts). The same arguments "
            "always give byte-identical files; about 1%% of the rows are invalid on purpose."
        ),
    )
    parser.add_argument("--people", type=int, required=True, help="number of people")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (created)")
    parser.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=date(2025, 6, 30),
        help="last day of the history and date of the exports (default 2025-06-30)",
    )
    return parser.parse_args(list(argv) if argv is not None else None)


def _print_summary(summary: Summary, echo: Callable[[str], None]) -> None:
    for rel, (records, invalid, malformed) in sorted(summary.files.items()):
        echo(f"{rel}: {records} records ({invalid} invalid, {malformed} malformed)")
    echo(
        f"{summary.people} people, {len(summary.files)} files, {summary.records} records "
        f"({summary.invalid} invalid on purpose, {summary.malformed} malformed) "
        f"in {summary.seconds:.1f} s"
    )


def main(argv: Iterable[str] | None = None, *, echo: Callable[[str], None] = print) -> int:
    args = _parse_args(argv)
    try:
        summary = generate(args.people, args.seed, args.out, args.as_of)
    except (ValueError, OSError, ContractError) as exc:
        print(f"csr-generate: {exc}", file=sys.stderr)
        return 2
    _print_summary(summary, echo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
