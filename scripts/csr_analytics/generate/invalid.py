"""Rows broken on purpose: which values each raw table's rows may get wrong, and how.

``MUTATIONS`` lists, per raw table, the ways one of its rows can be made invalid;
``break_row`` applies one of them (the first that applies, from a drawn start) with a
given probability.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from csr_analytics.generate.clock import Clock
from csr_analytics.generate.draws import ri, uuid4

INVALID_RATE = 0.01  # share of rows broken on purpose (leaf tables)
INVALID_RATE_KEYS = 0.002  # users and matches: a broken one also orphans its dependents
MALFORMED_RATE = 0.00005  # lines with a wrong field count / not JSON

Mutation = tuple[str, str, object]  # column, kind, argument

# kinds: set, clear, bad_uuid, orphan, future, before, too_old,
# clear_if (argument = (column, value) that must hold), bad_email
MUTATIONS: dict[str, tuple[Mutation, ...]] = {
    "buddy_users": (
        ("email", "bad_email", None), ("role", "set", "Buddy"), ("joined_at", "set", "yesterday"),
        ("id", "bad_uuid", None), ("interests", "set", '["music", "chess"'),
    ),
    "buddy_matches": (
        ("status", "set", "paused"), ("end_reason", "clear_if", ("status", "ended")),
        ("participant_id", "orphan", None), ("matched_at", "future", None),
        ("ended_at", "before", "matched_at"), ("duration_days", "set", "-3"),
    ),
    "buddy_events": (
        ("event_id", "bad_uuid", None), ("event_date", "set", "yesterday"),
        ("event_date", "future", None), ("attendees", "set", "[not json]"),
        ("event_type", "clear", None),
    ),
    "buddy_event_attendance": (
        ("event_type", "set", "Cultural"), ("event_format", "set", "in person"),
        ("duration_minutes", "set", "0"), ("sdg_goals", "set", "[4, 18]"),
        ("user_id", "orphan", None), ("attended_at", "future", None),
    ),
    "buddy_skill_sessions": (
        ("teacher_rating", "set", "4"), ("learner_rating", "set", "1.5"),
        ("proficiency_level", "set", "expert"), ("learner_progress", "set", "great-progress"),
        ("skill_id", "set", "0"), ("learner_id", "orphan", None),
        ("completed_at", "set", "last week"),
    ),
    "buddy_checkins": (
        ("mood", "set", "fine"), ("checkin_date", "set", "yesterday"),
        ("match_id", "orphan", None), ("question_responses", "set", "{met: yes}"),
        ("checkin_date", "future", None),
    ),
    "buddy_feedback": (
        ("rating", "set", "5"), ("rating", "set", "0,8"), ("from_role", "set", "volunteer"),
        ("communication", "set", "1.3"), ("submitted_at", "future", None),
        ("match_id", "bad_uuid", None),
    ),
    "buddy_milestones": (
        ("milestone_category", "set", "social"), ("points", "set", "-10"),
        ("reached_at", "set", "yesterday"), ("user_id", "orphan", None),
    ),
    "kintell_users": (("email", "bad_email", None),),
    "kintell_language_sessions": (
        ("rating", "set", "4,5"), ("rating", "set", "6"), ("duration_minutes", "set", "481"),
        ("completed_at", "before", "scheduled_at"), ("scheduled_at", "too_old", None),
        ("language_level", "set", "B3"), ("participant_email", "bad_email", None),
        ("duration_minutes", "clear_if", ("completed_at", "*")),
        ("completed_at", "future", None),
    ),
    "kintell_mentorship_sessions": (
        ("rating", "set", "4,5"), ("rating", "set", "0"), ("duration_minutes", "set", "481"),
        ("completed_at", "before", "scheduled_at"), ("scheduled_at", "too_old", None),
        ("mentor_email", "bad_email", None),
        ("duration_minutes", "clear_if", ("completed_at", "*")),
    ),
    "kintell_sessions": (
        ("session_type", "set", "Group Session"), ("rating", "set", "4,5"),
        ("duration_min", "set", "500"), ("date", "set", "yesterday"),
    ),
    "upskilling_course_progress": (
        ("status", "set", "finished"), ("completed_at", "clear_if", ("status", "completed")),
        ("progress_percent", "set", "120"), ("provider", "set", "coursera"),
        ("updated_at", "future", None), ("final_score", "set", "104"),
    ),
    "upskilling_course_completions": (
        ("completed_at", "set", "N/A"), ("final_score", "set", "101"),
        ("user_email", "bad_email", None),
    ),
    "upskilling_credentials": (
        ("credential_type", "set", "license"), ("expires_at", "before", "issued_at"),
        ("issued_at", "future", None),
    ),
    "platform_company_users": (
        ("user_email", "bad_email", None), ("joined_at", "set", "Q1 2024"),
    ),
    "platform_program_investments": (
        ("currency", "set", "CHF"), ("amount", "set", "-500"),
        ("period_end", "before", "period_start"), ("input_type", "set", "grant"),
    ),
    "platform_employee_hour_costs": (("currency", "set", "CHF"), ("hourly_cost", "set", "n/a")),
    "platform_employment_outcomes": (
        ("employed_at", "set", "yesterday"), ("employed_at", "future", None),
        ("user_email", "bad_email", None),
    ),
    "q2q_outcome_scores": (
        ("score", "set", "1.4"), ("dimension", "set", "happiness"),
        ("measured_at", "future", None), ("text_type", "set", "email"),
    ),
}  # fmt: skip


def break_row(
    rng: random.Random, clock: Clock, table: str, row: dict[str, str], rate: float
) -> bool:
    """Break the row on purpose with probability ``rate``; True when it was broken."""
    if rng.random() >= rate:
        return False
    options = MUTATIONS[table]
    start = rng.randrange(len(options))
    for k in range(len(options)):
        column, kind, arg = options[(start + k) % len(options)]
        if _mutate(rng, clock, row, column, kind, arg):
            return True
    return False


def _mutate(
    rng: random.Random, clock: Clock, row: dict[str, str], column: str, kind: str, arg: object
) -> bool:
    """Apply one mutation; False when it does not apply to this row."""
    value = row.get(column, "")
    if kind in _FIXED:
        row[column] = _FIXED[kind](value, arg)
        return True
    if kind == "orphan":
        row[column] = uuid4(rng)
    elif kind == "too_old":
        row[column] = clock.day(clock.end_day - 365 * 11 - ri(rng, 0, 300))
    elif kind == "clear_if":
        other, wanted = arg  # type: ignore[misc]
        if not value or not row.get(other) or (wanted != "*" and row[other] != wanted):
            return False
        row[column] = ""
    elif kind == "future":
        if not value:
            return False
        row[column] = clock.ts(clock.export_min + 1440 * ri(rng, 3, 60))
    elif kind == "before":
        start = row.get(str(arg), "")
        if not value or len(start) < 10:
            return False
        row[column] = (date.fromisoformat(start[:10]) - timedelta(days=ri(rng, 2, 40))).isoformat()
    else:  # pragma: no cover - a typo in MUTATIONS
        raise ValueError(kind)
    return True


# Mutations that draw nothing: the new value from the old one and the argument.
_FIXED: dict[str, Callable[[str, object], str]] = {
    "set": lambda value, arg: str(arg),
    "clear": lambda value, arg: "",
    "bad_uuid": lambda value, arg: (value[:-1] + "g") if value else "not-a-uuid",
    "bad_email": lambda value, arg: value.replace("@", " at ") if "@" in value else "no-email",
}
