"""Tests of ``csr-generate`` and of the shipped export sets.

The row rules of ``exports.md`` are re-stated here in plain Python (``check_exports``), as
an independent oracle: it must find exactly the invalid rows that the violations fixture
and the sample's README list, and about 1 % invalid rows in generated exports. It is a
test helper, not the validation itself (that lives in the dbt staging models).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from csr_analytics.contract import JsonExport, RawTable, load_contract
from csr_analytics.generate import generate, main

PROJECT = Path(__file__).resolve().parents[2]
SAMPLE = PROJECT / "data" / "sample_exports"
VIOLATIONS = Path(__file__).resolve().parent / "fixtures" / "violations"
AS_OF = date(2025, 6, 30)

# --------------------------------------------------------------------------- the oracle

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TS_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
INT_RE = re.compile(r"^[+-]?\d+$")
NUM_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$")
DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
CEFR = {"A1", "A2", "B1", "B2", "C1", "C2"}
WHITESPACE = " \t\n\r\u00a0\u2007\u202f\ufeff"
# currencies the shipped fx_rates seed converts: the sample's only such row (8,000 EUR from
# 2025-04-01) has a rate in force; generated invalid rows use CHF, which has none
FX_CURRENCIES = {
    row["currency"]
    for row in csv.DictReader((PROJECT / "seeds" / "fx_rates.csv").open(encoding="utf-8"))
}


def norm_email(value: str) -> str:
    return value.strip(WHITESPACE).lower()


def parse_ts(value: str) -> datetime | None:
    if not TS_RE.match(value):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


# column rules: (column, kind, required, argument)
#   kinds: text (argument = max length), uuid, email, enum (set), enum_ci (set of lower-case),
#   ts (argument = "biz" for a business timestamp), int / num (argument = (min, max)),
#   json_array, json_object, json_any, sdg
REQ, OPT = True, False
BUDDY_RATING = ("num", (0, 1))
RULES: dict[str, list[tuple[str, str, bool, object]]] = {
    "buddy_users": [
        ("id", "uuid", REQ, None), ("email", "email", REQ, None),
        ("first_name", "text", REQ, 100), ("last_name", "text", REQ, 100),
        ("role", "enum", REQ, {"participant", "buddy"}), ("joined_at", "ts", REQ, "biz"),
        ("interests", "json_array", OPT, None), ("left_at", "ts", OPT, None),
    ],
    "buddy_matches": [
        ("match_id", "uuid", REQ, None), ("participant_id", "uuid", REQ, None),
        ("buddy_id", "uuid", REQ, None), ("matched_at", "ts", REQ, "biz"),
        ("status", "enum", REQ, {"active", "inactive", "ended"}), ("ended_at", "ts", OPT, "biz"),
        ("end_reason", "enum", OPT, {"completed", "participant_request", "buddy_request",
                                     "mutual_agreement", "inactivity", "violation",
                                     "program_ended", "other"}),
        ("duration_days", "int", OPT, (0, None)), ("sessions_completed", "int", OPT, (0, None)),
        ("events_attended", "int", OPT, (0, None)),
    ],
    "buddy_events": [
        ("event_id", "uuid", REQ, None), ("match_id", "uuid", REQ, None),
        ("event_type", "text", REQ, None), ("event_date", "ts", REQ, "biz"),
        ("attendees", "json_array", OPT, None),
    ],
    "buddy_event_attendance": [
        ("event_id", "uuid", REQ, None), ("user_id", "uuid", REQ, None),
        ("event_title", "text", REQ, 200),
        ("event_type", "enum", REQ, {"cultural", "educational", "professional", "social",
                                     "support", "recreational", "language", "other"}),
        ("event_format", "enum", REQ, {"in-person", "online", "hybrid"}),
        ("attended_at", "ts", REQ, "biz"), ("match_id", "uuid", OPT, None),
        ("duration_minutes", "int", OPT, (1, None)), ("attendee_count", "int", OPT, (1, None)),
        ("organizer", "text", OPT, 100), ("categories", "json_array", OPT, None),
        ("sdg_goals", "sdg", OPT, None),
    ],
    "buddy_skill_sessions": [
        ("session_id", "uuid", REQ, None), ("skill_id", "int", REQ, (1, None)),
        ("skill_name", "text", REQ, None), ("teacher_id", "uuid", REQ, None),
        ("learner_id", "uuid", REQ, None), ("completed_at", "ts", REQ, "biz"),
        ("match_id", "uuid", OPT, None), ("scheduled_at", "ts", OPT, None),
        ("duration_minutes", "int", OPT, (1, None)),
        ("proficiency_level", "enum", OPT, {"beginner", "intermediate", "advanced"}),
        ("teacher_rating", *BUDDY_RATING[:1], OPT, BUDDY_RATING[1]),
        ("learner_rating", *BUDDY_RATING[:1], OPT, BUDDY_RATING[1]),
        ("learner_progress", "enum", OPT, {"no-progress", "some-progress", "good-progress",
                                           "excellent-progress"}),
        ("sdg_goals", "sdg", OPT, None), ("valuation_points", "int", OPT, (1, None)),
    ],
    "buddy_checkins": [
        ("checkin_id", "uuid", REQ, None), ("match_id", "uuid", REQ, None),
        ("checkin_date", "ts", REQ, "biz"),
        ("mood", "enum", OPT, {"great", "good", "okay", "struggling", "difficult"}),
        ("question_responses", "json_object", OPT, None),
    ],
    "buddy_feedback": [
        ("feedback_id", "uuid", REQ, None), ("match_id", "uuid", REQ, None),
        ("from_role", "enum", REQ, {"participant", "buddy"}), ("rating", "num", REQ, (0, 1)),
        ("submitted_at", "ts", REQ, "biz"), ("communication", "num", OPT, (0, 1)),
        ("helpfulness", "num", OPT, (0, 1)), ("engagement", "num", OPT, (0, 1)),
    ],
    "buddy_milestones": [
        ("milestone_id", "int", REQ, (1, None)), ("user_id", "uuid", REQ, None),
        ("milestone_title", "text", REQ, None),
        ("milestone_category", "enum", REQ, {"onboarding", "cultural", "language", "community",
                                             "professional", "skills", "events",
                                             "buddy-connection", "impact", "completion",
                                             "other"}),
        ("reached_at", "ts", REQ, "biz"), ("points", "int", REQ, (0, None)),
        ("target_role", "enum", OPT, {"participant", "buddy", "all"}),
        ("progress", "json_object", OPT, None), ("metadata", "json_object", OPT, None),
    ],
    "kintell_users": [("email", "email", REQ, None)],
    "kintell_language_sessions": [
        ("session_id", "text", REQ, None), ("participant_email", "email", REQ, None),
        ("volunteer_email", "email", REQ, None), ("scheduled_at", "ts", REQ, "old"),
        ("completed_at", "ts", OPT, "biz"), ("duration_minutes", "int", OPT, (1, 480)),
        ("rating", "num", OPT, (1, 5)), ("feedback_text", "text", OPT, 5000),
        ("language_level", "enum_ci", OPT, {c.lower() for c in CEFR}),
        ("metadata", "json_any", OPT, None),
    ],
    "kintell_mentorship_sessions": [
        ("session_id", "text", REQ, None), ("participant_email", "email", REQ, None),
        ("mentor_email", "email", REQ, None), ("scheduled_at", "ts", REQ, "old"),
        ("completed_at", "ts", OPT, "biz"), ("duration_minutes", "int", OPT, (1, 480)),
        ("rating", "num", OPT, (1, 5)), ("feedback_text", "text", OPT, 5000),
        ("metadata", "json_any", OPT, None),
    ],
    "kintell_sessions": [
        ("session_id", "text", REQ, None),
        ("session_type", "enum_ci", REQ, {"language connect", "mentorship"}),
        ("participant_email", "email", REQ, None), ("volunteer_email", "email", REQ, None),
        ("date", "ts", REQ, "biz_old"), ("duration_min", "int", OPT, (1, 480)),
        ("rating", "num", OPT, (1, 5)), ("feedback_text", "text", OPT, 5000),
        ("language_level", "enum_ci", OPT, {c.lower() for c in CEFR}),
    ],
    "upskilling_course_progress": [
        ("user_email", "email", REQ, None),
        ("provider", "enum", REQ, {"ecornell", "itslearning", "generic"}),
        ("course_id", "text", REQ, None), ("course_name", "text", REQ, None),
        ("status", "enum", REQ, {"enrolled", "in_progress", "completed", "dropped"}),
        ("progress_percent", "int", OPT, (0, 100)), ("started_at", "ts", OPT, None),
        ("completed_at", "ts", OPT, None), ("updated_at", "ts", REQ, "biz"),
        ("final_score", "num", OPT, (0, 100)),
    ],
    "upskilling_course_completions": [
        ("user_email", "email", REQ, None),
        ("provider", "enum", REQ, {"ecornell", "itslearning", "generic"}),
        ("course_id", "text", REQ, None), ("course_name", "text", REQ, None),
        ("completed_at", "ts", REQ, "biz"), ("final_score", "num", OPT, (0, 100)),
    ],
    "upskilling_credentials": [
        ("credential_id", "text", REQ, None), ("user_email", "email", REQ, None),
        ("provider", "text", REQ, None),
        ("credential_type", "enum", REQ, {"certificate", "badge", "diploma", "transcript"}),
        ("issued_at", "ts", REQ, "biz"), ("expires_at", "ts", OPT, None),
    ],
    "platform_companies": [
        ("company_id", "text", REQ, None), ("company_name", "text", REQ, None),
        ("country", "country", OPT, None),
    ],
    "platform_company_users": [
        ("company_id", "text", REQ, None), ("user_email", "email", REQ, None),
        ("joined_at", "ts", OPT, None), ("left_at", "ts", OPT, None),
    ],
    "platform_program_investments": [
        ("company_id", "text", REQ, None), ("program_type", "text", REQ, None),
        ("input_type", "enum", REQ, {"cash", "in_kind", "management"}),
        ("amount", "num", REQ, (0, None)), ("currency", "currency", REQ, None),
        ("period_start", "ts", REQ, None), ("period_end", "ts", REQ, None),
    ],
    "platform_employee_hour_costs": [
        ("company_id", "text", REQ, None), ("hourly_cost", "num", REQ, (None, None)),
        ("currency", "currency", REQ, None), ("valid_from", "ts", OPT, None),
        ("valid_to", "ts", OPT, None),
    ],
    "platform_employment_outcomes": [
        ("user_email", "email", REQ, None), ("employed_at", "ts", REQ, "biz"),
    ],
    "q2q_outcome_scores": [
        ("user_email", "email", REQ, None),
        ("dimension", "enum", REQ, {"confidence", "belonging", "lang_level_proxy",
                                    "job_readiness", "well_being"}),
        ("score", "num", REQ, (0, 1)), ("measured_at", "ts", REQ, "biz"),
        ("text_type", "enum", OPT, {"buddy_feedback", "kintell_feedback", "checkin_note",
                                    "skill_feedback"}),
    ],
}  # fmt: skip

# webhook type -> (raw table, camelCase field -> column)
WEBHOOKS: dict[str, tuple[str, dict[str, str]]] = {
    "buddy.match.created": ("buddy_matches", {}),
    "buddy.match.ended": ("buddy_matches", {"reason": "end_reason", "duration": "duration_days"}),
    "buddy.event.logged": ("buddy_events", {}),
    "buddy.event.attended": ("buddy_event_attendance", {}),
    "buddy.skill_share.completed": ("buddy_skill_sessions", {}),
    "buddy.checkin.completed": ("buddy_checkins", {}),
    "buddy.feedback.submitted": ("buddy_feedback", {}),
    "buddy.milestone.reached": ("buddy_milestones", {}),
}


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value)


@dataclass
class Row:
    file: str
    line: int
    table: str
    values: dict[str, str]
    export_date: datetime | None
    feed: str = "export"
    webhook_type: str = ""
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Report:
    rows: list[Row]
    malformed: list[tuple[str, int]]  # lines the loader keeps in _rejected_lines
    unrecognised: list[str]
    file_errors: list[str]  # reasons a file would be rejected as a whole

    def rejections(self) -> list[tuple[str, int, str]]:
        return sorted((r.file, r.line, f) for r in self.rows for f in r.failures)

    def warnings(self) -> list[tuple[str, int, str]]:
        return sorted((r.file, r.line, w) for r in self.rows for w in r.warnings)


def header_name(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip(WHITESPACE).lower())


def read_csv(path: Path, rel: str, table: RawTable, report: Report) -> None:
    text = path.read_text(encoding="utf-8-sig")
    lines = text.split("\n")
    meta: dict[str, str] = {}
    skip = 0
    while skip < len(lines) and lines[skip].startswith("#"):
        key, _, value = lines[skip][1:].partition(":")
        meta[key.strip().lower()] = value.strip()
        skip += 1
    body = "\n".join(lines[skip:])
    header_line = lines[skip] if skip < len(lines) else ""
    delimiter = ","
    if table.delimiter == "auto" and header_line.count(";") > header_line.count(","):
        delimiter = ";"
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    header = [header_name(h) for h in next(reader)]
    missing = table.required - set(header)
    if missing:
        report.file_errors.append(f"{rel}: missing required columns {sorted(missing)}")
    export_date = parse_ts(meta.get("export date", ""))
    if export_date is None:
        named = DATE_IN_NAME.search(path.name)
        export_date = parse_ts(named.group(1)) if named else None
    records = 0
    previous_end = reader.line_num
    for fields in reader:
        start = previous_end + 1 + skip
        previous_end = reader.line_num
        if not fields:
            continue
        records += 1
        if len(fields) != len(header):
            report.malformed.append((rel, start))
            continue
        values = dict(zip(header, fields, strict=True))
        report.rows.append(Row(rel, start, table.name, values, export_date))
    if "total records" in meta and int(meta["total records"]) != records:
        report.file_errors.append(f"{rel}: Total Records {meta['total records']} != {records}")


def read_json_export(path: Path, rel: str, export: JsonExport, report: Report) -> None:
    document = json.loads(path.read_text(encoding="utf-8-sig"))
    meta = document["export_metadata"]
    export_date = parse_ts(meta.get("export_date", ""))
    for table in export.tables:
        elements = document.get(table.json_array, [])
        expected = meta.get("record_counts", {}).get(table.json_array)
        if expected is not None and expected != len(elements):
            report.file_errors.append(f"{rel}: record_counts[{table.json_array}] mismatch")
        for position, element in enumerate(elements, start=1):
            values = {header_name(k): as_text(v) for k, v in element.items()}
            report.rows.append(Row(rel, position, table.name, values, export_date))
    for name, expected in meta.get("record_counts", {}).items():
        if len(document.get(name, [])) != expected:
            report.file_errors.append(f"{rel}: record_counts[{name}] mismatch")


def read_webhooks(path: Path, rel: str, report: Report, seen: set[str]) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            envelope = json.loads(line)
        except json.JSONDecodeError:
            report.malformed.append((rel, number))
            continue
        if not isinstance(envelope, dict) or any(
            k not in envelope for k in ("id", "type", "timestamp", "data")
        ):
            report.malformed.append((rel, number))
            continue
        if envelope["id"] in seen:
            continue  # a duplicate delivery counts once
        seen.add(envelope["id"])
        kind = envelope["type"]
        if kind not in WEBHOOKS:
            row = Row(rel, number, "buddy_webhook_events", {}, None, "webhook", kind)
            row.warnings.append("unknown_type:event_type")
            report.rows.append(row)
            continue
        table, renames = WEBHOOKS[kind]
        values: dict[str, str] = {}
        for key, value in envelope["data"].items():
            if isinstance(value, dict) and key in ("feedback", "categories"):
                for inner, inner_value in value.items():
                    values[snake(inner)] = as_text(inner_value)
            else:
                values[renames.get(key, snake(key))] = as_text(value)
        if kind == "buddy.match.created":
            values["status"] = "active"
        elif kind == "buddy.match.ended":
            values["status"] = "ended"
        report.rows.append(Row(rel, number, table, values, None, "webhook", kind))


# failure codes name the entity's column where a file's column is renamed in staging
# (the same convention as webhooks: camelCase field -> entity column)
CODE_COLUMNS: dict[tuple[str, str], dict[str, str]] = {
    ("kintell_sessions", "date"): {"in_future": "completed_at", "": "scheduled_at"},
    ("kintell_sessions", "duration_min"): {"": "duration_minutes"},
    ("kintell_mentorship_sessions", "mentor_email"): {"": "volunteer_email"},
    ("upskilling_course_completions", "completed_at"): {"in_future": "updated_at"},
}


def code(table: str, rule: str, column: str) -> str:
    names = CODE_COLUMNS.get((table, column), {})
    return f"{rule}:{names.get(rule, names.get('', column))}"


def check_value(row: Row, column: str, kind: str, required: bool, arg: object) -> None:
    value = row.values.get(column, "")
    if kind in ("uuid", "email"):
        value = value.strip(WHITESPACE).lower() if kind == "email" else value.lower()
    if value == "":
        if required and not (row.webhook_type == "buddy.match.ended" and column == "matched_at"):
            row.failures.append(code(row.table, "missing", column))
        return
    fail = None
    if kind == "uuid" and not UUID_RE.match(value):
        fail = "invalid_uuid"
    elif kind == "email" and not EMAIL_RE.match(value):
        fail = "invalid_email"
    elif kind == "text" and arg is not None and len(value) > int(arg):  # type: ignore[arg-type]
        fail = "too_long"
    elif kind in ("enum", "enum_ci", "country"):
        if kind == "country":
            known = bool(re.fullmatch(r"[A-Z]{2}", value))
        else:
            known = (value.lower() if kind == "enum_ci" else value) in arg  # type: ignore[operator]
        fail = None if known else "invalid_enum"
    elif kind == "currency" and value != "USD" and value not in FX_CURRENCIES:
        fail = "unsupported_currency"
    elif kind in ("int", "num"):
        pattern = INT_RE if kind == "int" else NUM_RE
        if not pattern.match(value):
            fail = "invalid_integer" if kind == "int" else "invalid_number"
        else:
            low, high = arg  # type: ignore[misc]
            number = float(value)
            if (low is not None and number < low) or (high is not None and number > high):
                fail = "out_of_range"
    elif kind in ("json_array", "json_object", "json_any", "sdg"):
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            fail = "invalid_json"
        else:
            wanted = {"json_array": list, "sdg": list, "json_object": dict}.get(kind, object)
            if not isinstance(parsed, wanted):
                fail = "invalid_json"
            elif kind == "sdg" and not all(
                isinstance(g, int) and not isinstance(g, bool) and 1 <= g <= 17 for g in parsed
            ):
                fail = "out_of_range"
    elif kind == "ts":
        parsed_ts = parse_ts(value)
        if parsed_ts is None:
            fail = "invalid_timestamp"
        elif row.feed == "export" and row.export_date is not None:
            if arg in ("biz", "biz_old") and parsed_ts > row.export_date + timedelta(hours=24):
                fail = "in_future"
            elif arg in ("old", "biz_old") and parsed_ts < row.export_date.replace(
                year=row.export_date.year - 10
            ):
                fail = "too_old"
    if fail:
        row.failures.append(code(row.table, fail, column))


def ts_of(row: Row, column: str) -> datetime | None:
    return parse_ts(row.values.get(column, ""))


def check_exports(root: Path) -> Report:
    """Read every file of an export folder and judge every row by the rules of exports.md."""
    contract = load_contract(PROJECT)
    report = Report([], [], [], [])
    seen: set[str] = set()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        target = contract.match(rel)
        if target is None:
            report.unrecognised.append(rel)
        elif isinstance(target, JsonExport):
            read_json_export(path, rel, target, report)
        elif target.file_format == "jsonl":
            read_webhooks(path, rel, report, seen)
        else:
            read_csv(path, rel, target, report)
    by_table: dict[str, list[Row]] = defaultdict(list)
    for row in report.rows:
        by_table[row.table].append(row)
        for column, kind, required, arg in RULES.get(row.table, []):
            check_value(row, column, kind, required, arg)
    cross_checks(by_table)
    return report


def cross_checks(t: dict[str, list[Row]]) -> None:
    def ok(row: Row, column: str) -> bool:
        return not any(f.endswith(f":{column}") for f in row.failures)

    # Buddy users: accepted ids, and the email of each id in its latest export
    users: dict[str, tuple[datetime, str, str]] = {}
    for row in t["buddy_users"]:
        if not row.failures:
            key = row.values["id"].lower()
            seen = row.export_date or datetime.min.replace(tzinfo=UTC)
            if key not in users or seen >= users[key][0]:
                users[key] = (seen, norm_email(row.values["email"]), row.values["role"])

    def side(row: Row, column: str) -> tuple[str, str] | None:
        return users.get(row.values.get(column, "").lower(), (None, "", ""))[1:]  # type: ignore[return-value]

    for row in t["buddy_matches"]:
        v = row.values
        if v.get("status") == "ended":
            for column in ("ended_at", "end_reason"):
                if not v.get(column) and f"missing:{column}" not in row.failures:
                    row.failures.append(f"missing:{column}")
        start, end = ts_of(row, "matched_at"), ts_of(row, "ended_at")
        if start and end and end < start:
            row.failures.append("before_start:ended_at")
        for column in ("participant_id", "buddy_id"):
            if v.get(column) and ok(row, column) and v[column].lower() not in users:
                row.failures.append(f"orphan:{column}")
        p_email, b_email = side(row, "participant_id")[0], side(row, "buddy_id")[0]
        if p_email and p_email == b_email:
            row.failures.append("self_reference:buddy_id")
        if not row.failures:
            if side(row, "participant_id")[1] == "buddy":
                row.warnings.append("role_mismatch:participant_id")
            if side(row, "buddy_id")[1] == "participant":
                row.warnings.append("role_mismatch:buddy_id")
            days = v.get("duration_days", "")
            if start and end and days and int(days) != (end.date() - start.date()).days:
                row.warnings.append("duration_mismatch:duration_days")
    matches = {r.values["match_id"].lower() for r in t["buddy_matches"] if not r.failures}

    for row in t["buddy_events"]:
        if not row.failures and row.values["match_id"].lower() not in matches:
            row.warnings.append("unknown_match:match_id")
    for table in ("buddy_checkins", "buddy_feedback"):
        for row in t[table]:
            mid = row.values.get("match_id", "")
            if mid and ok(row, "match_id") and mid.lower() not in matches:
                row.failures.append("orphan:match_id")
    for table, columns in (
        ("buddy_event_attendance", ("user_id",)),
        ("buddy_milestones", ("user_id",)),
        ("buddy_skill_sessions", ("teacher_id", "learner_id")),
    ):
        for row in t[table]:
            for column in columns:
                value = row.values.get(column, "")
                if value and ok(row, column) and value.lower() not in users:
                    row.failures.append(f"orphan:{column}")
    for row in t["buddy_skill_sessions"]:
        teacher, learner = side(row, "teacher_id")[0], side(row, "learner_id")[0]
        if teacher and teacher == learner:
            row.failures.append("self_reference:learner_id")

    # Kintell
    programs: dict[str, set[str]] = defaultdict(set)
    sessions: list[tuple[Row, str]] = []
    for table, program in (
        ("kintell_language_sessions", "language"),
        ("kintell_mentorship_sessions", "mentorship"),
        ("kintell_sessions", ""),
    ):
        for row in t[table]:
            v = row.values
            if table != "kintell_sessions":
                start, end = ts_of(row, "scheduled_at"), ts_of(row, "completed_at")
                if start and end and end < start:
                    row.failures.append("before_start:completed_at")
                if v.get("completed_at") and not v.get("duration_minutes"):
                    row.failures.append("missing:duration_minutes")
            else:
                kind = v.get("session_type", "").lower()
                program = {"language connect": "language", "mentorship": "mentorship"}.get(kind, "")
            if v.get("session_id") and program:
                programs[v["session_id"]].add(program)
                sessions.append((row, v["session_id"]))
    for row, session_id in sessions:
        if len(programs[session_id]) > 1:
            row.failures.append("in_both_programs:session_id")

    # upskilling
    for row in t["upskilling_course_progress"]:
        if row.values.get("status") == "completed" and not row.values.get("completed_at"):
            row.failures.append("missing:completed_at")
    for row in t["upskilling_credentials"]:
        start, end = ts_of(row, "issued_at"), ts_of(row, "expires_at")
        if start and end and end < start:
            row.failures.append("before_start:expires_at")

    # platform
    for row in t["platform_program_investments"]:
        start, end = ts_of(row, "period_start"), ts_of(row, "period_end")
        if start and end and end < start:
            row.failures.append("before_start:period_end")
    memberships: dict[str, list[Row]] = defaultdict(list)
    for row in t["platform_company_users"]:
        if not row.failures:
            memberships[norm_email(row.values["user_email"])].append(row)
    low = datetime.min.replace(tzinfo=UTC)
    high = datetime.max.replace(tzinfo=UTC)
    for rows in memberships.values():
        for a in rows:
            for b in rows:
                if a is b:
                    continue
                a0, a1 = ts_of(a, "joined_at") or low, ts_of(a, "left_at") or high
                b0, b1 = ts_of(b, "joined_at") or low, ts_of(b, "left_at") or high
                if a0 < b1 and b0 < a1 and "overlapping_membership:joined_at" not in a.warnings:
                    a.warnings.append("overlapping_membership:joined_at")


def read_expected(path: Path) -> list[tuple[str, int, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return sorted(
            (r["source_file"], int(r["source_line"]), r["reason"]) for r in csv.DictReader(fh)
        )


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate(1000, 11, out, AS_OF)
    return out


def all_files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


# --------------------------------------------------------------------------- generator tests


def test_same_arguments_give_byte_identical_files(tmp_path: Path) -> None:
    generate(200, 5, tmp_path / "a", AS_OF)
    generate(200, 5, tmp_path / "b", AS_OF)
    first, second = all_files(tmp_path / "a"), all_files(tmp_path / "b")
    assert first == second
    assert not [name for name in first if name.endswith(".part")]


def test_another_seed_gives_other_data_and_kintell_delimiters_alternate(tmp_path: Path) -> None:
    generate(200, 5, tmp_path / "odd", AS_OF)
    generate(200, 6, tmp_path / "even", AS_OF)
    assert all_files(tmp_path / "odd") != all_files(tmp_path / "even")
    for seed, folder in ((5, "odd"), (6, "even")):
        for name, delimiter in (("language-for-ukraine", ";"), ("mentors-for-ukraine", ",")):
            path = next((tmp_path / folder / "kintell").glob(f"{name}-*.csv"))
            header = [line for line in path.read_text().splitlines() if not line.startswith("#")][0]
            expected = delimiter if seed % 2 else ("," if delimiter == ";" else ";")
            assert expected in header, (seed, name)


def test_every_file_is_recognised_and_has_its_required_columns(generated: Path) -> None:
    report = check_exports(generated)
    assert report.unrecognised == []
    assert report.file_errors == []
    contract = load_contract(PROJECT)
    names = set(all_files(generated))
    matched = {contract.match(name) for name in names}
    tables = {m.name for m in matched if isinstance(m, RawTable)}
    assert tables == {t.name for t in contract.tables}
    assert any(isinstance(m, JsonExport) for m in matched)


def test_total_records_equals_data_records(generated: Path) -> None:
    for path in sorted(generated.rglob("*.csv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        total = int(
            next(line for line in lines if line.startswith("# Total Records:")).split(":")[1]
        )
        body = "\n".join(line for line in lines if not line.startswith("#"))
        delimiter = ";" if body.split("\n", 1)[0].count(";") > 1 else ","
        records = list(csv.reader(io.StringIO(body), delimiter=delimiter))
        assert total == len(records) - 1, path.name
        assert "# Export Date: 2025-06-30T02:00:00Z" in lines or "2025-03" in path.name


def test_proportions_are_roughly_as_intended(generated: Path) -> None:
    report = check_exports(generated)
    people: dict[str, set[str]] = defaultdict(set)  # program -> emails
    volunteers: dict[str, set[str]] = defaultdict(set)
    emails_of = {}
    for row in report.rows:
        if row.table == "buddy_users" and row.feed == "export" and row.file.endswith(".csv"):
            email = norm_email(row.values["email"])
            emails_of[row.values["id"].lower()] = email
            people["buddy"].add(email)
            if row.values["role"] == "buddy":
                volunteers["buddy"].add(email)
        elif row.table in ("kintell_language_sessions", "kintell_mentorship_sessions"):
            program = "language" if "language" in row.table else "mentorship"
            side = "volunteer_email" if program == "language" else "mentor_email"
            people[program].add(norm_email(row.values["participant_email"]))
            people[program].add(norm_email(row.values[side]))
            volunteers[program].add(norm_email(row.values[side]))
        elif row.table == "kintell_sessions":
            program = (
                "language" if "language" in row.values["session_type"].lower() else "mentorship"
            )
            people[program].add(norm_email(row.values["participant_email"]))
            people[program].add(norm_email(row.values["volunteer_email"]))
            volunteers[program].add(norm_email(row.values["volunteer_email"]))
        elif row.table.startswith("upskilling_"):
            people["upskilling"].add(norm_email(row.values["user_email"]))
    everyone = set().union(*people.values())
    share = {p: len(e) / 1000 for p, e in people.items()}
    # Kintell shares are a bit lower: people without a pair have no session
    assert 0.38 <= share["buddy"] <= 0.52, share
    assert 0.20 <= share["language"] <= 0.34, share
    assert 0.12 <= share["mentorship"] <= 0.24, share
    assert 0.18 <= share["upskilling"] <= 0.30, share
    assert 0.85 <= len(everyone) / 1000 <= 1.0
    per_person = Counter(email for emails in people.values() for email in emails)
    counts = Counter(per_person.values())
    assert counts[1] > 0.7 * len(per_person) and counts[2] > 0 and counts[3] > 0, counts
    for program in ("buddy", "language", "mentorship"):
        ratio = len(volunteers[program]) / len(people[program])
        assert 0.3 <= ratio <= 0.6, (program, ratio)


def test_about_one_percent_of_rows_are_invalid(generated: Path) -> None:
    report = check_exports(generated)
    invalid = {(r.file, r.line) for r in report.rows if r.failures}
    total = len(report.rows) + len(report.malformed)
    share = (len(invalid) + len(report.malformed)) / total
    assert 0.005 <= share <= 0.02, share
    kinds = Counter(f.split(":")[0] for r in report.rows for f in r.failures)
    assert len(kinds) >= 10, kinds
    assert report.malformed, "some malformed lines"
    assert any("unknown_type:event_type" in r.warnings for r in report.rows)


def test_webhooks_overlap_the_export_and_are_delivered_more_than_once(generated: Path) -> None:
    ids: Counter[str] = Counter()
    files_of: dict[str, set[str]] = defaultdict(set)
    types = set()
    for path in sorted((generated / "buddy" / "webhooks").glob("*.jsonl")):
        for line in path.read_text().splitlines():
            try:
                envelope = json.loads(line)
            except json.JSONDecodeError:
                continue
            ids[envelope["id"]] += 1
            files_of[envelope["id"]].add(path.name)
            types.add(envelope["type"])
    assert set(WEBHOOKS) <= types
    duplicated = sum(1 for n in ids.values() if n > 1) / len(ids)
    assert 0.02 <= duplicated <= 0.09, duplicated
    assert any(len(f) > 1 for f in files_of.values()), "a redelivery in the next file"


def test_as_of_moves_the_export_dates(tmp_path: Path) -> None:
    generate(50, 1, tmp_path, date(2024, 12, 31))
    users = (tmp_path / "buddy" / "users.csv").read_text()
    assert "# Export Date: 2024-12-31T02:00:00Z" in users
    assert (tmp_path / "buddy" / "buddy_export_2024-10-01.json").is_file()
    assert (tmp_path / "upskilling" / "course_progress_2024-12-31.csv").is_file()


def test_help_and_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "--people" in capsys.readouterr().out
    assert main(["--people", "0", "--out", str(tmp_path)]) == 2
    lines: list[str] = []
    assert main(["--people", "20", "--seed", "3", "--out", str(tmp_path)], echo=lines.append) == 0
    assert lines[-1].startswith("20 people, 24 files")


# --------------------------------------------------------------------------- shipped export sets


def test_violations_fixture_breaks_each_rule_once() -> None:
    report = check_exports(VIOLATIONS)
    assert report.file_errors == []
    assert report.unrecognised == ["README.md", "expected_rejections.csv", "expected_warnings.csv"]
    assert report.malformed == []
    expected = read_expected(VIOLATIONS / "expected_rejections.csv")
    assert report.rejections() == expected
    lines = Counter((f, n) for f, n, _ in expected)
    assert max(lines.values()) == 1, "one reason per violating row"
    assert report.warnings() == read_expected(VIOLATIONS / "expected_warnings.csv")


def readme_table(path: Path, heading: str) -> list[tuple[str, int, str]]:
    """Rows ``| file | line | reason | ... |`` of the table under ``heading``."""
    text = path.read_text(encoding="utf-8").split(heading, 1)[1]
    rows = []
    for line in text.splitlines()[1:]:
        if line.startswith("#"):
            break
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[1].isdigit():
            rows.append((cells[0], int(cells[1]), cells[2]))
    return sorted(rows)


def test_sample_exports_match_their_readme() -> None:
    report = check_exports(SAMPLE)
    assert report.file_errors == []
    assert report.unrecognised == ["README.md"]
    readme = SAMPLE / "README.md"
    assert report.rejections() == readme_table(readme, "## Intended invalid rows")
    assert report.warnings() == readme_table(readme, "## Intended warnings")
    assert [(f, n, "malformed") for f, n in report.malformed] == readme_table(
        readme, "## Malformed lines"
    )
