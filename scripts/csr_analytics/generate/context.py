"""What every program module shares during a run: the clock, the open files, the random
stream of the current block of people, the companies, and the webhook envelopes waiting
to be written; with the draws several programs make (a time of day, an email variant,
whether a row is in the export and has a webhook) and ``emit``, which writes a row after
maybe breaking it on purpose.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from csr_analytics.generate.clock import Clock
from csr_analytics.generate.draws import ri, uuid4
from csr_analytics.generate.invalid import INVALID_RATE, break_row
from csr_analytics.generate.layout import Outputs

Envelope = dict[str, object]


@dataclass
class Context:
    """The state of one run, handed to every program module."""

    clock: Clock
    files: Outputs
    rng: random.Random  # the seed's own stream for the companies, then one per block
    companies: list[tuple[str, str]] = field(default_factory=list)  # (company_id, name)
    pending_hooks: list[tuple[int, Envelope]] = field(default_factory=list)  # this block's
    need_malformed: bool = True  # at least one malformed CSV line in every export

    def emit(self, table: str, row: dict[str, str], rate: float = INVALID_RATE) -> None:
        """Write a row of the table's CSV, broken on purpose with probability ``rate``."""
        out = self.files.csv[table]
        if break_row(self.rng, self.clock, table, row, rate):
            out.invalid += 1
        out.row(row)

    def tick(self, lo: int, hi: int) -> int:
        """A minute in [lo, hi] during the day (08:00-21:59 in UTC)."""
        rng = self.rng
        day = ri(rng, lo // 1440, max(lo // 1440, hi // 1440))
        m = day * 1440 + ri(rng, 480, 1319)
        return min(max(m, lo), hi)

    def email_variant(self, email: str) -> str:
        """The address as another system writes it: mostly the same, sometimes capitalised,
        padded with spaces or in capitals."""
        r = self.rng.random()
        if r < 0.97:
            return email
        if r < 0.985:
            local, _, domain = email.partition("@")
            return local.capitalize() + "@" + domain.capitalize()
        if r < 0.993:
            return " " + email + " "
        return email.upper()

    def export_and_hook(self, minute: int) -> tuple[bool, bool]:
        """(in the export, has a webhook) for a row that happened at ``minute``."""
        if minute < self.clock.webhook_from:
            return True, False
        r = self.rng.random()
        if r < 0.04:
            return False, True  # only in webhooks
        if r < 0.14:
            return True, False  # the webhook was missed
        return True, True

    def hook(self, minute: int, event_type: str, data: dict) -> None:
        """Queue a webhook envelope (written per block, ordered by time)."""
        rng, clock = self.rng, self.clock
        envelope: Envelope = {
            "id": uuid4(rng),
            "type": event_type,
            "version": "v1",
            "timestamp": clock.ts(minute) if rng.random() < 0.9 else clock.ts(minute, 1),
            "correlationId": uuid4(rng),
            "data": data,
        }
        if rng.random() < 0.3:
            envelope["metadata"] = {"source": "buddy-api", "attempt": 1}
        self.pending_hooks.append((minute, envelope))
