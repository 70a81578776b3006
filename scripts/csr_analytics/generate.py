"""Deterministic generator of synthetic export folders, at any scale.

``csr-generate --people N --seed S --out DIR [--as-of YYYY-MM-DD]`` writes an export
folder in the layout of the specification (``exports.md``) that ``csr-load`` accepts:

```
DIR/buddy/        users.csv matches.csv events.csv event_attendance.csv skill_sessions.csv
                  checkins.csv feedback.csv milestones.csv
                  buddy_export_<as_of - 91 days>.json    (older JSON export: users, matches)
                  webhooks/events_<YYYY-MM>.jsonl         (the last two calendar months)
DIR/kintell/      users.csv language-for-ukraine-<YYYY-MM>.csv mentors-for-ukraine-<YYYY-MM>.csv
                  kintell-sessions-<YYYY-MM>.csv          (older combined export)
DIR/upskilling/   course_progress_<as_of>.csv course-completions_<as_of>.csv
                  credentials_<as_of>.csv
DIR/platform/     companies.csv company_users.csv program_investments.csv
                  employee_hour_costs.csv employment_outcomes.csv
DIR/q2q/          outcome_scores_<as_of>.csv
```

What the data looks like (rates are per person or per row, drawn from the seed):

- People: 40 % volunteers (employees of N/200 companies, some changing company, a few
  with overlapping memberships, ~7 % with no company), 60 % participants (newcomers).
  Programs: ~45 % Buddy, ~30 % language, ~20 % mentorship, ~25 % upskilling; most people
  are in one program, ~15 % in two, a few in three. In Buddy, language and mentorship
  about half of the people are participants and half volunteers.
- Buddy: matches with every ``end_reason``, active and ``inactive`` (paused) ones;
  informal events, formal-event attendance, skill sessions, check-ins, feedback and
  milestones per match and user; users who left; people with two accounts sharing an
  email; accounts whose email changed since the older JSON export (which shows matches
  that ended later as still active, so superseded rows exist).
- Webhooks for the last two months overlap the export: most webhook events are also in
  the export, a few only in webhooks (and some export rows have no webhook); ~5 % of
  envelopes are delivered twice (in one file or in the next); a few ended matches still
  show ``active`` in the export; a few envelopes of an unknown type, a few lines that
  are not JSON.
- Kintell: pairs with 1-20 sessions (some not held, some scheduled after the export,
  ratings 1-5 with decimals, CEFR levels rising for some learners), emails with case or
  whitespace variants; the per-program files cover the last 180 days, the older combined
  export everything up to its date (the overlap is the same session in both formats).
  The language and mentorship files use ``,`` and ``;`` (which one gets which depends
  on the seed).
- Upskilling: status histories (enrolled → in_progress → completed / dropped / still
  open), a completions-only export, credentials.
- Platform: investments per company, program and quarter (cash, in_kind, management;
  some grants spanning three quarters), hour costs for ~60 % of companies, employment
  outcomes and Q2Q scores for some participants.
- ~1 % invalid rows of varied kinds (bad UUIDs, enums, ranges, ``yesterday``, future
  timestamps, ``4,5`` in Kintell, unsupported currencies, orphans, ...) and a few
  malformed lines (a wrong field count, a webhook line that is not JSON). No file is
  rejected as a whole: every CSV has its required columns and a correct
  ``# Total Records``.

Determinism: the same arguments give byte-identical files. Every draw comes from
``random.Random`` instances seeded from ``--seed`` (one per block of people); nothing
reads the clock or iterates over a hash-ordered set.

Scale: people are generated in blocks of 2,000 and every row is streamed to its file, so
memory stays bounded; a CSV body is written to ``<file>.part`` and copied behind its
metadata lines once its record count is known.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import random
import shutil
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

BLOCK_SIZE = 2000
HISTORY_DAYS = 540  # the generated history ends on as_of and starts this many days before
KINTELL_FILE_DAYS = 180  # the per-program Kintell files cover the last 180 days
OLDER_EXPORT_DAYS = 91  # the older exports (Buddy JSON, Kintell combined) are this much older
EXPORT_MINUTE = 120  # exports are taken at 02:00 UTC
INVALID_RATE = 0.01  # share of rows broken on purpose (leaf tables)
INVALID_RATE_KEYS = 0.002  # users and matches: a broken one also orphans its dependents
MALFORMED_RATE = 0.00005  # lines with a wrong field count / not JSON

PROGRAMS = ("buddy", "language", "mentorship", "upskilling")

HEADERS: dict[str, tuple[str, ...]] = {
    "users": (
        "id", "email", "first_name", "last_name", "role", "joined_at",
        "language_preference", "interests", "location", "left_at",
    ),
    "matches": (
        "match_id", "participant_id", "buddy_id", "matched_at", "status", "ended_at",
        "end_reason", "duration_days", "sessions_completed", "events_attended",
    ),
    "events": (
        "event_id", "match_id", "event_type", "event_date", "description", "location",
        "attendees",
    ),
    "event_attendance": (
        "event_id", "user_id", "event_title", "event_type", "event_format", "attended_at",
        "match_id", "location", "duration_minutes", "attendee_count", "organizer",
        "categories", "sdg_goals",
    ),
    "skill_sessions": (
        "session_id", "skill_id", "skill_name", "skill_category", "teacher_id", "learner_id",
        "match_id", "scheduled_at", "completed_at", "duration_minutes", "format",
        "proficiency_level", "teacher_rating", "learner_rating", "teacher_comment",
        "learner_comment", "learner_progress", "sdg_goals", "valuation_points",
    ),
    "checkins": (
        "checkin_id", "match_id", "checkin_date", "mood", "notes", "question_responses",
    ),
    "feedback": (
        "feedback_id", "match_id", "from_role", "rating", "feedback_text", "communication",
        "helpfulness", "engagement", "submitted_at",
    ),
    "milestones": (
        "milestone_id", "user_id", "milestone_title", "milestone_category", "reached_at",
        "points", "badge_icon", "target_role", "progress", "metadata",
    ),
    "kintell_users": (
        "Email", "Name", "Linkedin_URL", "Verification_status", "Role when joined",
        "grant_access", "Joined_kg_at",
    ),
    "language": (
        "session_id", "participant_email", "volunteer_email", "scheduled_at", "completed_at",
        "duration_minutes", "rating", "feedback_text", "language_level", "topics", "metadata",
    ),
    "mentorship": (
        "session_id", "participant_email", "mentor_email", "scheduled_at", "completed_at",
        "duration_minutes", "rating", "feedback_text", "focus_area", "goals_discussed",
        "metadata",
    ),
    "kintell_sessions": (
        "session_id", "session_type", "participant_email", "volunteer_email", "date",
        "duration_min", "rating", "feedback_text", "language_level",
    ),
    "course_progress": (
        "user_email", "provider", "course_id", "course_name", "status", "progress_percent",
        "started_at", "completed_at", "updated_at", "final_score", "credential_ref",
    ),
    "course_completions": (
        "user_email", "provider", "course_id", "course_name", "completed_at", "final_score",
        "credential_ref",
    ),
    "credentials": (
        "credential_id", "user_email", "provider", "course_id", "course_name",
        "credential_type", "issued_at", "expires_at", "credential_url", "verification_code",
    ),
    "companies": ("company_id", "company_name", "industry", "country"),
    "company_users": ("company_id", "user_email", "joined_at", "left_at"),
    "program_investments": (
        "company_id", "program_type", "input_type", "amount", "currency", "period_start",
        "period_end", "note",
    ),
    "employee_hour_costs": ("company_id", "hourly_cost", "currency", "valid_from", "valid_to"),
    "employment_outcomes": ("user_email", "employed_at", "employer", "source"),
    "outcome_scores": ("user_email", "dimension", "score", "measured_at", "text_type"),
}  # fmt: skip

JSON_COLUMNS = frozenset(("interests", "attendees", "categories", "sdg_goals", "progress",
                          "metadata", "question_responses"))  # fmt: skip
INTEGER_COLUMNS = frozenset(("duration_days", "sessions_completed", "events_attended",
                             "duration_minutes", "attendee_count", "skill_id", "points",
                             "milestone_id", "valuation_points"))  # fmt: skip

BUDDY_ENTITIES = (
    "users", "matches", "events", "event_attendance", "skill_sessions", "checkins",
    "feedback", "milestones",
)  # fmt: skip

# --------------------------------------------------------------------------- vocabulary

PARTICIPANT_FIRST = (
    "Olena", "Oksana", "Iryna", "Andriy", "Dmytro", "Yuliia", "Kateryna", "Mykola", "Taras",
    "Nataliia", "Serhii", "Viktoriia", "Oleksandr", "Halyna", "Bohdan", "Sofiia", "Ahmad",
    "Fatima", "Omar", "Layla", "Yusuf", "Mariam", "Hassan", "Zahra", "Karim", "Amina",
    "Mohammad", "Nour", "Sami", "Rana", "Tesfaye", "Selam", "Hiwot", "Dawit", "Farhad", "Parisa",
)  # fmt: skip
PARTICIPANT_LAST = (
    "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko",
    "Oliynyk", "Lysenko", "Moroz", "Petrenko", "Savchenko", "Rudenko", "Marchenko",
    "Al-Hassan", "Haddad", "Rahimi", "Karimi", "Nazari", "Hosseini", "Mansour", "Khalil",
    "Abebe", "Bekele", "Girma", "Ahmadi",
)  # fmt: skip
VOLUNTEER_FIRST = (
    "Emma", "Liam", "Sophie", "Lukas", "Anna", "Jonas", "Mia", "Noah", "Laura", "Felix",
    "Sarah", "David", "Julia", "Max", "Hannah", "Ben", "Lea", "Paul", "Clara", "Tom", "Nina",
    "Jan", "Eva", "Simon", "Ingrid", "Mark", "Priya", "Chen", "Maria", "James", "Zoë", "Søren",
)  # fmt: skip
VOLUNTEER_LAST = (
    "Müller", "Schmidt", "Johansson", "Nielsen", "Jensen", "Hansen", "Berg", "Larsen",
    "Andersson", "Novak", "Smith", "Brown", "Wilson", "Taylor", "García", "Rossi", "Dubois",
    "Martin", "Fischer", "Weber", "Kowalski", "Nowak", "Horvat", "Patel", "Wang", "O'Brien",
)  # fmt: skip
CITIES = (
    "Berlin", "Hamburg", "Munich", "Stockholm", "Gothenburg", "Oslo", "Bergen", "Copenhagen",
    "Aarhus", "Warsaw", "Kraków", "Amsterdam", "Rotterdam", "Vienna", "Prague", "Dublin",
)  # fmt: skip
INTERESTS = (
    "music", "chess", "football", "cooking", "hiking", "reading", "photography", "yoga",
    "gaming", "painting", "cycling", "languages", "tech", "theatre",
)  # fmt: skip
PARTICIPANT_LANGS = ("uk", "uk", "uk", "ru", "ar", "ar", "fa", "ti", "en")
VOLUNTEER_LANGS = ("en", "en", "de", "sv", "no", "da", "pl", "nl")

END_REASONS = (
    ("completed", 40), ("participant_request", 12), ("buddy_request", 10),
    ("mutual_agreement", 10), ("inactivity", 14), ("violation", 2), ("program_ended", 8),
    ("other", 4),
)  # fmt: skip
EVENT_TYPES = (
    ("hangout", 30), ("activity", 20), ("video_call", 20), ("call", 15), ("workshop", 10),
    ("museum visit", 3), ("cooking together", 2),
)  # fmt: skip
EVENT_DESCRIPTIONS = (
    "Coffee and a walk in the park", "Visited the city library together",
    "Practised a job interview", "Helped with a form from the job centre",
    "Went to a football match", "Cooked dinner together", "Video call about school options",
    "Explored the old town", "Board games evening", "Talked about housing options",
)  # fmt: skip
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
ORGANIZERS = ("Buddy Program team", "City Welcome Centre", "Red Cross local chapter", "")
SKILLS = (
    (1, "English conversation", "language"), (2, "German basics", "language"),
    (3, "CV writing", "career"), (4, "Interview practice", "career"),
    (5, "Excel basics", "tech"), (6, "Python for beginners", "tech"),
    (7, "Public speaking", "personal_development"), (8, "Project planning", "professional"),
    (9, "Bookkeeping basics", "professional"), (10, "Cooking local dishes", ""),
)  # fmt: skip
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
COUNTRIES = ("US", "US", "GB", "DE", "SE", "NO", "PL", "NL", "DK")
EMPLOYERS = (
    "City Hospital", "Nordic Logistics AB", "Café Central", "Municipal School Services",
    "TechStart GmbH", "Greenhouse Farms", "Hotel Aurora", "CleanCo Services",
)  # fmt: skip
DIMENSIONS = ("confidence", "belonging", "lang_level_proxy", "job_readiness", "well_being")
UNKNOWN_WEBHOOK_TYPES = ("buddy.user.profile_updated", "buddy.match.paused_reminder")


@functools.cache
def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("Ø", "O"))
    return "".join(ch for ch in folded.lower() if ch.isascii() and ch.isalnum())


def _weighted(pairs: tuple[tuple[str, int], ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    values = tuple(p[0] for p in pairs)
    cum, total = [], 0
    for _, weight in pairs:
        total += weight
        cum.append(total)
    return values, tuple(cum)


END_REASON_TABLE = _weighted(END_REASONS)
EVENT_TYPE_TABLE = _weighted(EVENT_TYPES)


# --------------------------------------------------------------------------- output files


class CsvOut:
    """One CSV file: rows streamed to ``<file>.part``, metadata lines added on close."""

    def __init__(
        self,
        path: Path,
        header: tuple[str, ...],
        meta: list[tuple[str, str]] | None,
        delimiter: str = ",",
    ) -> None:
        self.path = path
        self.header = header
        self.meta = meta
        self.delimiter = delimiter
        path.parent.mkdir(parents=True, exist_ok=True)
        self.part = path.with_name(path.name + ".part")
        self._fh = open(self.part, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._writer = csv.writer(self._fh, delimiter=delimiter, lineterminator="\n")
        self.count = 0
        self.invalid = 0
        self.malformed = 0

    def row(self, values: dict[str, str]) -> None:
        self._writer.writerow([values.get(column, "") for column in self.header])
        self.count += 1

    def raw(self, line: str) -> None:
        """A line written as is (a malformed record); it still counts as a record."""
        self._fh.write(line + "\n")
        self.count += 1
        self.malformed += 1

    def close(self) -> None:
        self._fh.close()
        with open(self.path, "w", encoding="utf-8", newline="") as out:
            for key, value in self.meta or []:
                out.write(f"# {key}: {value}\n")
            if self.meta is not None:
                out.write(f"# Total Records: {self.count}\n")
            csv.writer(out, delimiter=self.delimiter, lineterminator="\n").writerow(self.header)
            with open(self.part, encoding="utf-8", newline="") as body:
                shutil.copyfileobj(body, out, 1 << 20)
        self.part.unlink()


class JsonlOut:
    """One webhook file: one JSON envelope per line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self.count = 0
        self.invalid = 0
        self.malformed = 0

    def line(self, text: str) -> None:
        self._fh.write(text + "\n")
        self.count += 1

    def close(self) -> None:
        self._fh.close()


class JsonExportOut:
    """The Buddy JSON export: each entity array streamed to a part file, assembled on close
    behind ``export_metadata`` (whose ``record_counts`` are then known)."""

    def __init__(self, path: Path, entities: tuple[str, ...], metadata: dict) -> None:
        self.path = path
        self.metadata = metadata
        path.parent.mkdir(parents=True, exist_ok=True)
        self.parts = {e: path.with_name(f"{path.name}.{e}.part") for e in entities}
        self._fhs = {e: open(p, "w", encoding="utf-8") for e, p in self.parts.items()}  # noqa: SIM115
        self.counts = dict.fromkeys(entities, 0)
        self.count = 0
        self.invalid = 0
        self.malformed = 0

    def row(self, entity: str, values: dict[str, str]) -> None:
        """Write one element; empty cells become null, integer and JSON cells native values."""
        native: dict[str, object] = {}
        for key, value in values.items():
            if value == "":
                native[key] = None
            elif key in JSON_COLUMNS:
                native[key] = json.loads(value)
            elif key in INTEGER_COLUMNS and value.isdigit():
                native[key] = int(value)
            else:
                native[key] = value
        fh = self._fhs[entity]
        if self.counts[entity]:
            fh.write(",\n")
        fh.write("    " + json.dumps(native, ensure_ascii=False))
        self.counts[entity] += 1
        self.count += 1

    def close(self) -> None:
        for fh in self._fhs.values():
            fh.close()
        metadata = dict(self.metadata, record_counts=dict(self.counts))
        with open(self.path, "w", encoding="utf-8") as out:
            out.write('{\n  "export_metadata": ')
            out.write(json.dumps(metadata, ensure_ascii=False))
            for entity, part in self.parts.items():
                out.write(f',\n  "{entity}": [\n' if self.counts[entity] else f',\n  "{entity}": [')
                with open(part, encoding="utf-8") as body:
                    shutil.copyfileobj(body, out, 1 << 20)
                out.write("\n  ]" if self.counts[entity] else "]")
            out.write("\n}\n")
        for part in self.parts.values():
            part.unlink()


# --------------------------------------------------------------------------- time


class Clock:
    """Times are integer minutes since the start of the history (``as_of - HISTORY_DAYS``,
    00:00 UTC); ``day(d)`` and ``ts(m)`` render them."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self.start = as_of - timedelta(days=HISTORY_DAYS)
        self.end_day = HISTORY_DAYS  # the day index of as_of
        self.export_min = HISTORY_DAYS * 1440 + EXPORT_MINUTE
        self.older_day = HISTORY_DAYS - OLDER_EXPORT_DAYS
        self.older_export_min = self.older_day * 1440 + EXPORT_MINUTE
        self.kintell_from_day = HISTORY_DAYS - KINTELL_FILE_DAYS
        self._offset = 6000  # day strings reach ~16 years back
        first = self.start - timedelta(days=self._offset)
        self._days = [(first + timedelta(days=i)).isoformat() for i in range(self._offset + 2500)]

    def day(self, d: int) -> str:
        return self._days[d + self._offset]

    def ts(self, m: int, style: int = 0) -> str:
        """0: ``…T10:00:00Z``; 1: ``…T12:00:00+02:00``; 2: ``… 12:00:00+02:00``;
        3: ``… 10:00:00`` (no offset, UTC); 4: the date alone."""
        if style == 4:
            return self._days[m // 1440 + self._offset]
        if style in (1, 2):
            m += 120
        d, r = divmod(m, 1440)
        text = f"{self._days[d + self._offset]}{' ' if style in (2, 3) else 'T'}"
        text += f"{r // 60:02d}:{r % 60:02d}:00"
        if style == 0:
            return text + "Z"
        if style in (1, 2):
            return text + "+02:00"
        return text

    def month(self, m: int) -> str:
        return self._days[m // 1440 + self._offset][:7]


# --------------------------------------------------------------------------- people


@dataclass(slots=True)
class Person:
    idx: int
    first: str
    last: str
    email: str
    volunteer: bool
    programs: tuple[str, ...]
    company: str = ""
    buddy_ids: list[str] = field(default_factory=list)
    first_activity: int = 1 << 40  # minutes
    employed_checked: bool = False


@dataclass(slots=True)
class Match:
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


def _ri(rng: random.Random, lo: int, hi: int) -> int:
    """An integer in [lo, hi] (faster than ``randint``)."""
    return lo + int(rng.random() * (hi - lo + 1))


def _pick(rng: random.Random, seq: Sequence[T]) -> T:
    """One element of ``seq`` (faster than ``choice``)."""
    return seq[int(rng.random() * len(seq))]


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


# program mix: persona → (weights of the first program, probability of a 2nd and 3rd)
VOLUNTEER_SHARE = 0.40
VOLUNTEER_PROGRAM_WEIGHTS = (("buddy", 56), ("language", 37), ("mentorship", 25))
PARTICIPANT_PROGRAM_WEIGHTS = (
    ("buddy", 37), ("language", 25), ("mentorship", 17), ("upskilling", 42),
)  # fmt: skip
MORE_PROGRAMS = ((1, 0.82), (2, 0.15), (3, 0.03))


def _pick_programs(rng: random.Random, weights: tuple[tuple[str, int], ...]) -> tuple[str, ...]:
    r = rng.random()
    k = (
        1
        if r < MORE_PROGRAMS[0][1]
        else (2 if r < MORE_PROGRAMS[0][1] + MORE_PROGRAMS[1][1] else 3)
    )
    pool = list(weights)
    chosen: list[str] = []
    for _ in range(min(k, len(pool))):
        total = sum(w for _, w in pool)
        x = rng.random() * total
        for i, (name, w) in enumerate(pool):
            x -= w
            if x < 0 or i == len(pool) - 1:
                chosen.append(name)
                pool.pop(i)
                break
    return tuple(p for p in PROGRAMS if p in chosen)


# --------------------------------------------------------------------------- invalid rows

# (column, kind, argument); kinds: set, clear, bad_uuid, orphan, future, before, too_old,
# clear_if (argument = (column, value) that must hold), bad_email
MUTATIONS: dict[str, tuple[tuple[str, str, object], ...]] = {
    "users": (
        ("email", "bad_email", None), ("role", "set", "Buddy"), ("joined_at", "set", "yesterday"),
        ("id", "bad_uuid", None), ("interests", "set", '["music", "chess"'),
    ),
    "matches": (
        ("status", "set", "paused"), ("end_reason", "clear_if", ("status", "ended")),
        ("participant_id", "orphan", None), ("matched_at", "future", None),
        ("ended_at", "before", "matched_at"), ("duration_days", "set", "-3"),
    ),
    "events": (
        ("event_id", "bad_uuid", None), ("event_date", "set", "yesterday"),
        ("event_date", "future", None), ("attendees", "set", "[not json]"),
        ("event_type", "clear", None),
    ),
    "event_attendance": (
        ("event_type", "set", "Cultural"), ("event_format", "set", "in person"),
        ("duration_minutes", "set", "0"), ("sdg_goals", "set", "[4, 18]"),
        ("user_id", "orphan", None), ("attended_at", "future", None),
    ),
    "skill_sessions": (
        ("teacher_rating", "set", "4"), ("learner_rating", "set", "1.5"),
        ("proficiency_level", "set", "expert"), ("learner_progress", "set", "great-progress"),
        ("skill_id", "set", "0"), ("learner_id", "orphan", None),
        ("completed_at", "set", "last week"),
    ),
    "checkins": (
        ("mood", "set", "fine"), ("checkin_date", "set", "yesterday"),
        ("match_id", "orphan", None), ("question_responses", "set", "{met: yes}"),
        ("checkin_date", "future", None),
    ),
    "feedback": (
        ("rating", "set", "5"), ("rating", "set", "0,8"), ("from_role", "set", "volunteer"),
        ("communication", "set", "1.3"), ("submitted_at", "future", None),
        ("match_id", "bad_uuid", None),
    ),
    "milestones": (
        ("milestone_category", "set", "social"), ("points", "set", "-10"),
        ("reached_at", "set", "yesterday"), ("user_id", "orphan", None),
    ),
    "kintell_users": (("Email", "bad_email", None),),
    "language": (
        ("rating", "set", "4,5"), ("rating", "set", "6"), ("duration_minutes", "set", "481"),
        ("completed_at", "before", "scheduled_at"), ("scheduled_at", "too_old", None),
        ("language_level", "set", "B3"), ("participant_email", "bad_email", None),
        ("duration_minutes", "clear_if", ("completed_at", "*")),
        ("completed_at", "future", None),
    ),
    "mentorship": (
        ("rating", "set", "4,5"), ("rating", "set", "0"), ("duration_minutes", "set", "481"),
        ("completed_at", "before", "scheduled_at"), ("scheduled_at", "too_old", None),
        ("mentor_email", "bad_email", None),
        ("duration_minutes", "clear_if", ("completed_at", "*")),
    ),
    "kintell_sessions": (
        ("session_type", "set", "Group Session"), ("rating", "set", "4,5"),
        ("duration_min", "set", "500"), ("date", "set", "yesterday"),
    ),
    "course_progress": (
        ("status", "set", "finished"), ("completed_at", "clear_if", ("status", "completed")),
        ("progress_percent", "set", "120"), ("provider", "set", "coursera"),
        ("updated_at", "future", None), ("final_score", "set", "104"),
    ),
    "course_completions": (
        ("completed_at", "set", "N/A"), ("final_score", "set", "101"),
        ("user_email", "bad_email", None),
    ),
    "credentials": (
        ("credential_type", "set", "license"), ("expires_at", "before", "issued_at"),
        ("issued_at", "future", None),
    ),
    "company_users": (("user_email", "bad_email", None), ("joined_at", "set", "Q1 2024")),
    "program_investments": (
        ("currency", "set", "EUR"), ("amount", "set", "-500"),
        ("period_end", "before", "period_start"), ("input_type", "set", "grant"),
    ),
    "employee_hour_costs": (("currency", "set", "GBP"), ("hourly_cost", "set", "n/a")),
    "employment_outcomes": (
        ("employed_at", "set", "yesterday"), ("employed_at", "future", None),
        ("user_email", "bad_email", None),
    ),
    "outcome_scores": (
        ("score", "set", "1.4"), ("dimension", "set", "happiness"),
        ("measured_at", "future", None), ("text_type", "set", "email"),
    ),
}  # fmt: skip


# --------------------------------------------------------------------------- generator


@dataclass
class Summary:
    people: int
    files: dict[str, tuple[int, int, int]]  # relative path -> (records, invalid, malformed)
    seconds: float

    @property
    def records(self) -> int:
        return sum(v[0] for v in self.files.values())

    @property
    def invalid(self) -> int:
        return sum(v[1] for v in self.files.values())

    @property
    def malformed(self) -> int:
        return sum(v[2] for v in self.files.values())


class Generator:
    def __init__(self, people: int, seed: int, out: Path, as_of: date) -> None:
        self.people = people
        self.seed = seed
        self.out = out
        self.clock = Clock(as_of)
        self.rng = random.Random(seed)
        self.lang_delim, self.mentor_delim = (",", ";") if seed % 2 == 0 else (";", ",")
        c = self.clock
        as_of_text = as_of.isoformat()
        export_date = c.ts(c.export_min)
        older_date = c.ts(c.older_export_min)
        history = f"{c.day(0)} to {as_of_text}"

        def meta(date_range: str, when: str = export_date) -> list[tuple[str, str]]:
            return [
                ("Export ID", _uuid(self.rng)),
                ("Export Date", when),
                ("Date Range", date_range),
            ]

        self.csv: dict[str, CsvOut] = {}
        for entity in BUDDY_ENTITIES:
            self.csv[entity] = CsvOut(
                out / "buddy" / f"{entity}.csv", HEADERS[entity], meta(history)
            )
        month = as_of_text[:7]
        older_month = c.day(c.older_day)[:7]
        kintell_range = f"{c.day(c.kintell_from_day)} to {as_of_text}"
        kintell = out / "kintell"
        self.csv["kintell_users"] = CsvOut(
            kintell / "users.csv", HEADERS["kintell_users"], meta(history)
        )
        self.csv["language"] = CsvOut(
            kintell / f"language-for-ukraine-{month}.csv",
            HEADERS["language"],
            meta(kintell_range),
            self.lang_delim,
        )
        self.csv["mentorship"] = CsvOut(
            kintell / f"mentors-for-ukraine-{month}.csv",
            HEADERS["mentorship"],
            meta(kintell_range),
            self.mentor_delim,
        )
        self.csv["kintell_sessions"] = CsvOut(
            kintell / f"kintell-sessions-{older_month}.csv",
            HEADERS["kintell_sessions"],
            meta(f"{c.day(0)} to {c.day(c.older_day)}", older_date),
            self.lang_delim,
        )
        up = out / "upskilling"
        for entity, name in (
            ("course_progress", "course_progress"),
            ("course_completions", "course-completions"),
            ("credentials", "credentials"),
        ):
            self.csv[entity] = CsvOut(
                up / f"{name}_{as_of_text}.csv", HEADERS[entity], meta(history)
            )
        for entity in (
            "companies",
            "company_users",
            "program_investments",
            "employee_hour_costs",
            "employment_outcomes",
        ):
            self.csv[entity] = CsvOut(
                out / "platform" / f"{entity}.csv", HEADERS[entity], meta(history)
            )
        self.csv["outcome_scores"] = CsvOut(
            out / "q2q" / f"outcome_scores_{as_of_text}.csv",
            HEADERS["outcome_scores"],
            meta(history),
        )
        self.json = JsonExportOut(
            out / "buddy" / f"buddy_export_{c.day(c.older_day)}.json",
            BUDDY_ENTITIES,
            {
                "export_id": _uuid(self.rng),
                "export_date": older_date,
                "date_range": {"start": c.day(0), "end": c.day(c.older_day)},
                "program_name": "Buddy Program",
                "version": "2.3",
            },
        )
        # webhooks: the calendar month of as_of and the one before it
        first_of_month = as_of.replace(day=1)
        previous = (first_of_month - timedelta(days=1)).replace(day=1)
        self.webhook_from = (previous - c.start).days * 1440
        self.webhook_split = (first_of_month - c.start).days * 1440
        self.hooks = [
            JsonlOut(out / "buddy" / "webhooks" / f"events_{previous.isoformat()[:7]}.jsonl"),
            JsonlOut(out / "buddy" / "webhooks" / f"events_{month}.jsonl"),
        ]
        self.companies: list[tuple[str, str]] = []  # (company_id, name)
        self._need_malformed = True  # at least one malformed CSV line in every export
        self.rng_block = self.rng  # replaced per block

    # ------------------------------------------------------------------ helpers

    def _break(self, table: str, row: dict[str, str], rate: float = INVALID_RATE) -> bool:
        """Break the row on purpose with probability ``rate``; True when it was broken."""
        rng = self.rng_block
        if rng.random() >= rate:
            return False
        options = MUTATIONS[table]
        start = rng.randrange(len(options))
        for k in range(len(options)):
            column, kind, arg = options[(start + k) % len(options)]
            if self._mutate(row, column, kind, arg):
                self.csv[table].invalid += 1
                return True
        return False

    def _mutate(self, row: dict[str, str], column: str, kind: str, arg: object) -> bool:
        rng, c = self.rng_block, self.clock
        value = row.get(column, "")
        if kind == "set":
            row[column] = str(arg)
        elif kind == "clear":
            row[column] = ""
        elif kind == "clear_if":
            other, wanted = arg  # type: ignore[misc]
            if not value or not row.get(other) or (wanted != "*" and row[other] != wanted):
                return False
            row[column] = ""
        elif kind == "bad_uuid":
            row[column] = (value[:-1] + "g") if value else "not-a-uuid"
        elif kind == "bad_email":
            row[column] = value.replace("@", " at ") if "@" in value else "no-email"
        elif kind == "orphan":
            row[column] = _uuid(rng)
        elif kind == "future":
            if not value:
                return False
            row[column] = c.ts(c.export_min + 1440 * _ri(rng, 3, 60))
        elif kind == "too_old":
            row[column] = c.day(c.end_day - 365 * 11 - _ri(rng, 0, 300))
        elif kind == "before":
            start = row.get(str(arg), "")
            if not value or len(start) < 10:
                return False
            d = date.fromisoformat(start[:10]) - timedelta(days=_ri(rng, 2, 40))
            row[column] = d.isoformat()
        else:  # pragma: no cover - a typo in MUTATIONS
            raise ValueError(kind)
        return True

    def _hook(self, minute: int, event_type: str, data: dict, *, only_copy: bool = False) -> None:
        """Queue a webhook envelope (written per block, ordered by time)."""
        rng = self.rng_block
        envelope = {
            "id": _uuid(rng),
            "type": event_type,
            "version": "v1",
            "timestamp": self.clock.ts(minute) if rng.random() < 0.9 else self.clock.ts(minute, 1),
            "correlationId": _uuid(rng),
            "data": data,
        }
        if rng.random() < 0.3:
            envelope["metadata"] = {"source": "buddy-api", "attempt": 1}
        self._hooks_block.append((minute, envelope))

    def _tick(self, lo: int, hi: int) -> int:
        """A minute in [lo, hi] during the day (08:00-21:59 in UTC)."""
        rng = self.rng_block
        day = _ri(rng, lo // 1440, max(lo // 1440, hi // 1440))
        m = day * 1440 + _ri(rng, 480, 1319)
        return min(max(m, lo), hi)

    def _email_variant(self, email: str) -> str:
        rng = self.rng_block
        r = rng.random()
        if r < 0.97:
            return email
        if r < 0.985:
            local, _, domain = email.partition("@")
            return local.capitalize() + "@" + domain.capitalize()
        if r < 0.993:
            return " " + email + " "
        return email.upper()

    # ------------------------------------------------------------------ run

    def run(self) -> Summary:
        started = time.perf_counter()
        self._companies()
        for block, first in enumerate(range(0, self.people, BLOCK_SIZE)):
            self.rng_block = random.Random(self.seed * 1_000_003 + block)
            self._block(first, min(BLOCK_SIZE, self.people - first), block)
        files: dict[str, tuple[int, int, int]] = {}
        for out in (*self.csv.values(), *self.hooks, self.json):
            out.close()
            rel = out.path.relative_to(self.out).as_posix()
            files[rel] = (out.count, out.invalid, out.malformed)
        return Summary(self.people, files, time.perf_counter() - started)

    # ------------------------------------------------------------------ platform

    def _companies(self) -> None:
        rng, c = self.rng, self.clock
        count = max(3, self.people // 200)
        names: list[str] = []
        for i in range(count):
            a, b = COMPANY_A[i % len(COMPANY_A)], COMPANY_B[(i // len(COMPANY_A)) % len(COMPANY_B)]
            series = i // (len(COMPANY_A) * len(COMPANY_B))
            name = f"{a} {b}" + (f" {series + 1}" if series else "")
            names.append(name)
            company_id = f"co-{i + 1:05d}"
            self.companies.append((company_id, name))
            self.csv["companies"].row(
                {
                    "company_id": company_id,
                    "company_name": name + _pick(rng, (" Inc.", " AB", " GmbH", " Ltd", "")),
                    "industry": INDUSTRIES[b],
                    "country": _pick(rng, COUNTRIES),
                }
            )
        quarters = []
        q = date(c.start.year, 3 * ((c.start.month - 1) // 3) + 1, 1)
        while q <= c.as_of:
            nxt = date(q.year + (q.month == 10), (q.month + 2) % 12 + 1, 1)
            quarters.append((q, nxt - timedelta(days=1)))
            q = nxt
        for company_id, _ in self.companies:
            programs = [p for p in PROGRAMS if rng.random() < 0.6] or [_pick(rng, PROGRAMS)]
            scale = _pick(rng, (1, 1, 2, 3, 5))
            for program in programs:
                qi = 0
                while qi < len(quarters):
                    q_start, q_end = quarters[qi]
                    if rng.random() < 0.12 and qi + 2 < len(quarters):
                        # a grant spanning three quarters
                        self._investment(
                            company_id, program, "cash", 100 * _ri(rng, 60, 300) * scale,
                            q_start, quarters[qi + 2][1], "Annual grant, paid in three instalments",
                        )  # fmt: skip
                        qi += 3
                        continue
                    if rng.random() < 0.8:
                        self._investment(
                            company_id, program, "cash", 100 * _ri(rng, 20, 120) * scale,
                            q_start, q_end, "",
                        )  # fmt: skip
                    if rng.random() < 0.3:
                        self._investment(
                            company_id, program, "in_kind", 100 * _ri(rng, 5, 40) * scale,
                            q_start, q_end, _pick(rng, ("Laptops", "Meeting rooms", "Catering")),
                        )  # fmt: skip
                    if rng.random() < 0.5:
                        self._investment(
                            company_id, program, "management", 100 * _ri(rng, 5, 30),
                            q_start, q_end, "Program coordination",
                        )  # fmt: skip
                    qi += 1
            if rng.random() < 0.6:
                cost = _ri(rng, 3500, 9200) / 100
                year = c.start.year
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
                    self.rng_block = rng
                    self._break("employee_hour_costs", row)
                    self.csv["employee_hour_costs"].row(row)

    def _investment(
        self,
        company_id: str,
        program: str,
        input_type: str,
        amount: int,
        start: date,
        end: date,
        note: str,
    ) -> None:
        row = {
            "company_id": company_id,
            "program_type": program,
            "input_type": input_type,
            "amount": f"{amount}.00",
            "currency": "USD",
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "note": note,
        }
        self.rng_block = self.rng
        self._break("program_investments", row)
        self.csv["program_investments"].row(row)

    # ------------------------------------------------------------------ block

    def _block(self, first: int, n: int, block: int) -> None:
        rng = self.rng_block
        self._hooks_block: list[tuple[int, dict]] = []
        people: list[Person] = []
        for idx in range(first, first + n):
            volunteer = rng.random() < VOLUNTEER_SHARE
            if volunteer:
                fn, ln = _pick(rng, VOLUNTEER_FIRST), _pick(rng, VOLUNTEER_LAST)
                programs = _pick_programs(rng, VOLUNTEER_PROGRAM_WEIGHTS)
                email = f"{_slug(fn)}.{_slug(ln)}{idx + 1}@example.com"
            else:
                fn, ln = _pick(rng, PARTICIPANT_FIRST), _pick(rng, PARTICIPANT_LAST)
                programs = _pick_programs(rng, PARTICIPANT_PROGRAM_WEIGHTS)
                email = f"{_slug(fn)}.{_slug(ln)}{idx + 1}@example.org"
            people.append(Person(idx, fn, ln, email, volunteer, programs))
        self._buddy(people)
        self._kintell(people)
        self._upskilling(people)
        self._memberships(people)
        self._outcomes(people)
        self._write_hooks(block)

    # ------------------------------------------------------------------ buddy

    def _buddy(self, people: list[Person]) -> None:
        rng, c = self.rng_block, self.clock
        members = [p for p in people if "buddy" in p.programs]
        if not members:
            return
        joined: dict[str, int] = {}
        roles: dict[str, str] = {}
        for p in members:
            account = _uuid(rng)
            p.buddy_ids.append(account)
            joined[account] = self._tick(0, (c.end_day - 14) * 1440)
            roles[account] = "buddy" if p.volunteer else "participant"
            p.first_activity = min(p.first_activity, joined[account])

        volunteers = [p for p in members if p.volunteer]
        matches: list[Match] = []
        for p in members:
            if p.volunteer or not volunteers or rng.random() < 0.08:
                continue
            pid = p.buddy_ids[0]
            start = joined[pid] + 1440 * _ri(rng, 3, 40)
            for _ in range(2 if rng.random() < 0.12 else 1):
                if start > (c.end_day - 7) * 1440:
                    break
                v = _pick(rng, volunteers)
                bid = v.buddy_ids[0]
                start = max(start, joined[bid] + 1440)
                if start > (c.end_day - 7) * 1440:
                    break
                m = self._match(p, v, pid, bid, start)
                matches.append(m)
                if m.ended is None:
                    break
                start = m.ended + 1440 * _ri(rng, 10, 60)

        # second accounts (one person, two accounts, one email)
        extra: list[tuple[Person, str]] = []
        for p in members:
            if rng.random() < 0.007:
                account = _uuid(rng)
                joined[account] = self._tick(joined[p.buddy_ids[0]], c.export_min - 1440)
                flip = rng.random() < 0.3
                roles[account] = (
                    ("participant" if p.volunteer else "buddy")
                    if flip
                    else ("buddy" if p.volunteer else "participant")
                )
                p.buddy_ids.append(account)
                extra.append((p, account))

        # who left: every match of theirs ended
        last_end: dict[str, int] = {}
        open_accounts: set[str] = set()
        for m in matches:
            for account in (m.participant_id, m.buddy_id):
                if m.ended is None:
                    open_accounts.add(account)
                else:
                    last_end[account] = max(last_end.get(account, 0), m.ended)
        left: dict[str, int] = {}
        for p in members:
            account = p.buddy_ids[0]
            if account not in open_accounts and rng.random() < 0.06:
                at = max(last_end.get(account, 0), joined[account]) + 1440 * _ri(rng, 5, 90)
                if at < c.export_min - 1440:
                    left[account] = at

        # accounts whose email changed since the older JSON export (a personal address then)
        changed_email = {
            p.buddy_ids[0]: f"{_slug(p.first)}{_slug(p.last)}.{p.idx + 1}@"
            + ("example.org" if p.volunteer else "example.com")
            for p in members
            if joined[p.buddy_ids[0]] < c.older_export_min and rng.random() < 0.01
        }

        # users (the older JSON export shows the email and left_at of its time)
        for p in members:
            for n, account in enumerate(p.buddy_ids):
                row = self._user_dict(
                    p, account, roles[account], joined[account], left.get(account), n
                )
                if joined[account] < c.older_export_min:
                    left_then = left.get(account)
                    older = dict(row, email=changed_email.get(account, row["email"]))
                    if not (left_then and left_then < c.older_export_min):
                        older["left_at"] = ""
                    self.json.row("users", older)
                if self.rng_block.random() < 0.01:
                    row["id"] = account.upper()  # UUIDs are compared lower-cased
                self._break("users", row, INVALID_RATE_KEYS)
                self.csv["users"].row(row)

        # matches and what hangs on them
        for m in matches:
            self._match_rows(m)

        # formal events and milestones per account
        formal = self._formal_events()
        match_of: dict[str, str] = {}
        for m in matches:
            match_of.setdefault(m.participant_id, m.match_id)
            match_of.setdefault(m.buddy_id, m.match_id)
        first_match: dict[str, int] = {}
        for m in matches:
            for account in (m.participant_id, m.buddy_id):
                first_match[account] = min(first_match.get(account, 1 << 40), m.matched)
        for p in members:
            for account in p.buddy_ids:
                end = left.get(account, c.export_min - 60)
                self._attendance(account, joined[account], end, formal, match_of.get(account))
                self._milestones(
                    account, roles[account], joined[account], end, first_match.get(account)
                )

    def _user_dict(
        self, p: Person, account: str, role: str, joined: int, left: int | None, n: int
    ) -> dict[str, str]:
        rng, c = self.rng_block, self.clock
        address = p.email
        if n and rng.random() < 0.5:
            address = address.capitalize()
        interests = rng.sample(INTERESTS, _ri(rng, 0, 3))
        return {
            "id": account,
            "email": address,
            "first_name": p.first,
            "last_name": p.last,
            "role": role,
            "joined_at": c.ts(joined),
            "language_preference": _pick(
                rng, VOLUNTEER_LANGS if p.volunteer else PARTICIPANT_LANGS
            ),
            "interests": json.dumps(interests) if interests else "",
            "location": _pick(rng, CITIES),
            "left_at": c.ts(left) if left else "",
        }

    def _match(self, p: Person, v: Person, pid: str, bid: str, start: int) -> Match:
        rng, c = self.rng_block, self.clock
        matched = self._tick(start, start + 1440 * 5)
        duration = _ri(rng, 20, 330)
        ended: int | None = None
        status = "active"
        reason = ""
        if matched + duration * 1440 < c.export_min - 1440 and rng.random() < 0.8:
            day_minute = matched % 1440
            ended = matched + duration * 1440 + _ri(rng, 0, 1439 - day_minute)
            status = "ended"
            vals, cum = END_REASON_TABLE
            reason = rng.choices(vals, cum_weights=cum)[0]
        elif rng.random() < 0.2:
            status = "inactive"
        export_status = status
        if status == "ended" and ended >= self.webhook_from and rng.random() < 0.05:
            export_status = "active"  # the export lags behind the webhook: conflicting status
        p.first_activity = min(p.first_activity, matched)
        v.first_activity = min(v.first_activity, matched)
        return Match(_uuid(rng), p, v, pid, bid, matched, ended, status, reason, export_status)

    def _in_window(self, minute: int) -> bool:
        return minute >= self.webhook_from

    def _export_and_hook(self, minute: int) -> tuple[bool, bool]:
        """(in the export, has a webhook) for a row that happened at ``minute``."""
        if minute < self.webhook_from:
            return True, False
        r = self.rng_block.random()
        if r < 0.04:
            return False, True  # only in webhooks
        if r < 0.14:
            return True, False  # the webhook was missed
        return True, True

    def _match_rows(self, m: Match) -> None:
        rng, c = self.rng_block, self.clock
        end = m.ended if m.ended is not None else c.export_min - 60
        span_days = max(1, (end - m.matched) // 1440)
        # events
        events = []
        for _ in range(min(15, _ri(rng, 0, max(1, span_days // 18)))):
            at = self._tick(m.matched, end)
            vals, cum = EVENT_TYPE_TABLE
            events.append(
                (
                    at,
                    {
                        "event_id": _uuid(rng),
                        "match_id": m.match_id,
                        "event_type": rng.choices(vals, cum_weights=cum)[0],
                        "event_date": c.ts(at, 4 if rng.random() < 0.4 else 0),
                        "description": _pick(rng, EVENT_DESCRIPTIONS),
                        "location": _pick(rng, CITIES) if rng.random() < 0.7 else "",
                        "attendees": f'["{m.participant_id}", "{m.buddy_id}"]',
                    },
                )
            )
        for at, row in sorted(events, key=lambda e: e[0]):
            in_export, hooked = self._export_and_hook(at)
            if hooked:
                self._hook(
                    at + 30,
                    "buddy.event.logged",
                    {
                        "eventId": row["event_id"],
                        "matchId": row["match_id"],
                        "eventType": row["event_type"],
                        "eventDate": c.ts(at),
                        "description": row["description"],
                        "location": row["location"] or None,
                        "attendees": [m.participant_id, m.buddy_id],
                    },
                )
            if in_export:
                if self._need_malformed or rng.random() < MALFORMED_RATE:
                    self._need_malformed = False
                    self._malformed_event(row)
                    continue
                self._break("events", row)
                self.csv["events"].row(row)
        # check-ins, mood drifting up for most matches
        mood = _ri(rng, 1, 3)
        at = m.matched + 1440 * _ri(rng, 7, 21)
        checkins = 0
        while at < end:
            at = self._tick(at, at + 1440)
            mood = max(1, min(5, mood + _pick(rng, (-1, 0, 0, 1, 1))))
            row = {
                "checkin_id": _uuid(rng),
                "match_id": m.match_id,
                "checkin_date": c.ts(at, 4 if rng.random() < 0.2 else 0),
                "mood": MOODS[mood - 1] if rng.random() < 0.9 else "",
                "notes": _pick(rng, CHECKIN_NOTES) if rng.random() < 0.6 else "",
                "question_responses": (
                    f'{{"met_this_week": {"true" if rng.random() < 0.7 else "false"}, '
                    f'"hours_together": {_ri(rng, 0, 4)}}}'
                ),
            }
            checkins += 1
            in_export, hooked = self._export_and_hook(at)
            if hooked:
                hook_mood = row["mood"]
                if hook_mood and rng.random() < 0.02:
                    hook_mood = MOODS[(mood % 5)]  # edited after the webhook: conflicting value
                self._hook(
                    at + 5,
                    "buddy.checkin.completed",
                    {
                        "checkinId": row["checkin_id"],
                        "matchId": m.match_id,
                        "checkinDate": c.ts(at),
                        "mood": hook_mood or None,
                        "notes": row["notes"] or None,
                        "questionResponses": json.loads(row["question_responses"]),
                    },
                )
            if in_export:
                self._break("checkins", row)
                self.csv["checkins"].row(row)
            at += 1440 * _ri(rng, 10, 28)
        # feedback from each side
        for role, prob in (("participant", 0.6), ("buddy", 0.45)):
            if rng.random() >= prob or span_days < 20:
                continue
            at = self._tick(m.matched + 1440 * 14, end)
            scores = [round(rng.uniform(0.4, 1.0), 2) for _ in range(4)]
            row = {
                "feedback_id": _uuid(rng),
                "match_id": m.match_id,
                "from_role": role,
                "rating": f"{scores[0]:.2f}",
                "feedback_text": _pick(rng, FEEDBACK_TEXTS) if rng.random() < 0.7 else "",
                "communication": f"{scores[1]:.2f}",
                "helpfulness": f"{scores[2]:.2f}",
                "engagement": f"{scores[3]:.2f}" if rng.random() < 0.8 else "",
                "submitted_at": c.ts(at),
            }
            in_export, hooked = self._export_and_hook(at)
            if hooked:
                categories = {"communication": scores[1], "helpfulness": scores[2]}
                if row["engagement"]:
                    categories["engagement"] = scores[3]
                self._hook(
                    at + 2,
                    "buddy.feedback.submitted",
                    {
                        "feedbackId": row["feedback_id"],
                        "matchId": m.match_id,
                        "fromRole": role,
                        "rating": scores[0],
                        "feedbackText": row["feedback_text"] or None,
                        "submittedAt": c.ts(at),
                        "categories": categories,
                    },
                )
            if in_export:
                if rng.random() < MALFORMED_RATE:
                    self._malformed_feedback(row)
                    continue
                self._break("feedback", row)
                self.csv["feedback"].row(row)
        # skill sessions
        skill_count = 0
        if rng.random() < 0.4:
            for _ in range(_ri(rng, 1, 4)):
                at = self._tick(m.matched, end)
                reverse = rng.random() < 0.15
                self._skill_session(m, at, reverse)
                skill_count += 1
        # the match row itself (export, older JSON export, webhooks)
        row = {
            "match_id": m.match_id,
            "participant_id": m.participant_id,
            "buddy_id": m.buddy_id,
            "matched_at": c.ts(m.matched, 1 if rng.random() < 0.1 else 0),
            "status": m.export_status,
            "ended_at": "",
            "end_reason": "",
            "duration_days": "",
            "sessions_completed": str(skill_count + checkins // 2),
            "events_attended": str(len(events)),
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
        if m.matched < c.older_export_min:
            older = dict(row, sessions_completed="", events_attended="")
            if m.ended is None or m.ended >= c.older_export_min:
                older.update(status="active", ended_at="", end_reason="", duration_days="")
            self.json.row("matches", older)
        in_export = True
        if m.matched >= self.webhook_from:
            in_export, hooked = self._export_and_hook(m.matched)
            if hooked:
                self._hook(
                    m.matched,
                    "buddy.match.created",
                    {
                        "matchId": m.match_id,
                        "participantId": m.participant_id,
                        "buddyId": m.buddy_id,
                        "matchedAt": c.ts(m.matched),
                    },
                )
            if not in_export and m.ended is not None:
                in_export = True  # keep the row when it also ends in the window
        if (
            m.ended is not None
            and m.ended >= self.webhook_from
            and (m.export_status != "ended" or rng.random() < 0.9)
        ):
            self._hook(
                m.ended,
                "buddy.match.ended",
                {
                    "matchId": m.match_id,
                    "participantId": m.participant_id,
                    "buddyId": m.buddy_id,
                    "endedAt": c.ts(m.ended),
                    "duration": (m.ended - m.matched) // 1440,
                    "reason": m.end_reason,
                    "reasonDetails": None,
                    "sessionsCompleted": skill_count + checkins // 2,
                    "eventsAttended": len(events),
                },
            )
        if in_export:
            self._break("matches", row, INVALID_RATE_KEYS)
            self.csv["matches"].row(row)

    def _malformed_event(self, row: dict[str, str]) -> None:
        values = [row.get(col, "") for col in HEADERS["events"]]
        values[HEADERS["events"].index("attendees")] = ""
        values[HEADERS["events"].index("description")] = "Dinner, then a walk by the river"
        self.csv["events"].raw(",".join(values))

    def _malformed_feedback(self, row: dict[str, str]) -> None:
        values = [row.get(col, "") for col in HEADERS["feedback"]]
        values[HEADERS["feedback"].index("feedback_text")] = "Kind, patient and always on time"
        self.csv["feedback"].raw(",".join(values))

    def _skill_session(self, m: Match, at: int, reverse: bool) -> None:
        rng, c = self.rng_block, self.clock
        skill_id, skill_name, category = _pick(rng, SKILLS)
        teacher, learner = (
            (m.participant_id, m.buddy_id) if reverse else (m.buddy_id, m.participant_id)
        )
        duration = _pick(rng, (30, 45, 60, 60, 90, 120))
        progress = _pick(rng, ("no-progress", "some-progress", "some-progress", "good-progress",
                               "good-progress", "excellent-progress"))  # fmt: skip
        scheduled = at - 1440 * _ri(rng, 1, 10)
        row = {
            "session_id": _uuid(rng),
            "skill_id": str(skill_id),
            "skill_name": skill_name,
            "skill_category": category,
            "teacher_id": teacher,
            "learner_id": learner,
            "match_id": m.match_id if rng.random() < 0.8 else "",
            "scheduled_at": c.ts(scheduled) if rng.random() < 0.7 else "",
            "completed_at": c.ts(at),
            "duration_minutes": str(duration) if rng.random() < 0.85 else "",
            "format": _pick(rng, ("online", "in-person", "in-person")),
            "proficiency_level": _pick(rng, ("beginner", "beginner", "intermediate", "advanced")),
            "teacher_rating": f"{rng.uniform(0.5, 1):.2f}" if rng.random() < 0.7 else "",
            "learner_rating": f"{rng.uniform(0.4, 1):.2f}" if rng.random() < 0.8 else "",
            "teacher_comment": "Motivated learner" if rng.random() < 0.3 else "",
            "learner_comment": "Clear and practical" if rng.random() < 0.3 else "",
            "learner_progress": progress if rng.random() < 0.8 else "",
            "sdg_goals": json.dumps([4, 8]) if category in ("career", "professional") else "[4]",
            "valuation_points": str(_pick(rng, (10, 15, 20, 25, 30, 50))),
        }
        in_export, hooked = self._export_and_hook(at)
        if hooked:
            feedback = None
            if row["teacher_rating"] or row["learner_rating"]:
                feedback = {
                    "teacherRating": float(row["teacher_rating"])
                    if row["teacher_rating"]
                    else None,
                    "learnerRating": float(row["learner_rating"])
                    if row["learner_rating"]
                    else None,
                    "teacherComment": row["teacher_comment"] or None,
                    "learnerComment": row["learner_comment"] or None,
                    "learnerProgress": row["learner_progress"] or None,
                }
            self._hook(
                at + 10,
                "buddy.skill_share.completed",
                {
                    "sessionId": row["session_id"],
                    "skillId": skill_id,
                    "skillName": skill_name,
                    "skillCategory": category or None,
                    "teacherId": teacher,
                    "learnerId": learner,
                    "matchId": row["match_id"] or None,
                    "completedAt": c.ts(at),
                    "scheduledAt": row["scheduled_at"] or None,
                    "durationMinutes": duration if row["duration_minutes"] else None,
                    "format": row["format"],
                    "proficiencyLevel": row["proficiency_level"],
                    "feedback": feedback,
                    "valuationPoints": int(row["valuation_points"]),
                },
            )
        if in_export:
            self._break("skill_sessions", row)
            self.csv["skill_sessions"].row(row)

    def _formal_events(self) -> list[tuple[str, int, tuple]]:
        rng, c = self.rng_block, self.clock
        events = []
        for _ in range(24):
            spec = _pick(rng, FORMAL_EVENTS)
            at = self._tick(0, c.export_min - 1440)
            events.append((_uuid(rng), at, spec))
        events.sort(key=lambda e: e[1])
        return events

    def _attendance(
        self,
        account: str,
        joined: int,
        end: int,
        formal: list[tuple[str, int, tuple]],
        match_id: str | None,
    ) -> None:
        rng, c = self.rng_block, self.clock
        eligible = [e for e in formal if joined <= e[1] <= end]
        if not eligible:
            return
        for event_id, at, (title, etype, fmt, categories, sdgs) in rng.sample(
            eligible, min(len(eligible), _pick(rng, (0, 0, 1, 1, 2, 3)))
        ):
            row = {
                "event_id": event_id,
                "user_id": account,
                "event_title": title,
                "event_type": etype,
                "event_format": fmt,
                "attended_at": c.ts(at),
                "match_id": match_id if match_id and rng.random() < 0.3 else "",
                "location": "" if fmt == "online" else _pick(rng, CITIES),
                "duration_minutes": str(_pick(rng, (60, 90, 120, 180)))
                if rng.random() < 0.8
                else "",
                "attendee_count": str(_ri(rng, 8, 60)),
                "organizer": _pick(rng, ORGANIZERS),
                "categories": json.dumps(categories),
                "sdg_goals": json.dumps(sdgs),
            }
            in_export, hooked = self._export_and_hook(at)
            if hooked:
                self._hook(
                    at + 60,
                    "buddy.event.attended",
                    {
                        "eventId": event_id,
                        "userId": account,
                        "matchId": row["match_id"] or None,
                        "eventTitle": title,
                        "eventType": etype,
                        "eventFormat": fmt,
                        "attendedAt": c.ts(at),
                        "location": row["location"] or None,
                        "durationMinutes": int(row["duration_minutes"])
                        if row["duration_minutes"]
                        else None,
                        "attendeeCount": int(row["attendee_count"]),
                        "organizer": row["organizer"] or None,
                        "categories": categories,
                        "sdgGoals": sdgs,
                    },
                )
            if in_export:
                self._break("event_attendance", row)
                self.csv["event_attendance"].row(row)

    def _milestones(
        self, account: str, role: str, joined: int, end: int, first_match: int | None
    ) -> None:
        rng, c = self.rng_block, self.clock
        for milestone_id, title, category, points, badge, target in MILESTONES:
            if target not in ("all", role):
                continue
            if milestone_id == 1:
                p, lo = 0.9, joined
            elif milestone_id == 2:
                p, lo = (0.85, first_match) if first_match is not None else (0, 0)
            else:
                p, lo = 0.18, (first_match if first_match is not None else joined)
            if rng.random() >= p or lo >= end:
                continue
            at = self._tick(lo + 60, min(end, lo + 1440 * 200))
            target_count = _pick(rng, (1, 3, 5, 10))
            row = {
                "milestone_id": str(milestone_id),
                "user_id": account,
                "milestone_title": title,
                "milestone_category": category,
                "reached_at": c.ts(at),
                "points": str(points),
                "badge_icon": badge,
                "target_role": target,
                "progress": json.dumps({"current": target_count, "target": target_count}),
                "metadata": json.dumps({"source": "app"}) if rng.random() < 0.5 else "",
            }
            in_export, hooked = self._export_and_hook(at)
            if hooked:
                self._hook(
                    at + 1,
                    "buddy.milestone.reached",
                    {
                        "milestoneId": milestone_id,
                        "userId": account,
                        "milestoneTitle": title,
                        "milestoneCategory": category,
                        "reachedAt": c.ts(at),
                        "points": points,
                        "badgeIcon": badge,
                        "targetRole": target,
                        "progress": {"current": target_count, "target": target_count},
                    },
                )
            if in_export:
                self._break("milestones", row)
                self.csv["milestones"].row(row)

    def _write_hooks(self, block: int) -> None:
        rng = self.rng_block
        hooks = sorted(self._hooks_block, key=lambda h: h[0])
        c = self.clock
        for minute, envelope in hooks:
            target = 0 if minute < self.webhook_split else 1
            if rng.random() < 0.005:
                # a webhook whose data breaks a rule (a bad UUID)
                data = envelope["data"]
                key = next(k for k in ("matchId", "userId", "eventId", "teacherId") if data.get(k))
                data[key] = data[key][:-2] + "zz"
                self.hooks[target].invalid += 1
            text = json.dumps(envelope, ensure_ascii=False)
            self.hooks[target].line(text)
            r = rng.random()
            if r < 0.035:
                self.hooks[target].line(text)  # redelivered in the same file
            elif r < 0.05:
                self.hooks[1].line(text)  # redelivered later
            if rng.random() < 0.002:
                unknown = {
                    "id": _uuid(rng),
                    "type": _pick(rng, UNKNOWN_WEBHOOK_TYPES),
                    "version": "v2",
                    "timestamp": c.ts(minute + 3),
                    "data": {"userId": envelope["data"].get("participantId") or _uuid(rng)},
                }
                self.hooks[target].line(json.dumps(unknown))
            if rng.random() < MALFORMED_RATE * 2 or (block == 0 and minute == hooks[-1][0]):
                self.hooks[target].line(text[: len(text) // 2])  # a truncated delivery
                self.hooks[target].malformed += 1

    # ------------------------------------------------------------------ kintell

    def _kintell(self, people: list[Person]) -> None:
        rng, c = self.rng_block, self.clock
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
                    self._pair(program, learner, _pick(rng, tutors))
        for p in people:
            if p.idx not in members and rng.random() < 0.01:
                members[p.idx] = p  # a member with no session
        for idx in sorted(members):
            p = members[idx]
            joined = min(p.first_activity, c.export_min - 1440 * 2) - 1440 * _ri(rng, 1, 30)
            if p.volunteer:
                role = _pick(rng, ("mentor", "tutor", "advisor", "Mentor"))
            else:
                role = _pick(rng, ("learner", "mentee", "student", "Learner", "newcomer"))
            row = {
                "Email": self._email_variant(p.email),
                "Name": f"{p.first} {p.last}",
                "Linkedin_URL": (
                    f"https://www.linkedin.com/in/{_slug(p.first)}-{_slug(p.last)}-{idx + 1}"
                    if p.volunteer and rng.random() < 0.7
                    else ""
                ),
                "Verification_status": _pick(
                    rng, ("verified", "verified", "pending", "unverified")
                ),
                "Role when joined": role,
                "grant_access": _pick(rng, ("true", "true", "false")),
                "Joined_kg_at": c.ts(max(joined, -1440 * 400), 4),
            }
            self._break("kintell_users", row, INVALID_RATE_KEYS)
            self.csv["kintell_users"].row(row)

    def _pair(self, program: str, learner: Person, tutor: Person) -> None:
        rng, c = self.rng_block, self.clock
        r = rng.random()
        count = (
            _ri(rng, 1, 2)
            if r < 0.25
            else _ri(rng, 3, 5)
            if r < 0.6
            else _ri(rng, 6, 12)
            if r < 0.95
            else _ri(rng, 13, 20)
        )
        at = self._tick(0, (c.end_day - 10) * 1440)
        level = _ri(rng, 1, 4)
        improver = rng.random() < 0.5
        held_count = 0
        rows: list[tuple[int, dict[str, str], bool]] = []
        for _ in range(count):
            if at > c.export_min + 1440 * 21:
                break
            future = at > c.export_min - 60
            held = not future and rng.random() < 0.88
            style = 2 if rng.random() < 0.4 else 0
            duration = _pick(rng, (30, 45, 45, 60, 60, 60, 90)) + _pick(rng, (0, 0, 0, 5, -5))
            done = at + _pick(rng, (0, 0, 5, 10))
            row = {
                "session_id": "ks_" + f"{rng.getrandbits(48):012x}",
                "participant_email": self._email_variant(learner.email),
                "scheduled_at": c.ts(at, style),
                "completed_at": c.ts(done, style) if held else "",
                "duration_minutes": str(duration) if held else "",
                "rating": _pick(rng, STAR_RATINGS) if held and rng.random() < 0.7 else "",
                "metadata": json.dumps({"room": f"r-{_ri(rng, 100, 999)}"})
                if rng.random() < 0.3
                else "",
            }
            if program == "language":
                if held:
                    held_count += 1
                    if improver and held_count % _ri(rng, 3, 6) == 0 and level < 6:
                        level += 1
                text = CEFR[level - 1]
                row.update(
                    volunteer_email=self._email_variant(tutor.email),
                    feedback_text=_pick(rng, LANGUAGE_FEEDBACK)
                    if held and rng.random() < 0.4
                    else "",
                    language_level=(text.lower() if rng.random() < 0.1 else text)
                    if held and rng.random() < 0.7
                    else "",
                    topics=", ".join(rng.sample(LANGUAGE_TOPICS, 2)),
                )
            else:
                row.update(
                    mentor_email=self._email_variant(tutor.email),
                    feedback_text="Helpful session" if held and rng.random() < 0.4 else "",
                    focus_area=_pick(rng, FOCUS_AREAS),
                    goals_discussed=_pick(rng, GOALS) if rng.random() < 0.6 else "",
                )
            rows.append((at, row, held))
            learner.first_activity = min(learner.first_activity, at)
            tutor.first_activity = min(tutor.first_activity, at)
            at += 1440 * _ri(rng, 5, 14) + _ri(rng, -120, 120)
        for at, row, held in rows:
            original = dict(row)
            if at >= c.kintell_from_day * 1440:
                if rng.random() < 0.0015:
                    other = "mentorship" if program == "language" else "language"
                    twin = dict(row)
                    if other == "mentorship":
                        twin["mentor_email"] = row["volunteer_email"]
                        twin["focus_area"] = "language practice"
                    else:
                        twin["volunteer_email"] = row["mentor_email"]
                    self.csv[other].row(twin)  # the same session id in both programs
                    self.csv[other].invalid += 1
                    self.csv[program].invalid += 1
                else:
                    self._break(program, row)
                self.csv[program].row(row)
            if held and at <= c.older_export_min - 1440:
                row = original
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
                if combined["session_type"] == "Mentorship" and rng.random() < 0.1:
                    combined["session_type"] = "mentorship"
                self._break("kintell_sessions", combined)
                self.csv["kintell_sessions"].row(combined)

    # ------------------------------------------------------------------ upskilling

    def _upskilling(self, people: list[Person]) -> None:
        rng = self.rng_block
        for p in people:
            if "upskilling" not in p.programs:
                continue
            r = rng.random()
            for provider, course_id, course_name in rng.sample(
                COURSES, 1 if r < 0.65 else (2 if r < 0.9 else 3)
            ):
                self._course(p, provider, course_id, course_name)

    def _course(self, p: Person, provider: str, course_id: str, course_name: str) -> None:
        rng, c = self.rng_block, self.clock
        start = self._tick(0, (c.end_day - 5) * 1440)
        p.first_activity = min(p.first_activity, start)
        limit = c.export_min - 60
        base = {"user_email": p.email, "provider": provider, "course_id": course_id,
                "course_name": course_name}  # fmt: skip
        started = c.ts(start, 4 if rng.random() < 0.5 else 0)
        history = [dict(base, status="enrolled", progress_percent="0", started_at=started,
                        updated_at=c.ts(start))]  # fmt: skip
        at, progress = start, 0
        for _ in range(_ri(rng, 0, 3)):
            at += 1440 * _ri(rng, 7, 30) + _ri(rng, 0, 600)
            if at >= limit:
                break
            progress = min(95, progress + _ri(rng, 10, 40))
            history.append(dict(base, status="in_progress", progress_percent=str(progress),
                                started_at=started, updated_at=c.ts(at)))  # fmt: skip
        outcome = rng.random()
        at += 1440 * _ri(rng, 7, 40)
        completed = False
        if at < limit and outcome < 0.55:
            completed = True
            score = _ri(rng, 60, 100)
            credential = f"CRED-{rng.getrandbits(40):010X}" if rng.random() < 0.7 else ""
            history.append(dict(base, status="completed", progress_percent="100",
                                started_at=started, completed_at=c.ts(at), updated_at=c.ts(at),
                                final_score=str(score), credential_ref=credential))  # fmt: skip
            if provider == "itslearning" or rng.random() < 0.2:
                row = dict(base, completed_at=c.ts(at, 4 if rng.random() < 0.3 else 0),
                           final_score=str(score), credential_ref=credential)  # fmt: skip
                self._break("course_completions", row)
                self.csv["course_completions"].row(row)
            if credential:
                issued = min(limit, at + 1440 * _ri(rng, 0, 5))
                expires = issued + 1440 * 365 * _pick(rng, (2, 3)) if rng.random() < 0.4 else None
                row = {
                    "credential_id": credential,
                    "user_email": p.email,
                    "provider": provider,
                    "course_id": course_id,
                    "course_name": course_name,
                    "credential_type": {"ecornell": "certificate", "itslearning": "badge"}.get(
                        provider, _pick(rng, ("certificate", "transcript", "diploma"))
                    ),
                    "issued_at": c.ts(issued),
                    "expires_at": c.ts(expires, 4) if expires else "",
                    "credential_url": f"https://credentials.example.com/v/{credential.lower()}",
                    "verification_code": f"{rng.getrandbits(32):08X}",
                }
                self._break("credentials", row)
                self.csv["credentials"].row(row)
        elif at < limit and outcome < 0.75:
            history.append(dict(base, status="dropped", progress_percent=str(progress),
                                started_at=started, updated_at=c.ts(at)))  # fmt: skip
        if provider == "itslearning" and completed and rng.random() < 0.5:
            return  # itslearning often reports completions only
        for row in history:
            self._break("course_progress", row)
            self.csv["course_progress"].row(row)

    # ------------------------------------------------------------------ platform people

    def _memberships(self, people: list[Person]) -> None:
        rng, c = self.rng_block, self.clock
        for p in people:
            if not p.volunteer or rng.random() < 0.07:
                continue
            company = _pick(rng, self.companies)[0]
            p.company = company
            joined = -1440 * _ri(rng, 30, 365 * 6)
            email = self._email_variant(p.email)
            r = rng.random()
            if r < 0.06 and p.first_activity < c.export_min:
                change = self._tick(max(p.first_activity, 0) + 1440, c.export_min - 1440 * 2)
                change_day = change // 1440 * 1440
                second = _pick(rng, self.companies)[0]
                if second == company:
                    position = next(i for i, co in enumerate(self.companies) if co[0] == company)
                    second = self.companies[(position + 1) % len(self.companies)][0]
                overlap = rng.random() < 0.15
                rows = [
                    (company, joined, change_day + (1440 * 10 if overlap else 0)),
                    (second, change_day, None),
                ]
            else:
                rows = [(company, joined, None)]
            for company_id, start, end in rows:
                row = {
                    "company_id": company_id,
                    "user_email": email,
                    "joined_at": c.ts(start, 4),
                    "left_at": c.ts(end, 4) if end is not None else "",
                }
                self._break("company_users", row)
                self.csv["company_users"].row(row)

    def _outcomes(self, people: list[Person]) -> None:
        rng, c = self.rng_block, self.clock
        limit = c.export_min - 60
        for p in people:
            if p.volunteer or p.first_activity >= limit:
                continue
            if (
                any(x in p.programs for x in ("buddy", "mentorship", "upskilling"))
                and rng.random() < 0.12
            ):
                at = self._tick(p.first_activity + 1440 * 30, p.first_activity + 1440 * 330)
                if at < limit:
                    row = {
                        "user_email": p.email,
                        "employed_at": c.ts(at, 4),
                        "employer": _pick(rng, EMPLOYERS),
                        "source": _pick(rng, ("participant_survey", "mentor_report", "hr_system")),
                    }
                    self._break("employment_outcomes", row)
                    self.csv["employment_outcomes"].row(row)
            if rng.random() >= 0.35:
                continue
            dims = ["well_being", "confidence"]
            if "language" in p.programs or "buddy" in p.programs:
                dims.append("lang_level_proxy")
            if "mentorship" in p.programs or "upskilling" in p.programs:
                dims.append("job_readiness")
            if "buddy" in p.programs:
                dims.append("belonging")
            text_type = (
                "buddy_feedback"
                if "buddy" in p.programs
                else "kintell_feedback"
                if ("language" in p.programs or "mentorship" in p.programs)
                else "skill_feedback"
            )
            times = sorted(self._tick(p.first_activity, limit) for _ in range(_ri(rng, 1, 4)))
            for dim in dims:
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
                    self._break("outcome_scores", row)
                    self.csv["outcome_scores"].row(row)
                    score += trend + rng.uniform(-0.05, 0.05)


def generate(people: int, seed: int, out: Path, as_of: date) -> Summary:
    """Write an export folder of ``people`` people into ``out``; returns what was written."""
    if people < 1:
        raise ValueError("--people must be at least 1")
    out.mkdir(parents=True, exist_ok=True)
    return Generator(people, seed, out, as_of).run()


def _parse_args(argv: Iterable[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="csr-generate",
        description=(
            "Write a synthetic, deterministic export folder (Buddy, Kintell, upskilling, "
            "platform and Q2Q files in the layout csr-load accepts). The same arguments "
            "always give byte-identical files; about 1%% of the rows are invalid on purpose."
        ),
    )
    parser.add_argument("--people", type=int, required=True, help="number of people")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (created)")
    parser.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=date(2025, 6, 30),
        help="last day of the history and date of the exports (default 2025-06-30)",
    )
    return parser.parse_args(list(argv) if argv is not None else None)


def main(argv: Iterable[str] | None = None, *, echo: Callable[[str], None] = print) -> int:
    args = _parse_args(argv)
    try:
        summary = generate(args.people, args.seed, args.out, args.as_of)
    except (ValueError, OSError) as exc:
        print(f"csr-generate: {exc}", file=sys.stderr)
        return 2
    for rel, (records, invalid, malformed) in sorted(summary.files.items()):
        echo(f"{rel}: {records} records ({invalid} invalid, {malformed} malformed)")
    echo(
        f"{summary.people} people, {len(summary.files)} files, {summary.records} records "
        f"({summary.invalid} invalid on purpose, {summary.malformed} malformed) "
        f"in {summary.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
