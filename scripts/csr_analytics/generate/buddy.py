"""The Buddy program: accounts, matches and users, then everything per match and account.

Participants are matched with volunteer buddies (some twice, one after the other);
matches end with every ``end_reason`` or stay active or ``inactive``. Some people have a
second account under the same email, some left (every match of theirs ended), and some
changed their email since the older JSON export. The rows of each match are
``buddy_match``'s; formal-event attendance and milestones per account are
``buddy_account``'s.
"""

from __future__ import annotations

import json

from csr_analytics.generate.buddy_account import Accounts, account_rows
from csr_analytics.generate.buddy_match import Match, match_rows
from csr_analytics.generate.context import Context
from csr_analytics.generate.draws import choose, pick, ri, slug, uuid4, weighted
from csr_analytics.generate.invalid import INVALID_RATE_KEYS
from csr_analytics.generate.people import Person
from csr_analytics.generate.vocabulary import (
    CITIES,
    INTERESTS,
    PARTICIPANT_LANGS,
    VOLUNTEER_LANGS,
)

END_REASONS = weighted((
    ("completed", 40), ("participant_request", 12), ("buddy_request", 10),
    ("mutual_agreement", 10), ("inactivity", 14), ("violation", 2), ("program_ended", 8),
    ("other", 4),
))  # fmt: skip


def buddy(ctx: Context, people: list[Person]) -> None:
    """Every Buddy row of the block's people."""
    members = [p for p in people if "buddy" in p.programs]
    if not members:
        return
    accounts = _first_accounts(ctx, members)
    matches = _matches(ctx, members, accounts)
    _second_accounts(ctx, members, accounts)
    _who_left(ctx, members, matches, accounts)
    changed_email = _changed_emails(ctx, members, accounts)
    _users(ctx, members, accounts, changed_email)
    for m in matches:
        match_rows(ctx, m)
    account_rows(ctx, members, matches, accounts)


def _first_accounts(ctx: Context, members: list[Person]) -> Accounts:
    accounts = Accounts()
    for p in members:
        account = uuid4(ctx.rng)
        p.buddy_ids.append(account)
        accounts.joined[account] = ctx.tick(0, (ctx.clock.end_day - 14) * 1440)
        accounts.roles[account] = "buddy" if p.volunteer else "participant"
        p.first_activity = min(p.first_activity, accounts.joined[account])
    return accounts


def _matches(ctx: Context, members: list[Person], accounts: Accounts) -> list[Match]:
    """Most participants get a buddy; ~12 % a second one after the first match ended."""
    rng, last_start = ctx.rng, (ctx.clock.end_day - 7) * 1440
    volunteers = [p for p in members if p.volunteer]
    matches: list[Match] = []
    for p in members:
        if p.volunteer or not volunteers or rng.random() < 0.08:
            continue
        pid = p.buddy_ids[0]
        start = accounts.joined[pid] + 1440 * ri(rng, 3, 40)
        for _ in range(2 if rng.random() < 0.12 else 1):
            if start > last_start:
                break
            v = pick(rng, volunteers)
            bid = v.buddy_ids[0]
            start = max(start, accounts.joined[bid] + 1440)
            if start > last_start:
                break
            m = _match(ctx, p, v, pid, bid, start)
            matches.append(m)
            if m.ended is None:
                break
            start = m.ended + 1440 * ri(rng, 10, 60)
    return matches


def _match(ctx: Context, p: Person, v: Person, pid: str, bid: str, start: int) -> Match:
    rng, c = ctx.rng, ctx.clock
    matched = ctx.tick(start, start + 1440 * 5)
    duration = ri(rng, 20, 330)
    ended: int | None = None
    status = "active"
    reason = ""
    if matched + duration * 1440 < c.export_min - 1440 and rng.random() < 0.8:
        day_minute = matched % 1440
        ended = matched + duration * 1440 + ri(rng, 0, 1439 - day_minute)
        status = "ended"
        reason = choose(rng, END_REASONS)
    elif rng.random() < 0.2:
        status = "inactive"
    export_status = status
    if ended is not None and ended >= c.webhook_from and rng.random() < 0.05:
        export_status = "active"  # the export lags behind the webhook: conflicting status
    p.first_activity = min(p.first_activity, matched)
    v.first_activity = min(v.first_activity, matched)
    return Match(uuid4(rng), p, v, pid, bid, matched, ended, status, reason, export_status)


def _second_accounts(ctx: Context, members: list[Person], accounts: Accounts) -> None:
    """One person, two accounts, one email (~0.7 %), a few with the other role."""
    rng = ctx.rng
    for p in members:
        if rng.random() < 0.007:
            account = uuid4(rng)
            accounts.joined[account] = ctx.tick(
                accounts.joined[p.buddy_ids[0]], ctx.clock.export_min - 1440
            )
            flip = rng.random() < 0.3
            accounts.roles[account] = (
                ("participant" if p.volunteer else "buddy")
                if flip
                else ("buddy" if p.volunteer else "participant")
            )
            p.buddy_ids.append(account)


def _who_left(
    ctx: Context, members: list[Person], matches: list[Match], accounts: Accounts
) -> None:
    """~6 % of the accounts with no open match left, some days after their last one."""
    last_end: dict[str, int] = {}
    open_accounts: set[str] = set()
    for m in matches:
        for account in (m.participant_id, m.buddy_id):
            if m.ended is None:
                open_accounts.add(account)
            else:
                last_end[account] = max(last_end.get(account, 0), m.ended)
    for p in members:
        account = p.buddy_ids[0]
        if account not in open_accounts and ctx.rng.random() < 0.06:
            joined = accounts.joined[account]
            at = max(last_end.get(account, 0), joined) + 1440 * ri(ctx.rng, 5, 90)
            if at < ctx.clock.export_min - 1440:
                accounts.left[account] = at


def _changed_emails(ctx: Context, members: list[Person], accounts: Accounts) -> dict[str, str]:
    """Accounts whose email changed since the older JSON export (a personal address then)."""
    return {
        p.buddy_ids[0]: f"{slug(p.first)}{slug(p.last)}.{p.idx + 1}@"
        + ("example.org" if p.volunteer else "example.com")
        for p in members
        if accounts.joined[p.buddy_ids[0]] < ctx.clock.older_export_min and ctx.rng.random() < 0.01
    }


def _users(
    ctx: Context, members: list[Person], accounts: Accounts, changed_email: dict[str, str]
) -> None:
    """The users CSV, and the older JSON export's users with the email and left_at of
    its time."""
    older_export = ctx.clock.older_export_min
    for p in members:
        for n, account in enumerate(p.buddy_ids):
            joined, left = accounts.joined[account], accounts.left.get(account)
            row = _user(ctx, p, account, accounts.roles[account], joined, left, n)
            if joined < older_export:
                older = dict(row, email=changed_email.get(account, row["email"]))
                if not (left and left < older_export):
                    older["left_at"] = ""
                ctx.files.json.row("users", older)
            if ctx.rng.random() < 0.01:
                row["id"] = account.upper()  # UUIDs are compared lower-cased
            ctx.emit("buddy_users", row, INVALID_RATE_KEYS)


def _user(
    ctx: Context, p: Person, account: str, role: str, joined: int, left: int | None, n: int
) -> dict[str, str]:
    rng, c = ctx.rng, ctx.clock
    address = p.email
    if n and rng.random() < 0.5:
        address = address.capitalize()
    interests = rng.sample(INTERESTS, ri(rng, 0, 3))
    return {
        "id": account,
        "email": address,
        "first_name": p.first,
        "last_name": p.last,
        "role": role,
        "joined_at": c.ts(joined),
        "language_preference": pick(rng, VOLUNTEER_LANGS if p.volunteer else PARTICIPANT_LANGS),
        "interests": json.dumps(interests) if interests else "",
        "location": pick(rng, CITIES),
        "left_at": c.ts(left) if left else "",
    }
