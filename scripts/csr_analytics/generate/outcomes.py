"""What happened to participants: employment outcomes (~12 % of those in Buddy,
mentorship or upskilling) and Q2Q outcome scores (~35 % of participants, one to four
measurements per dimension, the score trending from where it started).
"""

from __future__ import annotations

from csr_analytics.generate.context import Context
from csr_analytics.generate.draws import pick, ri
from csr_analytics.generate.people import Person

EMPLOYERS = (
    "City Hospital", "Nordic Logistics AB", "Café Central", "Municipal School Services",
    "TechStart GmbH", "Greenhouse Farms", "Hotel Aurora", "CleanCo Services",
)  # fmt: skip
EMPLOYMENT_SOURCES = ("participant_survey", "mentor_report", "hr_system")
EMPLOYMENT_PROGRAMS = ("buddy", "mentorship", "upskilling")


def outcomes(ctx: Context, people: list[Person]) -> None:
    """Employment outcomes and Q2Q scores of the block's participants who took part."""
    limit = ctx.clock.export_min - 60
    for p in people:
        if p.volunteer or p.first_activity >= limit:
            continue
        if any(x in p.programs for x in EMPLOYMENT_PROGRAMS) and ctx.rng.random() < 0.12:
            _employment(ctx, p, limit)
        if ctx.rng.random() >= 0.35:
            continue
        _scores(ctx, p, limit)


def _employment(ctx: Context, p: Person, limit: int) -> None:
    """Employed 30-330 days after the first activity, when that is before the export."""
    rng = ctx.rng
    at = ctx.tick(p.first_activity + 1440 * 30, p.first_activity + 1440 * 330)
    if at < limit:
        row = {
            "user_email": p.email,
            "employed_at": ctx.clock.ts(at, 4),
            "employer": pick(rng, EMPLOYERS),
            "source": pick(rng, EMPLOYMENT_SOURCES),
        }
        ctx.emit("platform_employment_outcomes", row)


def _dimensions(p: Person) -> list[str]:
    """The Q2Q dimensions the person's programs measure."""
    dims = ["well_being", "confidence"]
    if "language" in p.programs or "buddy" in p.programs:
        dims.append("lang_level_proxy")
    if "mentorship" in p.programs or "upskilling" in p.programs:
        dims.append("job_readiness")
    if "buddy" in p.programs:
        dims.append("belonging")
    return dims


def _text_type(p: Person) -> str:
    """Which texts the scores are derived from."""
    if "buddy" in p.programs:
        return "buddy_feedback"
    if "language" in p.programs or "mentorship" in p.programs:
        return "kintell_feedback"
    return "skill_feedback"


def _scores(ctx: Context, p: Person, limit: int) -> None:
    rng, c = ctx.rng, ctx.clock
    text_type = _text_type(p)
    times = sorted(ctx.tick(p.first_activity, limit) for _ in range(ri(rng, 1, 4)))
    for dim in _dimensions(p):
        score = rng.uniform(0.15, 0.65)
        trend = rng.uniform(-0.05, 0.12)
        for at in times:
            row = {
                "user_email": p.email,
                "dimension": dim,
                "score": f"{min(1.0, max(0.0, score)):.3f}",
                "measured_at": c.ts(at),
                "text_type": text_type if rng.random() < 0.8 else "checkin_note",
            }
            ctx.emit("q2q_outcome_scores", row)
            score += trend + rng.uniform(-0.05, 0.05)
