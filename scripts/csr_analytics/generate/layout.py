"""The files the generator writes: their paths, metadata lines and headers.

Every CSV's columns are the raw contract's (the sources YAML, read by
``csr_analytics.contract``), in the contract's order. ``FILE_SPELLING`` and
``FILE_ORDER`` below are the one place where the export files deliberately differ from
it: the sample exports (``data/sample_exports``) and so the generated files write some
headers as the source systems do. csr-load matches header cells to columns by name
(trimmed, case-insensitive, spaces as underscores) and in any order, so both land in the
same raw columns.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from csr_analytics.contract import Contract, ContractError, RawTable
from csr_analytics.generate.clock import Clock
from csr_analytics.generate.draws import uuid4
from csr_analytics.generate.writers import CsvOut, JsonExportOut, JsonlOut
from csr_analytics.load_read import normalise

# Headers spelled as the source system writes them (contract column -> header cell):
# Kintell's member export, as in exports.md and the sample (docs/decisions.md).
FILE_SPELLING: dict[str, dict[str, str]] = {
    "kintell_users": {
        "email": "Email", "name": "Name", "linkedin_url": "Linkedin_URL",
        "verification_status": "Verification_status", "role_when_joined": "Role when joined",
        "joined_kg_at": "Joined_kg_at",
    },
}  # fmt: skip
# Columns the Buddy export writes elsewhere than the contract lists them (which puts the
# required columns first): (column, the column it follows in the file).
FILE_ORDER: dict[str, tuple[tuple[str, str], ...]] = {
    "buddy_skill_sessions": (("skill_category", "skill_name"), ("completed_at", "scheduled_at")),
    "buddy_feedback": (("submitted_at", "engagement"),),
}

# The seed decides which of the two Kintell session files uses "," and which ";"; the
# older combined Kintell export uses the language file's delimiter.
LANGUAGE_DELIMITER = "language"
MENTORSHIP_DELIMITER = "mentorship"
HISTORY, KINTELL_WINDOW, OLDER = "history", "kintell", "older"  # a file's Date Range


@dataclass(frozen=True)
class CsvFile:
    """One CSV the generator writes: its raw table, path (``{as_of}``, ``{month}`` and
    ``{older_month}`` filled in), the period its metadata names and its delimiter."""

    table: str
    path: str
    period: str = HISTORY
    delimiter: str = ","


# In the order their export ids are drawn from the seed.
CSV_FILES: tuple[CsvFile, ...] = (
    CsvFile("buddy_users", "buddy/users.csv"),
    CsvFile("buddy_matches", "buddy/matches.csv"),
    CsvFile("buddy_events", "buddy/events.csv"),
    CsvFile("buddy_event_attendance", "buddy/event_attendance.csv"),
    CsvFile("buddy_skill_sessions", "buddy/skill_sessions.csv"),
    CsvFile("buddy_checkins", "buddy/checkins.csv"),
    CsvFile("buddy_feedback", "buddy/feedback.csv"),
    CsvFile("buddy_milestones", "buddy/milestones.csv"),
    CsvFile("kintell_users", "kintell/users.csv"),
    CsvFile(
        "kintell_language_sessions",
        "kintell/language-for-ukraine-{month}.csv",
        KINTELL_WINDOW,
        LANGUAGE_DELIMITER,
    ),
    CsvFile(
        "kintell_mentorship_sessions",
        "kintell/mentors-for-ukraine-{month}.csv",
        KINTELL_WINDOW,
        MENTORSHIP_DELIMITER,
    ),
    CsvFile(
        "kintell_sessions", "kintell/kintell-sessions-{older_month}.csv", OLDER, LANGUAGE_DELIMITER
    ),
    CsvFile("upskilling_course_progress", "upskilling/course_progress_{as_of}.csv"),
    CsvFile("upskilling_course_completions", "upskilling/course-completions_{as_of}.csv"),
    CsvFile("upskilling_credentials", "upskilling/credentials_{as_of}.csv"),
    CsvFile("platform_companies", "platform/companies.csv"),
    CsvFile("platform_company_users", "platform/company_users.csv"),
    CsvFile("platform_program_investments", "platform/program_investments.csv"),
    CsvFile("platform_employee_hour_costs", "platform/employee_hour_costs.csv"),
    CsvFile("platform_employment_outcomes", "platform/employment_outcomes.csv"),
    CsvFile("q2q_outcome_scores", "q2q/outcome_scores_{as_of}.csv"),
)
JSON_EXPORT_PATH = "buddy/buddy_export_{older_day}.json"
WEBHOOK_PATH = "buddy/webhooks/events_{month}.jsonl"


@dataclass
class Outputs:
    """Every file of one run: the CSVs by raw table, the Buddy JSON export and the two
    webhook files (the month before as_of's, then as_of's)."""

    csv: dict[str, CsvOut]
    json: JsonExportOut
    hooks: list[JsonlOut]

    def all(self) -> tuple[CsvOut | JsonlOut | JsonExportOut, ...]:
        return (*self.csv.values(), *self.hooks, self.json)


def file_columns(table: RawTable) -> tuple[str, ...]:
    """The table's columns in the order its files write them."""
    columns = list(table.columns)
    for column, after in FILE_ORDER.get(table.name, ()):
        if column not in columns or after not in columns:
            raise ContractError(f"{table.name}: FILE_ORDER names {column} or {after}, unknown")
        columns.remove(column)
        columns.insert(columns.index(after) + 1, column)
    return tuple(columns)


def file_header(table: RawTable, columns: tuple[str, ...]) -> tuple[str, ...]:
    """The header cells of ``columns``, spelled as the table's files spell them."""
    spelling = FILE_SPELLING.get(table.name, {})
    for column, cell in spelling.items():
        if column not in table.columns or normalise(cell) != column:
            raise ContractError(f"{table.name}: header {cell!r} does not land in {column}")
    return tuple(spelling.get(column, column) for column in columns)


def _table(contract: Contract, name: str) -> RawTable:
    try:
        return contract.table(name)
    except KeyError:
        raise ContractError(f"the sources YAML has no raw table {name}") from None


def seed_delimiters(seed: int) -> dict[str, str]:
    language, mentorship = (",", ";") if seed % 2 == 0 else (";", ",")
    return {",": ",", LANGUAGE_DELIMITER: language, MENTORSHIP_DELIMITER: mentorship}


def _metadata(clock: Clock, rng: random.Random, period: str) -> list[tuple[str, str]]:
    """The metadata lines of one CSV; draws its export id."""
    as_of = clock.as_of.isoformat()
    date_range = {
        HISTORY: f"{clock.day(0)} to {as_of}",
        KINTELL_WINDOW: f"{clock.day(clock.kintell_from_day)} to {as_of}",
        OLDER: f"{clock.day(0)} to {clock.day(clock.older_day)}",
    }[period]
    minute = clock.older_export_min if period == OLDER else clock.export_min
    return [
        ("Export ID", uuid4(rng)),
        ("Export Date", clock.ts(minute)),
        ("Date Range", date_range),
    ]


def _csv_outputs(
    contract: Contract, out: Path, clock: Clock, rng: random.Random, seed: int
) -> dict[str, CsvOut]:
    names = {
        "as_of": clock.as_of.isoformat(),
        "month": clock.as_of.isoformat()[:7],
        "older_month": clock.day(clock.older_day)[:7],
    }
    delimiters = seed_delimiters(seed)
    outputs: dict[str, CsvOut] = {}
    for spec in CSV_FILES:
        table = _table(contract, spec.table)
        columns = file_columns(table)
        outputs[spec.table] = CsvOut(
            out / spec.path.format(**names),
            columns,
            file_header(table, columns),
            _metadata(clock, rng, spec.period),
            delimiters[spec.delimiter],
        )
    return outputs


def _json_export(contract: Contract, out: Path, clock: Clock, rng: random.Random) -> JsonExportOut:
    """The older Buddy JSON export, one array per table the contract gives a json_array."""
    [export] = contract.json_exports
    older_day = clock.day(clock.older_day)
    return JsonExportOut(
        out / JSON_EXPORT_PATH.format(older_day=older_day),
        tuple(table.json_array for table in export.tables if table.json_array),
        {
            "export_id": uuid4(rng),
            "export_date": clock.ts(clock.older_export_min),
            "date_range": {"start": clock.day(0), "end": older_day},
            "program_name": "Buddy Program",
            "version": "2.3",
        },
    )


def open_outputs(
    contract: Contract, out: Path, clock: Clock, rng: random.Random, seed: int
) -> Outputs:
    """Open every file of a run; draws the export ids from ``rng``, CSVs first."""
    csv_outputs = _csv_outputs(contract, out, clock, rng, seed)
    json_export = _json_export(contract, out, clock, rng)
    hooks = [JsonlOut(out / WEBHOOK_PATH.format(month=m)) for m in clock.webhook_months]
    return Outputs(csv_outputs, json_export, hooks)
