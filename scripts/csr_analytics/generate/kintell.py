"""The Kintell programs (language and mentorship): pairs of a learner and a volunteer with
1-20 sessions each, and the member export.

Some sessions are not held, some are scheduled after the export; ratings are 1-5 stars
with decimals; CEFR levels rise for about half the language learners; emails come with
case or whitespace variants. The per-program files cover the last 180 days, the older
combined export every held session up to its date (the overlap is the same session in
both formats); a few sessions are in both programs' files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from csr_analytics.generate.context import Context
from csr_analytics.generate.draws import pick, ri, slug
from csr_analytics.generate.invalid import INVALID_RATE_KEYS
from csr_analytics.generate.people import Person

PROGRAM_TABLES = {
    "language": "kintell_language_sessions",
    "mentorship": "kintell_mentorship_sessions",
}
CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")
STAR_RATINGS = ("5", "5", "4.5", "4", "4", "4.8", "4.2", "3.5", "3", "3.7", "2.5", "2", "1")
LANGUAGE_TOPICS = (
    "grammar", "small talk", "job interview", "doctor visit", "shopping", "housing",
    "school", "pronunciation", "work vocabulary", "travel",
)  # fmt: skip
LANGUAGE_FEEDBACK = (
    "Great conversation practice", "Patient tutor, clear explanations",
    "A bit too fast for me", "Very useful vocabulary", "Connection problems at the start",
)  # fmt: skip
FOCUS_AREAS = (
    "CV review", "interview preparation", "career change", "networking", "IT career",
    "starting a business", "healthcare licensing", "salary negotiation",
)  # fmt: skip
GOALS = (
    "Update CV for the local market", "Prepare for a developer interview",
    "Find a mentor network in logistics", "Plan the recognition of a nursing diploma",
    "Set up a LinkedIn profile", "Apply to three jobs this month",
)  # fmt: skip
VOLUNTEER_ROLES = ("mentor", "tutor", "advisor", "Mentor")
PARTICIPANT_ROLES = ("learner", "mentee", "student", "Learner", "newcomer")
IN_BOTH_PROGRAMS_RATE = 0.0015


@dataclass
class Pair:
    """A learner and a volunteer in one program, and the learner's CEFR level so far."""

    program: str
    learner: Person
    tutor: Person
    level: int
    improver: bool
    held_count: int = 0


def kintell(ctx: Context, people: list[Person]) -> None:
    """Every Kintell row of the block's people: their sessions, then the members."""
    rng = ctx.rng
    members: dict[int, Person] = {}
    for program in ("language", "mentorship"):
        takers = [p for p in people if program in p.programs]
        learners = [p for p in takers if not p.volunteer]
        tutors = [p for p in takers if p.volunteer]
        for p in takers:
            members[p.idx] = p
        if not tutors:
            continue
        for learner in learners:
            r = rng.random()
            pairs = 0 if r < 0.05 else (2 if r < 0.15 else 1)
            for _ in range(pairs):
                _pair(ctx, program, learner, pick(rng, tutors))
    for p in people:
        if p.idx not in members and rng.random() < 0.01:
            members[p.idx] = p  # a member with no session
    for idx in sorted(members):
        _member(ctx, members[idx])


def _member(ctx: Context, p: Person) -> None:
    """The member export's row; joined some days before the first activity."""
    rng, c = ctx.rng, ctx.clock
    joined = min(p.first_activity, c.export_min - 1440 * 2) - 1440 * ri(rng, 1, 30)
    role = pick(rng, VOLUNTEER_ROLES if p.volunteer else PARTICIPANT_ROLES)
    row = {
        "email": ctx.email_variant(p.email),
        "name": f"{p.first} {p.last}",
        "linkedin_url": (
            f"https://www.linkedin.com/in/{slug(p.first)}-{slug(p.last)}-{p.idx + 1}"
            if p.volunteer and rng.random() < 0.7
            else ""
        ),
        "verification_status": pick(rng, ("verified", "verified", "pending", "unverified")),
        "role_when_joined": role,
        "grant_access": pick(rng, ("true", "true", "false")),
        "joined_kg_at": c.ts(max(joined, -1440 * 400), 4),
    }
    ctx.emit("kintell_users", row, INVALID_RATE_KEYS)


def _session_count(ctx: Context) -> int:
    rng = ctx.rng
    r = rng.random()
    if r < 0.25:
        return ri(rng, 1, 2)
    if r < 0.6:
        return ri(rng, 3, 5)
    if r < 0.95:
        return ri(rng, 6, 12)
    return ri(rng, 13, 20)


def _pair(ctx: Context, program: str, learner: Person, tutor: Person) -> None:
    """A pair's sessions, every 5-14 days, up to three weeks past the export."""
    rng, c = ctx.rng, ctx.clock
    count = _session_count(ctx)
    at = ctx.tick(0, (c.end_day - 10) * 1440)
    pair = Pair(program, learner, tutor, level=ri(rng, 1, 4), improver=rng.random() < 0.5)
    rows: list[tuple[int, dict[str, str], bool]] = []
    for _ in range(count):
        if at > c.export_min + 1440 * 21:
            break
        row, held = _session(ctx, pair, at)
        rows.append((at, row, held))
        learner.first_activity = min(learner.first_activity, at)
        tutor.first_activity = min(tutor.first_activity, at)
        at += 1440 * ri(rng, 5, 14) + ri(rng, -120, 120)
    for at, row, held in rows:
        original = dict(row)
        if at >= c.kintell_from_day * 1440:
            _program_row(ctx, program, row)
        if held and at <= c.older_export_min - 1440:
            _combined_row(ctx, program, original)


def _session(ctx: Context, pair: Pair, at: int) -> tuple[dict[str, str], bool]:
    """One session as its program's file has it, and whether it was held."""
    rng, c = ctx.rng, ctx.clock
    future = at > c.export_min - 60
    held = not future and rng.random() < 0.88
    style = 2 if rng.random() < 0.4 else 0
    duration = pick(rng, (30, 45, 45, 60, 60, 60, 90)) + pick(rng, (0, 0, 0, 5, -5))
    done = at + pick(rng, (0, 0, 5, 10))
    row = {
        "session_id": "ks_" + f"{rng.getrandbits(48):012x}",
        "participant_email": ctx.email_variant(pair.learner.email),
        "scheduled_at": c.ts(at, style),
        "completed_at": c.ts(done, style) if held else "",
        "duration_minutes": str(duration) if held else "",
        "rating": pick(rng, STAR_RATINGS) if held and rng.random() < 0.7 else "",
        "metadata": json.dumps({"room": f"r-{ri(rng, 100, 999)}"}) if rng.random() < 0.3 else "",
    }
    if pair.program == "language":
        row.update(_language_columns(ctx, pair, held))
    else:
        row.update(_mentorship_columns(ctx, pair, held))
    return row, held


def _language_columns(ctx: Context, pair: Pair, held: bool) -> dict[str, str]:
    rng = ctx.rng
    if held:
        pair.held_count += 1
        if pair.improver and pair.held_count % ri(rng, 3, 6) == 0 and pair.level < 6:
            pair.level += 1
    text = CEFR[pair.level - 1]
    return dict(
        volunteer_email=ctx.email_variant(pair.tutor.email),
        feedback_text=pick(rng, LANGUAGE_FEEDBACK) if held and rng.random() < 0.4 else "",
        language_level=(text.lower() if rng.random() < 0.1 else text)
        if held and rng.random() < 0.7
        else "",
        topics=", ".join(rng.sample(LANGUAGE_TOPICS, 2)),
    )


def _mentorship_columns(ctx: Context, pair: Pair, held: bool) -> dict[str, str]:
    rng = ctx.rng
    return dict(
        mentor_email=ctx.email_variant(pair.tutor.email),
        feedback_text="Helpful session" if held and rng.random() < 0.4 else "",
        focus_area=pick(rng, FOCUS_AREAS),
        goals_discussed=pick(rng, GOALS) if rng.random() < 0.6 else "",
    )


def _program_row(ctx: Context, program: str, row: dict[str, str]) -> None:
    """The session in its program's file; a few also in the other program's (invalid)."""
    table = PROGRAM_TABLES[program]
    if ctx.rng.random() < IN_BOTH_PROGRAMS_RATE:
        other = "mentorship" if program == "language" else "language"
        twin = dict(row)
        if other == "mentorship":
            twin["mentor_email"] = row["volunteer_email"]
            twin["focus_area"] = "language practice"
        else:
            twin["volunteer_email"] = row["mentor_email"]
        other_out = ctx.files.csv[PROGRAM_TABLES[other]]
        other_out.row(twin)  # the same session id in both programs
        other_out.invalid += 1
        ctx.files.csv[table].invalid += 1
        ctx.files.csv[table].row(row)
    else:
        ctx.emit(table, row)


def _combined_row(ctx: Context, program: str, row: dict[str, str]) -> None:
    """A held session as the older combined export has it."""
    combined = {
        "session_id": row["session_id"],
        "session_type": "Language Connect" if program == "language" else "Mentorship",
        "participant_email": row["participant_email"],
        "volunteer_email": row.get("volunteer_email") or row.get("mentor_email", ""),
        "date": row["completed_at"],
        "duration_min": row["duration_minutes"],
        "rating": row["rating"],
        "feedback_text": row["feedback_text"],
        "language_level": row.get("language_level", ""),
    }
    if combined["session_type"] == "Mentorship" and ctx.rng.random() < 0.1:
        combined["session_type"] = "mentorship"
    ctx.emit("kintell_sessions", combined)
