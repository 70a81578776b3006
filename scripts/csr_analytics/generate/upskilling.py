"""The upskilling program: courses with a status history (enrolled, in progress, then
completed, dropped or still open), a completions-only export (always for itslearning,
which often reports completions only) and the credentials issued for completed courses.
"""

from __future__ import annotations

from csr_analytics.generate.context import Context
from csr_analytics.generate.draws import pick, ri
from csr_analytics.generate.people import Person

COURSES = (
    ("ecornell", "ECN-HR101", "Human Resources Essentials"),
    ("ecornell", "ECN-PM200", "Project Management Foundations"),
    ("ecornell", "ECN-DA110", "Data Analytics Essentials"),
    ("ecornell", "ECN-LD300", "Leadership Principles"),
    ("itslearning", "ITL-NOR-A2", "Norwegian A2 for Work"),
    ("itslearning", "ITL-IT-BAS", "IT Basics"),
    ("itslearning", "ITL-CARE-1", "Healthcare Assistant Foundations"),
    ("generic", "GEN-EXCEL", "Excel for the Workplace"),
    ("generic", "GEN-CV", "Writing a Winning CV"),
)  # fmt: skip
CREDENTIAL_TYPES = {"ecornell": "certificate", "itslearning": "badge"}
OTHER_CREDENTIAL_TYPES = ("certificate", "transcript", "diploma")

Row = dict[str, str]


def upskilling(ctx: Context, people: list[Person]) -> None:
    """One to three courses for each of the block's upskilling participants."""
    rng = ctx.rng
    for p in people:
        if "upskilling" not in p.programs:
            continue
        r = rng.random()
        for course in rng.sample(COURSES, 1 if r < 0.65 else (2 if r < 0.9 else 3)):
            _course(ctx, p, course)


def _course(ctx: Context, p: Person, course: tuple[str, str, str]) -> None:
    """One course: its status history, and its completion and credential if completed."""
    rng, c = ctx.rng, ctx.clock
    provider, course_id, course_name = course
    start = ctx.tick(0, (c.end_day - 5) * 1440)
    p.first_activity = min(p.first_activity, start)
    limit = c.export_min - 60
    base = {"user_email": p.email, "provider": provider, "course_id": course_id,
            "course_name": course_name}  # fmt: skip
    started = c.ts(start, 4 if rng.random() < 0.5 else 0)
    history, at, progress = _progress(ctx, base, start, started, limit)
    outcome = rng.random()
    at += 1440 * ri(rng, 7, 40)
    completed = False
    if at < limit and outcome < 0.55:
        completed = True
        history.append(_completed(ctx, p, base, started, at, limit))
    elif at < limit and outcome < 0.75:
        history.append(dict(base, status="dropped", progress_percent=str(progress),
                            started_at=started, updated_at=c.ts(at)))  # fmt: skip
    if provider == "itslearning" and completed and rng.random() < 0.5:
        return  # itslearning often reports completions only
    for row in history:
        ctx.emit("upskilling_course_progress", row)


def _progress(
    ctx: Context, base: Row, start: int, started: str, limit: int
) -> tuple[list[Row], int, int]:
    """Enrolled, then up to three in-progress updates; the history, its last time and
    the progress reached."""
    rng, c = ctx.rng, ctx.clock
    history = [dict(base, status="enrolled", progress_percent="0", started_at=started,
                    updated_at=c.ts(start))]  # fmt: skip
    at, progress = start, 0
    for _ in range(ri(rng, 0, 3)):
        at += 1440 * ri(rng, 7, 30) + ri(rng, 0, 600)
        if at >= limit:
            break
        progress = min(95, progress + ri(rng, 10, 40))
        history.append(dict(base, status="in_progress", progress_percent=str(progress),
                            started_at=started, updated_at=c.ts(at)))  # fmt: skip
    return history, at, progress


def _completed(ctx: Context, p: Person, base: Row, started: str, at: int, limit: int) -> Row:
    """The completed status row; writes the completion and the credential rows."""
    rng, c = ctx.rng, ctx.clock
    score = ri(rng, 60, 100)
    credential = f"CRED-{rng.getrandbits(40):010X}" if rng.random() < 0.7 else ""
    row = dict(base, status="completed", progress_percent="100", started_at=started,
               completed_at=c.ts(at), updated_at=c.ts(at), final_score=str(score),
               credential_ref=credential)  # fmt: skip
    if base["provider"] == "itslearning" or rng.random() < 0.2:
        completion = dict(base, completed_at=c.ts(at, 4 if rng.random() < 0.3 else 0),
                          final_score=str(score), credential_ref=credential)  # fmt: skip
        ctx.emit("upskilling_course_completions", completion)
    if credential:
        _credential(ctx, p, base, credential, min(limit, at + 1440 * ri(rng, 0, 5)))
    return row


def _credential(ctx: Context, p: Person, base: Row, credential: str, issued: int) -> None:
    rng, c = ctx.rng, ctx.clock
    expires = issued + 1440 * 365 * pick(rng, (2, 3)) if rng.random() < 0.4 else None
    provider = base["provider"]
    row = {
        "credential_id": credential,
        "user_email": p.email,
        "provider": provider,
        "course_id": base["course_id"],
        "course_name": base["course_name"],
        "credential_type": CREDENTIAL_TYPES.get(provider, pick(rng, OTHER_CREDENTIAL_TYPES)),
        "issued_at": c.ts(issued),
        "expires_at": c.ts(expires, 4) if expires else "",
        "credential_url": f"https://credentials.example.com/v/{credential.lower()}",
        "verification_code": f"{rng.getrandbits(32):08X}",
    }
    ctx.emit("upskilling_credentials", row)
