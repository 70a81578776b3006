"""csr-load against hostile input: generated files (hypothesis) and a fixed corpus.

Whatever a file holds, the loader keeps its promises (README, exports.md): no traceback,
exit 0 or 1, a rejection names the file and the line, a rejected file leaves no row and
no rejected line behind (its ledger row says ``rejected``), and a loaded file lands every
good row while its bad lines go to ``raw._rejected_lines``.

The loader runs in-process (``main(argv)``) against the test's database; each example
writes its own folder, and the ledger is emptied after it so that equal bytes in a later
example are loaded again rather than skipped as duplicates.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import os
import re
import shutil
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT_DIR, USERS_HEADER, Engine, write_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csr_analytics import load as load_module
from csr_analytics.contract import load_contract
from csr_analytics.load import main
from csr_analytics.load_read import UNSTORABLE, _webhook_row

EXAMPLES = {"duckdb": 500, "postgres": 100}  # PostgreSQL: the COPY path, fewer cases
CORPUS = Path(__file__).parent / "fixtures" / "hostile"
USERS = USERS_HEADER.split(",")
RAW_TABLES = tuple(table.name for table in load_contract(PROJECT_DIR).tables)
HOSTILE_NAMES = [
    'email"); drop table raw._loads; --',
    "id'; delete from raw._loads where '1'='1",
    'a,"b";c',
    "\ufeffid ",
    "名前",
    "",
    "Robert'); DROP TABLE Students;--",
]


@dataclass
class Outcome:
    code: object
    out: str
    err: str
    ledger: list[dict]
    rows: dict[int, list[tuple]] = field(default_factory=dict)  # load_id -> raw rows
    rejected: dict[int, list[tuple]] = field(default_factory=dict)  # load_id -> lines


class Harness:
    """Runs csr-load in-process on one folder per example and reads what it left."""

    def __init__(self, engine: Engine, root: Path) -> None:
        self.engine = engine
        self.root = root
        self.runs = 0

    def run(self, files: dict[str, bytes]) -> Outcome:
        self.runs += 1
        folder = self.root / f"example_{self.runs}"
        write_files(folder, files)
        out, err = io.StringIO(), io.StringIO()
        argv = [str(folder), *self.engine.options(self.engine.name, self.engine.profiles_dir)]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code: object = main(argv)
            except SystemExit as error:
                code = error.code
            except BaseException:  # what a user would see as a traceback
                code = "raised"
                err.write(traceback.format_exc())
        with self.engine.connect() as connection:  # one connection: opening DuckDB costs
            outcome = Outcome(code, out.getvalue(), err.getvalue(), self._ledger(connection))
            ids = ", ".join(str(entry["load_id"]) for entry in outcome.ledger)
            if ids:
                outcome.rows = self._raw_rows(connection, ids)
                outcome.rejected = self._rejected_lines(connection, ids)
            connection.execute("delete from raw._loads")
        shutil.rmtree(folder)
        return outcome

    @staticmethod
    def _ledger(connection: Any) -> list[dict]:
        names = ["load_id", "source_file", "status", "error", "rows_read", "rows_landed"]
        rows = connection.execute(
            f"select {', '.join(names)} from raw._loads order by load_id"
        ).fetchall()
        return [dict(zip(names, row, strict=True)) for row in rows]

    @staticmethod
    def _raw_rows(connection: Any, ids: str) -> dict[int, list[tuple]]:
        union = " union all ".join(
            f"select _load_id, _source_line, '{table}' as t from raw.{table} "
            f"where _load_id in ({ids})"
            for table in RAW_TABLES
        )
        found: dict[int, list[tuple]] = {}
        for load_id, line, table in connection.execute(union).fetchall():
            found.setdefault(load_id, []).append((table, line))
        return found

    @staticmethod
    def _rejected_lines(connection: Any, ids: str) -> dict[int, list[tuple]]:
        found: dict[int, list[tuple]] = {}
        for load_id, source_file, line, error in connection.execute(
            "select load_id, source_file, source_line, error from raw._rejected_lines "
            f"where load_id in ({ids})"
        ).fetchall():
            found.setdefault(load_id, []).append((source_file, line, error))
        return found


def check_promises(outcome: Outcome, relative: str) -> dict:
    """The loader's promises for one file; returns its ledger row."""
    assert "Traceback" not in outcome.out + outcome.err, outcome.err
    assert outcome.code in (0, 1), (outcome.code, outcome.err)
    [entry] = [e for e in outcome.ledger if e["source_file"] == relative]
    rows = outcome.rows.get(entry["load_id"], [])
    rejected = outcome.rejected.get(entry["load_id"], [])
    if entry["status"] == "rejected":
        assert outcome.code == 1
        assert re.match(rf"{re.escape(relative)}, line \d+: \S", entry["error"]), entry["error"]
        assert f"{relative}: rejected: {entry['error']}" in outcome.out
        assert (rows, rejected, entry["rows_landed"]) == ([], [], 0)  # nothing half-lands
    else:
        assert entry["status"] == "loaded", entry
        assert outcome.code == 0, outcome.out
        assert len(rows) == entry["rows_landed"]
        assert entry["rows_read"] == len(rows) + len(rejected)
        assert all(line >= 1 for _, line in rows)
        assert all(f == relative and line >= 1 and error for f, line, error in rejected)
        summary = f"{relative}: loaded {len(rows)} rows ({len(rejected)} lines rejected)"
        assert summary in outcome.out
    return entry


# ------------------------------------------------------------------------ strategies

ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])
NASTY_TEXT = st.text(
    st.one_of(
        st.sampled_from(list(",;\"'\r\n\t #\\") + ["\ufeff", "é", "😀", "\u2028", "-"]),
        st.characters(exclude_characters="\x00", exclude_categories=["Cs"]),
    ),
    max_size=12,
)
FIELD = st.one_of(
    NASTY_TEXT,
    st.sampled_from(["", " ", "null", "NULL", "\\N", '""', "1e999", "' or 1=1 --"]),
)
SIMPLE = st.text(  # a field a bad line can hold unquoted
    st.characters(exclude_characters='\x00,"\r\n', exclude_categories=["Cs"]),
    min_size=1,
    max_size=8,
)


@dataclass
class CsvCase:
    """A users CSV whose good rows and bad lines are known."""

    data: bytes
    good: list[dict[str, str]]  # contract column -> value, in file order
    bad: int


@st.composite
def users_csv(draw: st.DrawFn) -> CsvCase:
    columns = draw(st.permutations(USERS))
    cells = [draw(st.sampled_from([c, c.upper(), f" {c.title()} "])) for c in columns]
    extras = draw(st.lists(st.one_of(st.sampled_from(HOSTILE_NAMES), NASTY_TEXT), max_size=3))
    extras = [e for e in extras if re.sub(r"[^a-z0-9]+", "_", e.lower()).strip("_") not in USERS]
    width = len(cells) + len(extras)
    lines: list[tuple[str, bool]] = []  # (text, is a good row)
    good: list[dict[str, str]] = []
    kinds = st.sampled_from(["good", "good", "bad", "blank", "nul"])
    for kind in draw(st.lists(kinds, max_size=8)):
        if kind == "good":
            values = draw(st.lists(FIELD, min_size=width, max_size=width))
            if draw(st.integers(0, 19)) == 0:  # now and then a huge field
                values[draw(st.integers(0, width - 1))] = "é" * draw(st.integers(1, 300_000))
            good.append(dict(zip(columns, values, strict=False)))
            lines.append((_csv_line(values), True))
        elif kind == "nul":  # a record with a NUL in a field, maybe quoted over lines
            values = draw(st.lists(FIELD, min_size=width, max_size=width))
            position = draw(st.integers(0, width - 1))
            values[position] = draw(NASTY_TEXT) + "\x00" + values[position]
            lines.append((_csv_line(values), False))
        elif kind == "bad":
            count = draw(st.integers(1, width + 4).filter(lambda n, w=width: n != w))
            lines.append((",".join(draw(st.lists(SIMPLE, min_size=count, max_size=count))), False))
        else:
            lines.append(("", False))
    bad = sum(1 for text, is_good in lines if text and not is_good)
    text = _csv_line([*cells, *extras]) + draw(ENDINGS)
    text += "".join(line + draw(ENDINGS) for line, _ in lines)
    if draw(st.booleans()):
        text = f"# Export ID: x\n# Total Records: {len(good) + bad}\n" + text
    data = text.encode("utf-8")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return CsvCase(data, good, bad)


def _csv_line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)  # quotes \r and \n
    return buffer.getvalue()[:-2]


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=6)
    | st.sampled_from(["\x00", "a\ud800", "\udfff", "\\u0000"]),  # stored as text: refused
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=12,
)
USER_ELEMENT = st.fixed_dictionaries({name: JSON_VALUES for name in USERS[:6]}, optional={})


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


@st.composite
def invariant_case(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file judged by the promises alone: noise, truncation, encodings, JSON shapes."""
    kind = draw(
        st.sampled_from(
            ["noise", "truncated", "encoding", "mutated", "json", "json_export", "jsonl", "deep"]
        )
    )
    if kind == "noise":
        relative = draw(
            st.sampled_from(
                [
                    "buddy/users.csv",
                    "kintell/users.csv",
                    "buddy/webhooks/noise.jsonl",
                    "buddy/buddy_export_2025-01-01.json",
                ]
            )
        )
        return relative, draw(st.binary(max_size=600))
    if kind in ("truncated", "encoding", "mutated"):
        data = draw(users_csv()).data
        if kind == "truncated":
            return "buddy/users.csv", data[: draw(st.integers(0, len(data)))]
        if kind == "encoding":
            codec = draw(st.sampled_from(["utf-16", "utf-16-le", "latin-1", "cp1252", "utf-32"]))
            return "buddy/users.csv", data.decode("utf-8").encode(codec, errors="replace")
        position = draw(st.integers(0, len(data)))
        return "buddy/users.csv", data[:position] + draw(st.binary(max_size=4)) + data[position:]
    if kind == "json":
        return "buddy/buddy_export_2025-01-01.json", json.dumps(draw(JSON_VALUES)).encode()
    if kind == "json_export":
        elements = draw(st.lists(st.one_of(USER_ELEMENT, JSON_VALUES), max_size=4))
        document: dict = {"users": elements}
        if draw(st.booleans()):
            document["export_metadata"] = {"record_counts": {"users": len(elements)}}
        return "buddy/buddy_export_2025-01-01.json", json.dumps(document).encode()
    if kind == "jsonl":
        envelope = st.fixed_dictionaries(
            {"id": JSON_VALUES, "type": JSON_VALUES, "timestamp": JSON_VALUES, "data": JSON_VALUES}
        )
        lines = draw(st.lists(st.one_of(envelope, JSON_VALUES).map(json.dumps), max_size=5))
        return "buddy/webhooks/events.jsonl", "\n".join(lines).encode()
    depth = draw(st.integers(1, 3000))
    shape = draw(st.sampled_from(["export", "element", "envelope"]))
    if shape == "export":
        return "buddy/buddy_export_2025-01-01.json", _deep(depth).encode()
    if shape == "element":
        return (
            "buddy/buddy_export_2025-01-01.json",
            f'{{"users":[{{"id":{_deep(depth)}}}]}}'.encode(),
        )
    envelope_text = f'{{"id":{_deep(depth)},"type":"t","timestamp":"t","data":{{}}}}'
    return "buddy/webhooks/deep.jsonl", envelope_text.encode()


CASES = st.one_of(users_csv(), invariant_case())


def check_case(harness: Harness, case: CsvCase | tuple[str, bytes]) -> None:
    if isinstance(case, tuple):
        relative, data = case
        check_promises(harness.run({relative: data}), relative)
        return
    relative = "buddy/users.csv"
    outcome = harness.run({relative: case.data})
    entry = check_promises(outcome, relative)
    assert entry["status"] == "loaded", entry["error"]
    assert (entry["rows_landed"], entry["rows_read"]) == (len(case.good), len(case.good) + case.bad)
    columns = ", ".join(USERS)
    landed = harness.engine.query(
        f"select {columns} from raw.buddy_users where _load_id = {entry['load_id']} "
        "order by _source_line"
    )
    assert landed == [tuple(row[c] for c in USERS) for row in case.good]


def test_generated_hostile_files(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The contract is the project's, not the input: parse its YAML once, not per example.
    monkeypatch.setattr(load_module, "load_contract", functools.cache(load_contract))
    harness = Harness(engine, tmp_path / "examples")
    examples = EXAMPLES[engine.name]

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,  # nothing written to .hypothesis/ in the checkout
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )
    @given(case=CASES)
    def check(case: CsvCase | tuple[str, bytes]) -> None:
        check_case(harness, case)

    check()
    print(f"{engine.name}: {harness.runs} generated files loaded")
    assert harness.runs >= examples


# ---------------------------------------------------------------------- the corpus


def corpus() -> list[dict[str, str]]:
    with (CORPUS / "expectations.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_corpus_lists_every_file() -> None:
    files = {
        path.relative_to(CORPUS).as_posix()
        for path in CORPUS.rglob("*")
        if path.is_file() and path.name != "expectations.csv"
    }
    assert files == {case["file"] for case in corpus()}


@pytest.mark.parametrize("case", corpus(), ids=lambda case: case["file"])
def test_corpus_file(engine: Engine, tmp_path: Path, case: dict[str, str]) -> None:
    relative = case["file"]
    engine.execute("create table keep (x integer)")  # what an injected drop would remove
    outcome = Harness(engine, tmp_path).run({relative: (CORPUS / relative).read_bytes()})

    entry = check_promises(outcome, relative)
    rejected = outcome.rejected.get(entry["load_id"], [])
    assert entry["status"] == case["status"]
    if entry["status"] == "rejected":
        assert case["message"] in entry["error"], entry["error"]
    else:  # the message, when given, is the error of every rejected line
        assert all(case["message"] in error for _, _, error in rejected), rejected
    assert entry["rows_landed"] == int(case["rows_landed"])
    assert len(rejected) == int(case["lines_rejected"])
    assert engine.scalar("select count(*) from keep") == 0


# ------------------------------------------------------------------ regression tests


def test_webhook_nested_beyond_the_encoder_is_a_rejected_line() -> None:
    nested: list = []
    for _ in range(100_000):  # built without recursion; json.dumps cannot write it
        nested = [nested]
    envelope = {"id": nested, "type": "t", "timestamp": "t", "data": {}}

    assert _webhook_row(["event_id"], envelope, "line") == "nested too deeply to store as text"
    assert _webhook_row(["event_id"], {**envelope, "id": "a\ud800"}, "line") == UNSTORABLE
    assert _webhook_row(["event_id"], {**envelope, "id": "a\x00"}, "line") == UNSTORABLE
    assert _webhook_row(["event_id"], {**envelope, "id": "ok"}, "line") == ["ok"]


def test_file_name_not_utf8_is_rejected_and_the_rest_lands(engine: Engine, tmp_path: Path) -> None:
    name = "buddy/users_" + os.fsdecode(b"\xff") + ".csv"  # a byte no UTF-8 name has
    companies = "platform/companies.csv"
    files = {name: b"id\n", companies: b"company_id,company_name\nc1,Acme\n"}

    outcome = Harness(engine, tmp_path).run(files)

    assert outcome.code == 1 and "Traceback" not in outcome.err
    error = "buddy/users_\\udcff.csv: the file name is not valid UTF-8 (rename the file)"
    assert f"buddy/users_\\udcff.csv: rejected: {error}" in outcome.out
    assert [(e["source_file"], e["status"], e["error"]) for e in outcome.ledger] == [
        ("buddy/users_\\udcff.csv", "rejected", error),
        (companies, "loaded", None),
    ]
    assert outcome.rows[outcome.ledger[1]["load_id"]] == [("platform_companies", 2)]
