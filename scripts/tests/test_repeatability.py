"""Loading the same exports twice and building twice gives the same marts, row for row."""

from __future__ import annotations

import pytest

from csr_analytics.dev.workspace import SAMPLE_EXPORTS, Workspace

SCHEMAS = ("marts", "data_quality")


@pytest.mark.slow
def test_load_and_build_twice_gives_identical_marts(sample: Workspace) -> None:
    before = sample.checksums(SCHEMAS)
    assert len([name for name in before if name.startswith("marts.")]) >= 10
    assert any(rows for rows, _ in before.values())

    again = sample.load(SAMPLE_EXPORTS)
    assert "loaded 0 rows" not in again.stdout  # every file: already loaded
    assert " 0 loaded (" in again.stdout.splitlines()[-1], again.stdout
    sample.dbt("build")  # a full build: leaves the shared sample as it was

    after = sample.checksums(SCHEMAS)
    assert after.keys() == before.keys()
    changed = [name for name in before if after[name] != before[name]]
    assert changed == [], changed
