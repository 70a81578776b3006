"""What a Buddy account does beside its matches: formal events it attends (24 per block,
each account attending up to three while a member) and milestones it reaches, each in the
export CSV, its webhook, or both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from csr_analytics.generate.buddy_match import Match
from csr_analytics.generate.context import Context
from csr_analytics.generate.draws import pick, ri, uuid4
from csr_analytics.generate.people import NEVER, Person
from csr_analytics.generate.vocabulary import CITIES

# title, event_type, event_format, categories, sdg_goals
FORMAL_EVENTS = (
    ("Welcome evening for new participants", "social", "in-person", ["community"], [10, 11]),
    ("Job application workshop", "professional", "hybrid", ["career", "employment"], [8]),
    ("Intro to the local school system", "educational", "online", ["education"], [4]),
    ("Summer picnic", "recreational", "in-person", ["community", "family"], [3, 11]),
    ("Language café", "language", "in-person", ["language"], [4, 10]),
    ("Museum tour: city history", "cultural", "in-person", ["culture"], [11]),
    ("Peer support circle", "support", "online", ["wellbeing"], [3]),
    ("Digital skills drop-in", "educational", "hybrid", ["digital"], [4, 8, 9]),
    ("Volunteer meetup", "other", "in-person", ["volunteering"], [17]),
)  # fmt: skip
FORMAL_EVENTS_PER_BLOCK = 24
ORGANIZERS = ("Buddy Program team", "City Welcome Centre", "Red Cross local chapter", "")
# milestone_id, title, category, points, badge, target role
MILESTONES = (
    (1, "Completed onboarding", "onboarding", 10, "rocket", "all"),
    (2, "First meeting with your buddy", "buddy-connection", 20, "handshake", "all"),
    (3, "Attended a cultural event", "cultural", 15, "theatre", "participant"),
    (4, "Joined a local community group", "community", 15, "people", "participant"),
    (5, "First language practice", "language", 10, "speech", "participant"),
    (6, "CV ready for applications", "professional", 25, "briefcase", "participant"),
    (7, "Shared a first skill", "skills", 20, "star", "buddy"),
    (8, "Attended five events", "events", 30, "calendar", "all"),
    (9, "Helped three participants", "impact", 50, "heart", "buddy"),
    (10, "Completed the program", "completion", 50, "trophy", "all"),
    (11, "Volunteered at a community event", "community", 20, "people", "buddy"),
    (12, "Profile photo added", "other", 5, "camera", "all"),
)  # fmt: skip

FormalEvent = tuple[str, int, tuple]  # event_id, minute, an entry of FORMAL_EVENTS


@dataclass
class Accounts:
    """The block's Buddy accounts: when each joined, its role, when it left."""

    joined: dict[str, int] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    left: dict[str, int] = field(default_factory=dict)


def account_rows(
    ctx: Context, members: list[Person], matches: list[Match], accounts: Accounts
) -> None:
    """Formal-event attendance and milestones of every account of the block."""
    formal = _formal_events(ctx)
    match_of: dict[str, str] = {}
    for m in matches:
        match_of.setdefault(m.participant_id, m.match_id)
        match_of.setdefault(m.buddy_id, m.match_id)
    first_match: dict[str, int] = {}
    for m in matches:
        for account in (m.participant_id, m.buddy_id):
            first_match[account] = min(first_match.get(account, NEVER), m.matched)
    for p in members:
        for account in p.buddy_ids:
            joined = accounts.joined[account]
            end = accounts.left.get(account, ctx.clock.export_min - 60)
            _attendance(ctx, account, joined, end, formal, match_of.get(account))
            role = accounts.roles[account]
            _milestones(ctx, account, role, joined, end, first_match.get(account))


def _formal_events(ctx: Context) -> list[FormalEvent]:
    events = []
    for _ in range(FORMAL_EVENTS_PER_BLOCK):
        spec = pick(ctx.rng, FORMAL_EVENTS)
        at = ctx.tick(0, ctx.clock.export_min - 1440)
        events.append((uuid4(ctx.rng), at, spec))
    events.sort(key=lambda e: e[1])
    return events


# ---------------------------------------------------------------- formal events


def _attendance(
    ctx: Context,
    account: str,
    joined: int,
    end: int,
    formal: list[FormalEvent],
    match_id: str | None,
) -> None:
    """Up to three of the formal events held while the account was a member."""
    rng = ctx.rng
    eligible = [e for e in formal if joined <= e[1] <= end]
    if not eligible:
        return
    for event_id, at, spec in rng.sample(
        eligible, min(len(eligible), pick(rng, (0, 0, 1, 1, 2, 3)))
    ):
        row = _attendance_row(ctx, account, event_id, at, spec, match_id)
        in_export, hooked = ctx.export_and_hook(at)
        if hooked:
            ctx.hook(at + 60, "buddy.event.attended", _attended_data(ctx, at, row, spec))
        if in_export:
            ctx.emit("buddy_event_attendance", row)


def _attendance_row(
    ctx: Context, account: str, event_id: str, at: int, spec: tuple, match_id: str | None
) -> dict[str, str]:
    rng = ctx.rng
    title, etype, fmt, categories, sdgs = spec
    return {
        "event_id": event_id,
        "user_id": account,
        "event_title": title,
        "event_type": etype,
        "event_format": fmt,
        "attended_at": ctx.clock.ts(at),
        "match_id": match_id if match_id and rng.random() < 0.3 else "",
        "location": "" if fmt == "online" else pick(rng, CITIES),
        "duration_minutes": str(pick(rng, (60, 90, 120, 180))) if rng.random() < 0.8 else "",
        "attendee_count": str(ri(rng, 8, 60)),
        "organizer": pick(rng, ORGANIZERS),
        "categories": json.dumps(categories),
        "sdg_goals": json.dumps(sdgs),
    }


def _attended_data(ctx: Context, at: int, row: dict[str, str], spec: tuple) -> dict:
    _, _, _, categories, sdgs = spec
    return {
        "eventId": row["event_id"],
        "userId": row["user_id"],
        "matchId": row["match_id"] or None,
        "eventTitle": row["event_title"],
        "eventType": row["event_type"],
        "eventFormat": row["event_format"],
        "attendedAt": ctx.clock.ts(at),
        "location": row["location"] or None,
        "durationMinutes": int(row["duration_minutes"]) if row["duration_minutes"] else None,
        "attendeeCount": int(row["attendee_count"]),
        "organizer": row["organizer"] or None,
        "categories": categories,
        "sdgGoals": sdgs,
    }


# ---------------------------------------------------------------- milestones


def _milestones(
    ctx: Context, account: str, role: str, joined: int, end: int, first_match: int | None
) -> None:
    """Onboarding (90 %), the first meeting (85 % of the matched) and ~18 % of the rest."""
    for milestone in MILESTONES:
        milestone_id, _, _, _, _, target = milestone
        if target not in ("all", role):
            continue
        if milestone_id == 1:
            p, lo = 0.9, joined
        elif milestone_id == 2:
            p, lo = (0.85, first_match) if first_match is not None else (0, 0)
        else:
            p, lo = 0.18, (first_match if first_match is not None else joined)
        if ctx.rng.random() >= p or lo >= end:
            continue
        at = ctx.tick(lo + 60, min(end, lo + 1440 * 200))
        _milestone(ctx, account, milestone, at)


def _milestone(ctx: Context, account: str, milestone: tuple, at: int) -> None:
    rng = ctx.rng
    milestone_id, title, category, points, badge, target = milestone
    target_count = pick(rng, (1, 3, 5, 10))
    row = {
        "milestone_id": str(milestone_id),
        "user_id": account,
        "milestone_title": title,
        "milestone_category": category,
        "reached_at": ctx.clock.ts(at),
        "points": str(points),
        "badge_icon": badge,
        "target_role": target,
        "progress": json.dumps({"current": target_count, "target": target_count}),
        "metadata": json.dumps({"source": "app"}) if rng.random() < 0.5 else "",
    }
    in_export, hooked = ctx.export_and_hook(at)
    if hooked:
        data = {
            "milestoneId": milestone_id,
            "userId": account,
            "milestoneTitle": title,
            "milestoneCategory": category,
            "reachedAt": ctx.clock.ts(at),
            "points": points,
            "badgeIcon": badge,
            "targetRole": target,
            "progress": {"current": target_count, "target": target_count},
        }
        ctx.hook(at + 1, "buddy.milestone.reached", data)
    if in_export:
        ctx.emit("buddy_milestones", row)
