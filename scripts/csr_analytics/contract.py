"""The raw-layer contract, read from the dbt sources YAML.

The sources files under ``models/staging/*/_*__sources.yml`` are the one place where
raw tables, their columns, the required columns and the file patterns that land in
them are defined. ``csr-load`` reads them from there; dbt documents and tests them.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# The loader's own columns and tables, as csr-load fills them (their data types are the
# `loader` source's: load_contract checks that the YAML declares exactly these names).
LINEAGE_COLUMNS = (
    "_load_id",
    "_source_file",
    "_source_line",
    "_loaded_at",
    "_extra",
    "_export_date",
)
LEDGER_COLUMNS = (
    "load_id",
    "source_file",
    "file_sha256",
    "entity",
    "export_id",
    "export_date",
    "export_date_source",
    "metadata",
    "rows_read",
    "rows_landed",
    "status",
    "error",
    "started_at",
    "finished_at",
    "run_id",
)
REJECTED_LINES_COLUMNS = ("load_id", "source_file", "source_line", "raw_line", "error")
LOAD_ID_SEQUENCE = "_load_id_seq"
LEDGER_TABLE = "_loads"
REJECTED_LINES_TABLE = "_rejected_lines"
RAW_SCHEMA = "raw"
LOADER_SOURCE = "loader"

Columns = tuple[tuple[str, str], ...]  # (name, data type)


class ContractError(Exception):
    """The sources YAML does not describe what csr-load writes."""


@dataclass(frozen=True)
class LoaderTables:
    """The `loader` source: lineage columns of every raw table, ledger, rejected lines."""

    lineage_columns: Columns
    ledger_columns: Columns
    rejected_lines_columns: Columns
    load_id_sequence: str


@dataclass(frozen=True)
class RawTable:
    """One raw table: where its files come from and which columns it has."""

    name: str
    source: str
    file_format: str  # csv | jsonl
    patterns: tuple[str, ...]
    columns: tuple[str, ...]
    required: frozenset[str]
    delimiter: str = ","  # "," or "auto" (detect "," or ";" from the header line)
    json_array: str | None = None  # array name in the Buddy JSON export


@dataclass(frozen=True)
class JsonExport:
    """A JSON file holding several entities (the Buddy JSON export)."""

    source: str
    patterns: tuple[str, ...]
    tables: tuple[RawTable, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Contract:
    tables: tuple[RawTable, ...]
    json_exports: tuple[JsonExport, ...]
    loader: LoaderTables

    def table(self, name: str) -> RawTable:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)

    def match(self, relative_path: str) -> RawTable | JsonExport | None:
        """The table (or JSON export) a file lands in, by its path relative to EXPORTS."""
        path = relative_path.replace("\\", "/").lower()
        hits: list[RawTable | JsonExport] = [
            item
            for item in (*self.tables, *self.json_exports)
            if any(fnmatch.fnmatchcase(path, pattern.lower()) for pattern in item.patterns)
        ]
        if len(hits) > 1:
            names = ", ".join(getattr(hit, "name", "json export") for hit in hits)
            raise ValueError(f"{relative_path}: matches more than one raw table ({names})")
        return hits[0] if hits else None


def find_project_dir(start: Path | None = None) -> Path:
    """The dbt project folder: the first folder from ``start`` upwards with dbt_project.yml,
    else the one this package was installed from."""
    candidates = []
    if start is not None:
        candidates.append(start.resolve())
    candidates.append(Path.cwd().resolve())
    candidates.append(Path(__file__).resolve().parent)
    for candidate in candidates:
        for folder in (candidate, *candidate.parents):
            if (folder / "dbt_project.yml").is_file():
                return folder
    raise FileNotFoundError("no dbt_project.yml found (use --project-dir)")


def _meta(node: dict) -> dict:
    return ((node.get("config") or {}).get("meta") or {}).get("csr_load") or {}


def _typed_columns(nodes: list[dict], where: str) -> Columns:
    columns = []
    for column in nodes:
        data_type = column.get("data_type")
        if not data_type:
            raise ContractError(f"{where}: column {column.get('name')!r} has no data_type")
        columns.append((column["name"], str(data_type)))
    return tuple(columns)


def _loader_tables(source: dict) -> LoaderTables:
    meta = _meta(source)
    tables = {node["name"]: node for node in source.get("tables", [])}
    lineage = _typed_columns(meta.get("lineage_columns", []), "loader source lineage_columns")
    loader = LoaderTables(
        lineage_columns=lineage,
        ledger_columns=_typed_columns(tables[LEDGER_TABLE].get("columns", []), LEDGER_TABLE),
        rejected_lines_columns=_typed_columns(
            tables[REJECTED_LINES_TABLE].get("columns", []), REJECTED_LINES_TABLE
        ),
        load_id_sequence=meta.get("load_id_sequence", ""),
    )
    for label, declared, written in (
        ("lineage_columns", loader.lineage_columns, LINEAGE_COLUMNS),
        (LEDGER_TABLE, loader.ledger_columns, LEDGER_COLUMNS),
        (REJECTED_LINES_TABLE, loader.rejected_lines_columns, REJECTED_LINES_COLUMNS),
    ):
        if tuple(name for name, _ in declared) != written:
            raise ContractError(f"the loader source's {label} must be {', '.join(written)}")
    if loader.load_id_sequence != LOAD_ID_SEQUENCE:
        raise ContractError(f"the loader source's load_id_sequence must be {LOAD_ID_SEQUENCE}")
    return loader


def load_contract(project_dir: Path) -> Contract:
    """Read every raw table that a sources file marks with ``meta.csr_load``, and the
    loader's own tables (the `loader` source)."""
    tables: list[RawTable] = []
    exports: list[JsonExport] = []
    loader: LoaderTables | None = None
    for path in sorted((project_dir / "models" / "staging").glob("*/_*__sources.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for source in document.get("sources", []):
            if source.get("name") == LOADER_SOURCE:
                loader = _loader_tables(source)
                continue
            source_tables: list[RawTable] = []
            for node in source.get("tables", []):
                meta = _meta(node)
                if not meta:
                    continue
                columns = tuple(column["name"] for column in node.get("columns", []))
                required = frozenset(
                    column["name"]
                    for column in node.get("columns", [])
                    if ((column.get("config") or {}).get("meta") or {}).get("required")
                )
                table = RawTable(
                    name=node["name"],
                    source=source["name"],
                    file_format=meta.get("format", "csv"),
                    patterns=tuple(meta.get("files", [])),
                    columns=columns,
                    required=required,
                    delimiter=meta.get("delimiter", ","),
                    json_array=meta.get("json_array"),
                )
                source_tables.append(table)
            tables.extend(source_tables)
            export = _meta(source).get("json_export")
            if export:
                exports.append(
                    JsonExport(
                        source=source["name"],
                        patterns=tuple(export.get("files", [])),
                        tables=tuple(t for t in source_tables if t.json_array),
                    )
                )
    if loader is None:
        raise ContractError(f"no `{LOADER_SOURCE}` source in {project_dir}")
    return Contract(tables=tuple(tables), json_exports=tuple(exports), loader=loader)
