"""Which DuckDB file ``make demo`` builds an export folder into.

``python -m csr_analytics.demo EXPORTS_DIR`` prints it: the sample exports
(``data/sample_exports``) keep ``csr.duckdb``; any other folder gets a file of its own in
the project folder, ``csr_<folder name>_<8 hex digits>.duckdb``, the digits from the
SHA-256 of the folder's resolved path. So two export folders never land in one database,
and the same folder, however it is spelled, always lands in the same one. Exit 2 when the
folder does not exist.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

from csr_analytics.contract import find_project_dir

SAMPLE_DATABASE = "csr.duckdb"
SAMPLE_EXPORTS = Path("data") / "sample_exports"
NAME_LENGTH = 40


def demo_database(exports_dir: Path, project_dir: Path) -> Path:
    """The DuckDB file of an export folder, in the project folder."""
    folder = exports_dir.resolve()
    if folder == (project_dir / SAMPLE_EXPORTS).resolve():
        return project_dir / SAMPLE_DATABASE
    name = re.sub(r"[^a-z0-9]+", "_", folder.name.lower()).strip("_")[:NAME_LENGTH]
    digest = hashlib.sha256(str(folder).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return project_dir / f"csr_{name or 'exports'}_{digest}.duckdb"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m csr_analytics.demo", description=__doc__)
    parser.add_argument("exports_dir", metavar="EXPORTS_DIR", type=Path)
    parser.add_argument("--project-dir", type=Path, help="dbt project folder")
    arguments = parser.parse_args(argv)
    if not arguments.exports_dir.is_dir():
        print(f"make demo: {arguments.exports_dir} is not a folder", file=sys.stderr)
        return 2
    project_dir = find_project_dir(arguments.project_dir).resolve()
    database = demo_database(arguments.exports_dir, project_dir)
    try:
        print(database.relative_to(Path.cwd().resolve()))
    except ValueError:
        print(database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
