"""A Buddy match and the rows that hang on it: informal events, check-ins (mood drifting
up for most matches), feedback from each side, skill sessions, and the match row itself,
each in the export CSV, its webhook, or both; matches made before the older JSON export
are in it too, as they were then.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from csr_analytics.generate.context import Context
from csr_analytics.generate.draws import choose, pick, ri, uuid4, weighted
from csr_analytics.generate.invalid import INVALID_RATE_KEYS, MALFORMED_RATE
from csr_analytics.generate.people import Person
from csr_analytics.generate.vocabulary import CITIES

EVENT_TYPES = weighted((
    ("hangout", 30), ("activity", 20), ("video_call", 20), ("call", 15), ("workshop", 10),
    ("museum visit", 3), ("cooking together", 2),
))  # fmt: skip
EVENT_DESCRIPTIONS = (
    "Coffee and a walk in the park", "Visited the city library together",
    "Practised a job interview", "Helped with a form from the job centre",
    "Went to a football match", "Cooked dinner together", "Video call about school options",
    "Explored the old town", "Board games evening", "Talked about housing options",
)  # fmt: skip
MALFORMED_EVENT_DESCRIPTION = "Dinner, then a walk by the river"
MALFORMED_FEEDBACK_TEXT = "Kind, patient and always on time"
MOODS = ("difficult", "struggling", "okay", "good", "great")  # rank 1..5
CHECKIN_NOTES = (
    "Met for coffee, talked about the week", "Struggling with paperwork, we made a plan",
    "Good progress with the language course", "Kids started school, lots to organise",
    "Had an interview, waiting for the answer", "Quiet week, short call only",
)  # fmt: skip
FEEDBACK_TEXTS = (
    "Very helpful and patient", "We get along well", "Hard to find time to meet",
    "Learned a lot about the city", "Would recommend the program", "Communication could be better",
)  # fmt: skip
SKILLS = (
    (1, "English conversation", "language"), (2, "German basics", "language"),
    (3, "CV writing", "career"), (4, "Interview practice", "career"),
    (5, "Excel basics", "tech"), (6, "Python for beginners", "tech"),
    (7, "Public speaking", "personal_development"), (8, "Project planning", "professional"),
    (9, "Bookkeeping basics", "professional"), (10, "Cooking local dishes", ""),
)  # fmt: skip
PROGRESS = ("no-progress", "some-progress", "some-progress", "good-progress", "good-progress",
            "excellent-progress")  # fmt: skip


@dataclass(slots=True)
class Match:
    """A participant's match with a buddy; ``export_status`` may lag behind ``status``."""

    match_id: str
    participant: Person
    buddy: Person
    participant_id: str
    buddy_id: str
    matched: int
    ended: int | None
    status: str
    end_reason: str
    export_status: str


def match_rows(ctx: Context, m: Match) -> None:
    """Everything of one match, in the order its draws are made."""
    end = m.ended if m.ended is not None else ctx.clock.export_min - 60
    span_days = max(1, (end - m.matched) // 1440)
    events = _events(ctx, m, end, span_days)
    checkins = _checkins(ctx, m, end)
    for role, prob in (("participant", 0.6), ("buddy", 0.45)):
        if ctx.rng.random() >= prob or span_days < 20:
            continue
        _feedback(ctx, m, role, ctx.tick(m.matched + 1440 * 14, end))
    skill_count = 0
    if ctx.rng.random() < 0.4:
        for _ in range(ri(ctx.rng, 1, 4)):
            at = ctx.tick(m.matched, end)
            reverse = ctx.rng.random() < 0.15
            _skill_session(ctx, m, at, reverse)
            skill_count += 1
    _match(ctx, m, skill_count + checkins // 2, events)


# ---------------------------------------------------------------- events


def _events(ctx: Context, m: Match, end: int, span_days: int) -> int:
    """The match's informal events; returns how many there were."""
    rng = ctx.rng
    events = [
        _event(ctx, m, ctx.tick(m.matched, end))
        for _ in range(min(15, ri(rng, 0, max(1, span_days // 18))))
    ]
    for at, row in sorted(events, key=lambda e: e[0]):
        in_export, hooked = ctx.export_and_hook(at)
        if hooked:
            ctx.hook(at + 30, "buddy.event.logged", _event_data(ctx, m, at, row))
        if in_export:
            if ctx.need_malformed or rng.random() < MALFORMED_RATE:
                ctx.need_malformed = False
                _malformed(ctx, "buddy_events", row, attendees="",
                           description=MALFORMED_EVENT_DESCRIPTION)  # fmt: skip
                continue
            ctx.emit("buddy_events", row)
    return len(events)


def _event(ctx: Context, m: Match, at: int) -> tuple[int, dict[str, str]]:
    rng = ctx.rng
    return at, {
        "event_id": uuid4(rng),
        "match_id": m.match_id,
        "event_type": choose(rng, EVENT_TYPES),
        "event_date": ctx.clock.ts(at, 4 if rng.random() < 0.4 else 0),
        "description": pick(rng, EVENT_DESCRIPTIONS),
        "location": pick(rng, CITIES) if rng.random() < 0.7 else "",
        "attendees": f'["{m.participant_id}", "{m.buddy_id}"]',
    }


def _event_data(ctx: Context, m: Match, at: int, row: dict[str, str]) -> dict:
    return {
        "eventId": row["event_id"],
        "matchId": row["match_id"],
        "eventType": row["event_type"],
        "eventDate": ctx.clock.ts(at),
        "description": row["description"],
        "location": row["location"] or None,
        "attendees": [m.participant_id, m.buddy_id],
    }


def _malformed(ctx: Context, table: str, row: dict[str, str], **replaced: str) -> None:
    """The row as one line with unquoted commas in it: a wrong number of fields."""
    out = ctx.files.csv[table]
    values = {**row, **replaced}
    out.raw(",".join(values.get(column, "") for column in out.columns))


# ---------------------------------------------------------------- check-ins


def _checkins(ctx: Context, m: Match, end: int) -> int:
    """Check-ins every 10-28 days, the mood drifting; returns how many there were."""
    rng = ctx.rng
    mood = ri(rng, 1, 3)
    at = m.matched + 1440 * ri(rng, 7, 21)
    checkins = 0
    while at < end:
        at = ctx.tick(at, at + 1440)
        mood = max(1, min(5, mood + pick(rng, (-1, 0, 0, 1, 1))))
        row = _checkin(ctx, m, at, mood)
        checkins += 1
        in_export, hooked = ctx.export_and_hook(at)
        if hooked:
            _checkin_hook(ctx, m, at, mood, row)
        if in_export:
            ctx.emit("buddy_checkins", row)
        at += 1440 * ri(rng, 10, 28)
    return checkins


def _checkin(ctx: Context, m: Match, at: int, mood: int) -> dict[str, str]:
    rng = ctx.rng
    return {
        "checkin_id": uuid4(rng),
        "match_id": m.match_id,
        "checkin_date": ctx.clock.ts(at, 4 if rng.random() < 0.2 else 0),
        "mood": MOODS[mood - 1] if rng.random() < 0.9 else "",
        "notes": pick(rng, CHECKIN_NOTES) if rng.random() < 0.6 else "",
        "question_responses": (
            f'{{"met_this_week": {"true" if rng.random() < 0.7 else "false"}, '
            f'"hours_together": {ri(rng, 0, 4)}}}'
        ),
    }


def _checkin_hook(ctx: Context, m: Match, at: int, mood: int, row: dict[str, str]) -> None:
    hook_mood = row["mood"]
    if hook_mood and ctx.rng.random() < 0.02:
        hook_mood = MOODS[(mood % 5)]  # edited after the webhook: conflicting value
    ctx.hook(
        at + 5,
        "buddy.checkin.completed",
        {
            "checkinId": row["checkin_id"],
            "matchId": m.match_id,
            "checkinDate": ctx.clock.ts(at),
            "mood": hook_mood or None,
            "notes": row["notes"] or None,
            "questionResponses": json.loads(row["question_responses"]),
        },
    )


# ---------------------------------------------------------------- feedback


def _feedback(ctx: Context, m: Match, role: str, at: int) -> None:
    """One side's feedback on the match, submitted at ``at``."""
    rng = ctx.rng
    scores = [round(rng.uniform(0.4, 1.0), 2) for _ in range(4)]
    row = {
        "feedback_id": uuid4(rng),
        "match_id": m.match_id,
        "from_role": role,
        "rating": f"{scores[0]:.2f}",
        "feedback_text": pick(rng, FEEDBACK_TEXTS) if rng.random() < 0.7 else "",
        "communication": f"{scores[1]:.2f}",
        "helpfulness": f"{scores[2]:.2f}",
        "engagement": f"{scores[3]:.2f}" if rng.random() < 0.8 else "",
        "submitted_at": ctx.clock.ts(at),
    }
    in_export, hooked = ctx.export_and_hook(at)
    if hooked:
        ctx.hook(at + 2, "buddy.feedback.submitted", _feedback_data(ctx, m, at, row, scores))
    if in_export:
        if rng.random() < MALFORMED_RATE:
            _malformed(ctx, "buddy_feedback", row, feedback_text=MALFORMED_FEEDBACK_TEXT)
            return
        ctx.emit("buddy_feedback", row)


def _feedback_data(
    ctx: Context, m: Match, at: int, row: dict[str, str], scores: list[float]
) -> dict:
    categories = {"communication": scores[1], "helpfulness": scores[2]}
    if row["engagement"]:
        categories["engagement"] = scores[3]
    return {
        "feedbackId": row["feedback_id"],
        "matchId": m.match_id,
        "fromRole": row["from_role"],
        "rating": scores[0],
        "feedbackText": row["feedback_text"] or None,
        "submittedAt": ctx.clock.ts(at),
        "categories": categories,
    }


# ---------------------------------------------------------------- skill sessions


def _skill_session(ctx: Context, m: Match, at: int, reverse: bool) -> None:
    """A skill shared on the match (the buddy teaching, or the participant when reversed)."""
    row = _skill_row(ctx, m, at, reverse)
    in_export, hooked = ctx.export_and_hook(at)
    if hooked:
        ctx.hook(at + 10, "buddy.skill_share.completed", _skill_data(ctx, at, row))
    if in_export:
        ctx.emit("buddy_skill_sessions", row)


def _skill_row(ctx: Context, m: Match, at: int, reverse: bool) -> dict[str, str]:
    rng, c = ctx.rng, ctx.clock
    skill_id, skill_name, category = pick(rng, SKILLS)
    teacher, learner = (m.participant_id, m.buddy_id) if reverse else (m.buddy_id, m.participant_id)
    duration = pick(rng, (30, 45, 60, 60, 90, 120))
    progress = pick(rng, PROGRESS)
    scheduled = at - 1440 * ri(rng, 1, 10)
    return {
        "session_id": uuid4(rng),
        "skill_id": str(skill_id),
        "skill_name": skill_name,
        "skill_category": category,
        "teacher_id": teacher,
        "learner_id": learner,
        "match_id": m.match_id if rng.random() < 0.8 else "",
        "scheduled_at": c.ts(scheduled) if rng.random() < 0.7 else "",
        "completed_at": c.ts(at),
        "duration_minutes": str(duration) if rng.random() < 0.85 else "",
        "format": pick(rng, ("online", "in-person", "in-person")),
        "proficiency_level": pick(rng, ("beginner", "beginner", "intermediate", "advanced")),
        "teacher_rating": f"{rng.uniform(0.5, 1):.2f}" if rng.random() < 0.7 else "",
        "learner_rating": f"{rng.uniform(0.4, 1):.2f}" if rng.random() < 0.8 else "",
        "teacher_comment": "Motivated learner" if rng.random() < 0.3 else "",
        "learner_comment": "Clear and practical" if rng.random() < 0.3 else "",
        "learner_progress": progress if rng.random() < 0.8 else "",
        "sdg_goals": json.dumps([4, 8]) if category in ("career", "professional") else "[4]",
        "valuation_points": str(pick(rng, (10, 15, 20, 25, 30, 50))),
    }


def _optional_float(text: str) -> float | None:
    return float(text) if text else None


def _skill_data(ctx: Context, at: int, row: dict[str, str]) -> dict:
    feedback = None
    if row["teacher_rating"] or row["learner_rating"]:
        feedback = {
            "teacherRating": _optional_float(row["teacher_rating"]),
            "learnerRating": _optional_float(row["learner_rating"]),
            "teacherComment": row["teacher_comment"] or None,
            "learnerComment": row["learner_comment"] or None,
            "learnerProgress": row["learner_progress"] or None,
        }
    return {
        "sessionId": row["session_id"],
        "skillId": int(row["skill_id"]),
        "skillName": row["skill_name"],
        "skillCategory": row["skill_category"] or None,
        "teacherId": row["teacher_id"],
        "learnerId": row["learner_id"],
        "matchId": row["match_id"] or None,
        "completedAt": ctx.clock.ts(at),
        "scheduledAt": row["scheduled_at"] or None,
        "durationMinutes": int(row["duration_minutes"]) if row["duration_minutes"] else None,
        "format": row["format"],
        "proficiencyLevel": row["proficiency_level"],
        "feedback": feedback,
        "valuationPoints": int(row["valuation_points"]),
    }


# ---------------------------------------------------------------- the match row


def _match(ctx: Context, m: Match, sessions: int, events: int) -> None:
    """The match row: in the older JSON export (as it was then), the webhooks of its
    creation and end, and the export CSV."""
    row = _match_row(ctx, m, sessions, events)
    if m.matched < ctx.clock.older_export_min:
        older = dict(row, sessions_completed="", events_attended="")
        if m.ended is None or m.ended >= ctx.clock.older_export_min:
            older.update(status="active", ended_at="", end_reason="", duration_days="")
        ctx.files.json.row("matches", older)
    in_export = True
    if m.matched >= ctx.clock.webhook_from:
        in_export, hooked = ctx.export_and_hook(m.matched)
        if hooked:
            ctx.hook(m.matched, "buddy.match.created", _created_data(ctx, m))
        if not in_export and m.ended is not None:
            in_export = True  # keep the row when it also ends in the window
    if (
        m.ended is not None
        and m.ended >= ctx.clock.webhook_from
        and (m.export_status != "ended" or ctx.rng.random() < 0.9)
    ):
        ctx.hook(m.ended, "buddy.match.ended", _ended_data(ctx, m, m.ended, sessions, events))
    if in_export:
        ctx.emit("buddy_matches", row, INVALID_RATE_KEYS)


def _match_row(ctx: Context, m: Match, sessions: int, events: int) -> dict[str, str]:
    rng, c = ctx.rng, ctx.clock
    row = {
        "match_id": m.match_id,
        "participant_id": m.participant_id,
        "buddy_id": m.buddy_id,
        "matched_at": c.ts(m.matched, 1 if rng.random() < 0.1 else 0),
        "status": m.export_status,
        "ended_at": "",
        "end_reason": "",
        "duration_days": "",
        "sessions_completed": str(sessions),
        "events_attended": str(events),
    }
    if m.export_status == "ended" and m.ended is not None:
        days = (m.ended - m.matched) // 1440
        if rng.random() < 0.01:
            days += 1  # exported length disagrees with the dates: a warning
        style = 1 if rng.random() < 0.1 else 0
        row.update(
            matched_at=c.ts(m.matched, style),
            ended_at=c.ts(m.ended, style),
            end_reason=m.end_reason,
            duration_days=str(days),
        )
    return row


def _created_data(ctx: Context, m: Match) -> dict:
    return {
        "matchId": m.match_id,
        "participantId": m.participant_id,
        "buddyId": m.buddy_id,
        "matchedAt": ctx.clock.ts(m.matched),
    }


def _ended_data(ctx: Context, m: Match, ended: int, sessions: int, events: int) -> dict:
    return {
        "matchId": m.match_id,
        "participantId": m.participant_id,
        "buddyId": m.buddy_id,
        "endedAt": ctx.clock.ts(ended),
        "duration": (ended - m.matched) // 1440,
        "reason": m.end_reason,
        "reasonDetails": None,
        "sessionsCompleted": sessions,
        "eventsAttended": events,
    }
