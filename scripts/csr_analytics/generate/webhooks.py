"""Writing a block's Buddy webhook envelopes to the two monthly JSONL files.

In time order, each to the file of its month; a few are delivered twice (in the same
file or the next), carry a bad UUID, are followed by an envelope of an unknown type, or
are cut off halfway (a line that is not JSON; at least one in the first block).
"""

from __future__ import annotations

import json

from csr_analytics.generate.context import Context, Envelope
from csr_analytics.generate.draws import pick, uuid4
from csr_analytics.generate.invalid import MALFORMED_RATE

UNKNOWN_WEBHOOK_TYPES = ("buddy.user.profile_updated", "buddy.match.paused_reminder")
_ID_KEYS = ("matchId", "userId", "eventId", "teacherId")


def write_hooks(ctx: Context, block: int) -> None:
    """Write the block's queued envelopes, ordered by time; empty the queue."""
    rng = ctx.rng
    hooks = sorted(ctx.pending_hooks, key=lambda h: h[0])
    for minute, envelope in hooks:
        target = 0 if minute < ctx.clock.webhook_split else 1
        if rng.random() < 0.005:
            _break_an_id(envelope)  # a webhook whose data breaks a rule (a bad UUID)
            ctx.files.hooks[target].invalid += 1
        text = json.dumps(envelope, ensure_ascii=False)
        _deliver(ctx, target, text)
        if rng.random() < 0.002:
            ctx.files.hooks[target].line(_unknown_envelope(ctx, minute, envelope))
        if rng.random() < MALFORMED_RATE * 2 or (block == 0 and minute == hooks[-1][0]):
            ctx.files.hooks[target].line(text[: len(text) // 2])  # a truncated delivery
            ctx.files.hooks[target].malformed += 1
    ctx.pending_hooks = []


def _break_an_id(envelope: Envelope) -> None:
    data: dict = envelope["data"]  # type: ignore[assignment]
    key = next(k for k in _ID_KEYS if data.get(k))
    data[key] = data[key][:-2] + "zz"


def _deliver(ctx: Context, target: int, text: str) -> None:
    """Write the envelope; ~5 % are redelivered, in the same file or in the next."""
    ctx.files.hooks[target].line(text)
    r = ctx.rng.random()
    if r < 0.035:
        ctx.files.hooks[target].line(text)  # redelivered in the same file
    elif r < 0.05:
        ctx.files.hooks[1].line(text)  # redelivered later


def _unknown_envelope(ctx: Context, minute: int, envelope: Envelope) -> str:
    rng = ctx.rng
    data: dict = envelope["data"]  # type: ignore[assignment]
    unknown = {
        "id": uuid4(rng),
        "type": pick(rng, UNKNOWN_WEBHOOK_TYPES),
        "version": "v2",
        "timestamp": ctx.clock.ts(minute + 3),
        "data": {"userId": data.get("participantId") or uuid4(rng)},
    }
    return json.dumps(unknown)
