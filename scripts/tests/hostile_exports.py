"""A copy of the sample exports with hostile values injected into otherwise valid rows.

``write_hostile_exports(out)`` copies ``data/sample_exports`` and adds, beside it, one
hostile file per raw table (CSV), one webhook file and one Buddy JSON export, dated
after the sample so that every value that is valid becomes the current observation and
flows into the marts. Each hostile row is a valid sample row with one column replaced:

- generated values for every column of every raw table: the named values of the value
  grammar corpus (every kind, into every column, whatever its type), near-misses of the
  row's own value (characters inserted, deleted or replaced) and nasty text (control
  characters, quotes and separators, SQL, 10,001 characters, right-to-left marks);
- the named scenarios of ``tests/fixtures/hostile_rows.csv`` (the issue's cases), each
  with the reason (or acceptance) it must get.

Every injected row is listed (``Injected``) with where it lands: raw table, file, line.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from csr_analytics.contract import Contract, RawTable, load_contract
from csr_analytics.dev.workspace import PROJECT_DIR, SAMPLE_EXPORTS

CORPUS = PROJECT_DIR / "tests" / "fixtures" / "value_grammar_cases.csv"
SCENARIOS = PROJECT_DIR / "tests" / "fixtures" / "hostile_rows.csv"
EXPORT_DATE = "2025-06-30T03:00:00Z"
HOSTILE_FILES = {  # raw table -> the hostile file's path (a name its contract pattern matches)
    "buddy_users": "buddy/users_hostile.csv",
    "buddy_matches": "buddy/matches_hostile.csv",
    "buddy_events": "buddy/events_hostile.csv",
    "buddy_event_attendance": "buddy/event_attendance_hostile.csv",
    "buddy_skill_sessions": "buddy/skill_sessions_hostile.csv",
    "buddy_checkins": "buddy/checkins_hostile.csv",
    "buddy_feedback": "buddy/feedback_hostile.csv",
    "buddy_milestones": "buddy/milestones_hostile.csv",
    "kintell_users": "kintell/users_hostile.csv",
    "kintell_language_sessions": "kintell/language-for-ukraine-hostile.csv",
    "kintell_mentorship_sessions": "kintell/mentors-for-ukraine-hostile.csv",
    "kintell_sessions": "kintell/kintell-sessions-hostile.csv",
    "platform_companies": "platform/companies_hostile.csv",
    "platform_company_users": "platform/company_users_hostile.csv",
    "platform_program_investments": "platform/program_investments_hostile.csv",
    "platform_employee_hour_costs": "platform/employee_hour_costs_hostile.csv",
    "platform_employment_outcomes": "platform/employment_outcomes_hostile.csv",
    "q2q_outcome_scores": "q2q/outcome_scores_hostile.csv",
    "upskilling_course_progress": "upskilling/course_progress_hostile.csv",
    "upskilling_course_completions": "upskilling/course-completions_hostile.csv",
    "upskilling_credentials": "upskilling/credentials_hostile.csv",
}
WEBHOOK_FILE = "buddy/webhooks/hostile.jsonl"
NASTY = [
    "",
    " ",
    "\t\r\n",
    '"',
    '""',
    "a,b",
    "a;b",
    "line one\nline two",
    "'; drop table raw._loads; --",
    "Robert'); DROP TABLE Students;--",
    "\u202eevil\u202c",
    "\u0007\u001b[31mred",
    "x" * 10_001,
    "\U0001f600" * 3,
    "null",
    "NULL",
    "None",
    "true",
    "[]",
    "{}",
    "-",
    "0",
    "-1",
    "1e309",
    "2025-06-30T10:00:00Z",
    "ann@example.org",
    "\ufeff",
    "\u00a0",
]
NOISE = [
    "0",
    "9",
    "-",
    "+",
    ".",
    ":",
    "T",
    "Z",
    "e",
    "\u00a0",
    "\u200b",
    "\u0661",
    '"',
    "\\",
    "[",
    "]",
    "{",
    "}",
    ",",
    "é",
    "@",
    "x",
    " ",
]


@dataclass(frozen=True)
class Injected:
    """One hostile row: where it lands and what it must get (None: any verdict)."""

    table: str  # raw table (buddy_webhook_events for webhook lines)
    source_file: str
    line: int
    column: str
    value: str
    scenario: str | None = None
    expect: str | None = None  # 'accepted' or a failure code


@dataclass(frozen=True)
class Scenario:
    name: str
    feed: str
    target: str
    fields: tuple[str, ...]
    values: tuple[str, ...]
    copies: int
    expect: str


def corpus_values() -> list[str]:
    """Every value of the value grammar corpus, decoded (see test_value_grammar)."""
    values = []
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            field = row["value"]
            if field.startswith("="):
                values.append(str(eval(field[1:], {"__builtins__": {}}, {})))  # noqa: S307
            else:
                values.append(json.loads(field))
    return values


def scenarios() -> list[Scenario]:
    with SCENARIOS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    result = []
    for row in rows:
        fields = tuple(row["field"].split(";"))
        if row["feed"] == "webhook":
            values: tuple[str, ...] = (row["value"],)  # raw JSON text, inserted as it is
        elif len(fields) > 1:
            values = tuple(json.loads(row["value"]))
        else:
            values = (json.loads(row["value"]),)
        result.append(
            Scenario(
                row["scenario"],
                row["feed"],
                row["target"],
                fields,
                values,
                int(row["copies"]),
                row["expect"],
            )
        )
    return result


def _near_miss(rng: random.Random, value: str) -> str:
    chars = list(value)
    for _ in range(rng.randint(1, 3)):
        where = rng.randint(0, len(chars))
        roll = rng.random()
        if roll < 0.4 or not chars:
            chars.insert(where, rng.choice(NOISE))
        elif roll < 0.7:
            del chars[min(where, len(chars) - 1)]
        else:
            chars[min(where, len(chars) - 1)] = rng.choice(NOISE)
    return "".join(chars)


class ValuePool:
    """Hostile values for one column, drawn from the corpus, near misses and nasty text."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._corpus = corpus_values()

    def draw(self, original: str, count: int) -> Iterator[str]:
        for number in range(count):
            roll = number % 3
            if roll == 0:
                yield self._rng.choice(self._corpus)
            elif roll == 1 and original:
                yield _near_miss(self._rng, original)
            else:
                yield self._rng.choice(NASTY)


# --------------------------------------------------------------------------- CSV


def _sample_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and data rows of a sample CSV (its `#` lines skipped)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(lines, delimiter=delimiter)
    header = next(reader)
    return header, [
        dict(zip(header, row, strict=True)) for row in reader if len(row) == len(header)
    ]


def _sample_file(contract: Contract, table: RawTable) -> Path:
    for path in sorted(SAMPLE_EXPORTS.rglob("*.csv")):
        item = contract.match(path.relative_to(SAMPLE_EXPORTS).as_posix())
        if item is table:
            return path
    raise LookupError(f"no sample CSV lands in {table.name}")


class CsvOut:
    """A hostile CSV file: the sample's header and export metadata, rows appended."""

    def __init__(self, root: Path, relative: str, header: list[str]) -> None:
        self.relative = relative
        self.header = header
        self.rows: list[list[str]] = []
        self.lines: list[int] = []
        self._path = root / relative
        self._next_line = 3  # line 1 `# Export Date`, line 2 the header

    def add(self, row: dict[str, str]) -> int:
        values = [row.get(column, "") for column in self.header]
        line = self._next_line
        buffer = _csv_text([values])
        self._next_line += buffer.count("\n") + buffer.count("\r") - buffer.count("\r\n")
        self.rows.append(values)
        return line

    def write(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        text = f"# Export Date: {EXPORT_DATE}\n" + _csv_text([self.header, *self.rows])
        self._path.write_text(text, encoding="utf-8", newline="")


def _csv_text(rows: list[list[str]]) -> str:
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


# ----------------------------------------------------------------------- webhooks


def _webhook_templates() -> dict[str, dict]:
    templates: dict[str, dict] = {}
    for path in sorted((SAMPLE_EXPORTS / "buddy" / "webhooks").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                envelope = json.loads(line)
            except ValueError:
                continue
            if isinstance(envelope, dict) and isinstance(envelope.get("data"), dict):
                templates.setdefault(envelope["type"], envelope)
    return templates


def _webhook_line(rng: random.Random, template: dict, field: str, raw_json: str) -> str:
    envelope = json.loads(json.dumps(template))
    envelope["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    envelope["data"][field] = "__hostile_value__"
    return json.dumps(envelope, ensure_ascii=False).replace('"__hostile_value__"', raw_json)


# ---------------------------------------------------------------------- assembly


def write_hostile_exports(out: Path, seed: int, values_per_column: int) -> list[Injected]:
    """Write the folder; return every injected row."""
    rng = random.Random(seed)
    shutil.copytree(SAMPLE_EXPORTS, out)
    (out / "README.md").unlink(missing_ok=True)
    contract = load_contract(PROJECT_DIR)
    pool = ValuePool(rng)
    injected: list[Injected] = []
    outputs: dict[str, tuple[CsvOut, list[dict[str, str]]]] = {}
    for table in contract.tables:
        if table.name not in HOSTILE_FILES:
            continue
        header, rows = _sample_rows(_sample_file(contract, table))
        outputs[table.name] = (CsvOut(out, HOSTILE_FILES[table.name], header), rows)
    for name, (output, rows) in outputs.items():
        for column in output.header:
            template = rng.choice(rows)
            for value in pool.draw(template[column], values_per_column):
                line = output.add({**template, column: value})
                injected.append(Injected(name, output.relative, line, column, value))
    webhook_lines: list[str] = []
    templates = _webhook_templates()
    for _, template in sorted(templates.items()):
        for field, original in sorted(template["data"].items()):
            for value in pool.draw(str(original), values_per_column):
                raw = json.dumps(value, ensure_ascii=False)
                webhook_lines.append(_webhook_line(rng, template, field, raw))
                injected.append(
                    Injected("buddy_webhook_events", WEBHOOK_FILE, len(webhook_lines), field, value)
                )
    for scenario in scenarios():
        for copy in range(scenario.copies):
            if scenario.feed == "webhook":
                line = _webhook_line(
                    rng, templates[scenario.target], scenario.fields[0], scenario.values[0]
                )
                webhook_lines.append(line)
                injected.append(
                    Injected(
                        "buddy_webhook_events",
                        WEBHOOK_FILE,
                        len(webhook_lines),
                        scenario.fields[0],
                        scenario.values[0],
                        scenario.name,
                        scenario.expect,
                    )
                )
                continue
            output, rows = outputs[scenario.target]
            row = dict(rows[0])
            row.update(zip(scenario.fields, scenario.values, strict=True))
            if copy:  # copies are distinct rows: move a date so that no key repeats
                _make_distinct(row, copy)
            line = output.add(row)
            injected.append(
                Injected(
                    scenario.target,
                    output.relative,
                    line,
                    scenario.fields[0],
                    scenario.values[0],
                    scenario.name,
                    scenario.expect,
                )
            )
    for output, _ in outputs.values():
        output.write()
    webhooks = out / WEBHOOK_FILE
    webhooks.write_text("".join(line + "\n" for line in webhook_lines), encoding="utf-8")
    return injected


def _make_distinct(row: dict[str, str], copy: int) -> None:
    """Give the n-th copy of a scenario row a key of its own (investments: the period)."""
    if "period_start" in row:
        year = 2000 + copy // 12
        month = copy % 12 + 1
        row["period_start"] = f"{year:04d}-{month:02d}-01"
        row["period_end"] = f"{year:04d}-{month:02d}-28"
    elif "valid_from" in row:
        row["valid_from"] = f"{2000 + copy:04d}-01-01"
        row["valid_to"] = f"{2000 + copy:04d}-12-31"
    elif "event_id" in row:
        row["event_id"] = str(uuid.UUID(int=copy, version=4))
