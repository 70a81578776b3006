"""The CSR platform's own files: companies with their investments per program and quarter
(cash, in kind, management; some grants spanning three quarters) and hour costs (for
~60 % of them), drawn once from the seed; and, per block, which company each volunteer
works for (~7 % none, some changing company, a few with overlapping memberships).
"""

from __future__ import annotations

from datetime import date, timedelta

from csr_analytics.generate.context import Context
from csr_analytics.generate.draws import pick, ri
from csr_analytics.generate.people import Person
from csr_analytics.generate.vocabulary import PROGRAMS

PEOPLE_PER_COMPANY = 200
COMPANY_A = (
    "Northwind", "Bluefjord", "Alder", "Kestrel", "Lumen", "Granite", "Harbor", "Silverline",
    "Meridian", "Oakridge", "Polaris", "Redwood", "Sundial", "Tidewater", "Vantage", "Willow",
)  # fmt: skip
COMPANY_B = (
    "Logistics", "Energy", "Analytics", "Health", "Software", "Foods", "Bank", "Insurance",
    "Engineering", "Retail", "Media", "Pharma",
)  # fmt: skip
INDUSTRIES = {
    "Logistics": "Transportation", "Energy": "Utilities", "Analytics": "Technology",
    "Health": "Healthcare", "Software": "Technology", "Foods": "Consumer goods",
    "Bank": "Financial services", "Insurance": "Financial services",
    "Engineering": "Industrials", "Retail": "Retail", "Media": "Media", "Pharma": "Healthcare",
}  # fmt: skip
LEGAL_SUFFIXES = (" Inc.", " AB", " GmbH", " Ltd", "")
COUNTRIES = ("US", "US", "GB", "DE", "SE", "NO", "PL", "NL", "DK")
IN_KIND_NOTES = ("Laptops", "Meeting rooms", "Catering")
GRANT_NOTE = "Annual grant, paid in three instalments"

Quarter = tuple[date, date]  # first and last day


def companies(ctx: Context, people: int) -> None:
    """One company per 200 people (at least 3), with investments and hour costs; drawn
    from ``ctx.rng`` before any person."""
    count = max(3, people // PEOPLE_PER_COMPANY)
    for i in range(count):
        _company(ctx, i)
    quarters = _quarters(ctx.clock.start, ctx.clock.as_of)
    for company_id, _ in ctx.companies:
        programs = [p for p in PROGRAMS if ctx.rng.random() < 0.6] or [pick(ctx.rng, PROGRAMS)]
        scale = pick(ctx.rng, (1, 1, 2, 3, 5))
        for program in programs:
            _investments(ctx, company_id, program, scale, quarters)
        if ctx.rng.random() < 0.6:
            _hour_costs(ctx, company_id)


def _company(ctx: Context, i: int) -> None:
    a, b = COMPANY_A[i % len(COMPANY_A)], COMPANY_B[(i // len(COMPANY_A)) % len(COMPANY_B)]
    series = i // (len(COMPANY_A) * len(COMPANY_B))
    name = f"{a} {b}" + (f" {series + 1}" if series else "")
    company_id = f"co-{i + 1:05d}"
    ctx.companies.append((company_id, name))
    ctx.files.csv["platform_companies"].row(
        {
            "company_id": company_id,
            "company_name": name + pick(ctx.rng, LEGAL_SUFFIXES),
            "industry": INDUSTRIES[b],
            "country": pick(ctx.rng, COUNTRIES),
        }
    )


def _quarters(start: date, end: date) -> list[Quarter]:
    """The calendar quarters from the one holding ``start`` to the one holding ``end``."""
    quarters = []
    q = date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    while q <= end:
        nxt = date(q.year + (q.month == 10), (q.month + 2) % 12 + 1, 1)
        quarters.append((q, nxt - timedelta(days=1)))
        q = nxt
    return quarters


def _investments(
    ctx: Context, company_id: str, program: str, scale: int, quarters: list[Quarter]
) -> None:
    """Per quarter: cash (80 %), in kind (30 %), management (50 %); or, from 12 % of the
    quarters, a grant for the next three."""
    rng = ctx.rng
    qi = 0
    while qi < len(quarters):
        q_start, q_end = quarters[qi]
        if rng.random() < 0.12 and qi + 2 < len(quarters):
            amount = 100 * ri(rng, 60, 300) * scale
            _investment(ctx, company_id, program, "cash", amount,
                        (q_start, quarters[qi + 2][1]), GRANT_NOTE)  # fmt: skip
            qi += 3
            continue
        if rng.random() < 0.8:
            amount = 100 * ri(rng, 20, 120) * scale
            _investment(ctx, company_id, program, "cash", amount, quarters[qi], "")
        if rng.random() < 0.3:
            amount = 100 * ri(rng, 5, 40) * scale
            note = pick(rng, IN_KIND_NOTES)
            _investment(ctx, company_id, program, "in_kind", amount, quarters[qi], note)
        if rng.random() < 0.5:
            amount = 100 * ri(rng, 5, 30)
            _investment(ctx, company_id, program, "management", amount, quarters[qi],
                        "Program coordination")  # fmt: skip
        qi += 1


def _investment(
    ctx: Context,
    company_id: str,
    program: str,
    input_type: str,
    amount: int,
    period: Quarter,
    note: str,
) -> None:
    row = {
        "company_id": company_id,
        "program_type": program,
        "input_type": input_type,
        "amount": f"{amount}.00",
        "currency": "USD",
        "period_start": period[0].isoformat(),
        "period_end": period[1].isoformat(),
        "note": note,
    }
    ctx.emit("platform_program_investments", row)


def _hour_costs(ctx: Context, company_id: str) -> None:
    """The hour cost of the history's first year, and 4 % more from the next one on."""
    cost = ri(ctx.rng, 3500, 9200) / 100
    year = ctx.clock.start.year
    rows = [(date(year, 1, 1), date(year, 12, 31), cost)]
    rows.append((date(year + 1, 1, 1), None, round(cost * 1.04, 2)))
    for valid_from, valid_to, hourly in rows:
        row = {
            "company_id": company_id,
            "hourly_cost": f"{hourly:.2f}",
            "currency": "USD",
            "valid_from": valid_from.isoformat(),
            "valid_to": valid_to.isoformat() if valid_to else "",
        }
        ctx.emit("platform_employee_hour_costs", row)


def memberships(ctx: Context, people: list[Person]) -> None:
    """The company_users rows of the block's volunteers."""
    rng, c = ctx.rng, ctx.clock
    for p in people:
        if not p.volunteer or rng.random() < 0.07:
            continue
        company = pick(rng, ctx.companies)[0]
        p.company = company
        joined = -1440 * ri(rng, 30, 365 * 6)
        email = ctx.email_variant(p.email)
        r = rng.random()
        if r < 0.06 and p.first_activity < c.export_min:
            rows = _company_change(ctx, p, company, joined)
        else:
            rows = [(company, joined, None)]
        for company_id, start, end in rows:
            row = {
                "company_id": company_id,
                "user_email": email,
                "joined_at": c.ts(start, 4),
                "left_at": c.ts(end, 4) if end is not None else "",
            }
            ctx.emit("platform_company_users", row)


def _company_change(
    ctx: Context, p: Person, company: str, joined: int
) -> list[tuple[str, int, int | None]]:
    """Two memberships: the first company until a day drawn after the person's first
    activity, then another one from that day (~15 % overlapping by ten days)."""
    rng, c = ctx.rng, ctx.clock
    change = ctx.tick(max(p.first_activity, 0) + 1440, c.export_min - 1440 * 2)
    change_day = change // 1440 * 1440
    second = pick(rng, ctx.companies)[0]
    if second == company:
        position = next(i for i, co in enumerate(ctx.companies) if co[0] == company)
        second = ctx.companies[(position + 1) % len(ctx.companies)][0]
    overlap = rng.random() < 0.15
    return [
        (company, joined, change_day + (1440 * 10 if overlap else 0)),
        (second, change_day, None),
    ]
