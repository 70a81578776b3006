"""One run of the generator, start to end: open every file (drawing the export ids),
draw the companies, then generate the people in blocks of 2,000, each block program by
program with its own random stream, and close the files into a ``Summary``.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from csr_analytics.contract import Contract, find_project_dir, load_contract
from csr_analytics.generate.buddy import buddy
from csr_analytics.generate.clock import Clock
from csr_analytics.generate.context import Context
from csr_analytics.generate.kintell import kintell
from csr_analytics.generate.layout import Outputs, open_outputs
from csr_analytics.generate.outcomes import outcomes
from csr_analytics.generate.people import make_person
from csr_analytics.generate.platform import companies, memberships
from csr_analytics.generate.upskilling import upskilling
from csr_analytics.generate.webhooks import write_hooks

BLOCK_SIZE = 2000
BLOCK_SEED_FACTOR = 1_000_003  # block b draws from Random(seed * BLOCK_SEED_FACTOR + b)


@dataclass
class Summary:
    """What a run wrote."""

    people: int
    files: dict[str, tuple[int, int, int]]  # relative path -> (records, invalid, malformed)
    seconds: float

    @property
    def records(self) -> int:
        return sum(v[0] for v in self.files.values())

    @property
    def invalid(self) -> int:
        return sum(v[1] for v in self.files.values())

    @property
    def malformed(self) -> int:
        return sum(v[2] for v in self.files.values())


def generate(
    people: int, seed: int, out: Path, as_of: date, contract: Contract | None = None
) -> Summary:
    """Write an export folder of ``people`` people into ``out``; returns what was written.
    Columns come from ``contract``, by default the sources YAML of the dbt project."""
    if people < 1:
        raise ValueError("--people must be at least 1")
    if contract is None:
        contract = load_contract(find_project_dir())
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    clock = Clock(as_of)
    rng = random.Random(seed)
    ctx = Context(clock, open_outputs(contract, out, clock, rng, seed), rng)
    companies(ctx, people)
    for block, first in enumerate(range(0, people, BLOCK_SIZE)):
        ctx.rng = random.Random(seed * BLOCK_SEED_FACTOR + block)
        _block(ctx, first, min(BLOCK_SIZE, people - first), block)
    return Summary(people, _close(ctx.files, out), time.perf_counter() - started)


def _block(ctx: Context, first: int, n: int, block: int) -> None:
    """People ``first`` to ``first + n - 1``, program by program, then their webhooks."""
    people = [make_person(ctx.rng, idx) for idx in range(first, first + n)]
    buddy(ctx, people)
    kintell(ctx, people)
    upskilling(ctx, people)
    memberships(ctx, people)
    outcomes(ctx, people)
    write_hooks(ctx, block)


def _close(files: Outputs, out: Path) -> dict[str, tuple[int, int, int]]:
    written: dict[str, tuple[int, int, int]] = {}
    for output in files.all():
        output.close()
        written[output.path.relative_to(out).as_posix()] = (
            output.count,
            output.invalid,
            output.malformed,
        )
    return written
