"""The three kinds of file the generator writes, each streamed row by row.

``CsvOut`` (an export CSV: metadata lines, ``# Total Records``, header, rows),
``JsonlOut`` (a webhook file: one envelope per line) and ``JsonExportOut`` (the Buddy JSON
export: ``export_metadata`` with ``record_counts``, then one array per entity). Each
counts its records and the invalid and malformed ones among them.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

# Cells the JSON export writes as native JSON values instead of text.
JSON_COLUMNS = frozenset(("interests", "attendees", "categories", "sdg_goals", "progress",
                          "metadata", "question_responses"))  # fmt: skip
INTEGER_COLUMNS = frozenset(("duration_days", "sessions_completed", "events_attended",
                             "duration_minutes", "attendee_count", "skill_id", "points",
                             "milestone_id", "valuation_points"))  # fmt: skip
_COPY_BUFFER = 1 << 20


class CsvOut:
    """One CSV file: rows streamed to ``<file>.part``, metadata lines added on close.

    ``columns`` are the contract's names in the file's order (the keys of a row);
    ``header`` is how the file spells them.
    """

    def __init__(
        self,
        path: Path,
        columns: tuple[str, ...],
        header: tuple[str, ...],
        meta: list[tuple[str, str]] | None,
        delimiter: str = ",",
    ) -> None:
        self.path = path
        self.columns = columns
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
        self._writer.writerow([values.get(column, "") for column in self.columns])
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
                shutil.copyfileobj(body, out, _COPY_BUFFER)
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


def _native(values: dict[str, str]) -> dict[str, object]:
    """Empty cells become null, integer and JSON cells native values."""
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
    return native


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
        """Write one element of the entity's array, its keys in the order of ``values``."""
        fh = self._fhs[entity]
        if self.counts[entity]:
            fh.write(",\n")
        fh.write("    " + json.dumps(_native(values), ensure_ascii=False))
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
                    shutil.copyfileobj(body, out, _COPY_BUFFER)
                out.write("\n  ]" if self.counts[entity] else "]")
            out.write("\n}\n")
        for part in self.parts.values():
            part.unlink()
