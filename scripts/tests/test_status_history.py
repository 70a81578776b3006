"""The status history against real builds: its rows at a date d are what a build with
``as_of_date = d`` publishes in fct_program_enrollments, for three past month ends of the
sample, on each engine.

The shared sample build (as_of_date 2025-06-30) holds the history. The test then rebuilds
the enrollment models (everything upstream of fct_program_enrollments but staging, which
does not depend on as_of_date) at each past date, reads fct_program_enrollments, and in the
end rebuilds them at the sample's as_of_date, leaving the marts as it found them.
"""

from __future__ import annotations

from typing import Any

import pytest

from csr_analytics.dev.workspace import AS_OF, Workspace

DATES = ("2024-12-31", "2025-02-28", "2025-04-30")
COLUMNS = (
    "enrollment_id, csr_user_id, program_type, role, csr_role, enrolled_at, status,"
    " status_reason, status_rule, completed_at, last_activity_at, spells_count,"
    " open_spells_count"
)
ENROLLMENT_MODELS = ("--select", "+fct_program_enrollments", "--exclude", "path:models/staging")


def rows_by_enrollment(rows: list[tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    return {row[0]: row for row in rows}


@pytest.mark.slow
def test_history_at_a_date_is_the_build_at_that_date(sample: Workspace) -> None:
    history = {
        day: rows_by_enrollment(
            sample.query(
                f"select {COLUMNS} from marts.fct_enrollment_status_history"
                f" where status_date = cast('{day}' as date)"
            )
        )
        for day in DATES
    }
    # the dates differ: enrollments appear and change status between them
    assert len(history[DATES[0]]) < len(history[DATES[1]]) < len(history[DATES[2]])
    statuses = {day: {key: row[6] for key, row in rows.items()} for day, rows in history.items()}
    changed = [
        key for key in statuses[DATES[0]] if len({statuses[day].get(key) for day in DATES}) > 1
    ]
    assert changed, "no enrollment changes status between the dates"

    built: dict[str, dict[str, tuple[Any, ...]]] = {}
    try:
        for day in DATES:
            sample.dbt("run", *ENROLLMENT_MODELS, as_of=day)
            built[day] = rows_by_enrollment(
                sample.query(f"select {COLUMNS} from marts.fct_program_enrollments")
            )
    finally:
        sample.dbt("run", *ENROLLMENT_MODELS, as_of=AS_OF)

    for day in DATES:
        assert built[day].keys() == history[day].keys(), day
        different = {
            key: (built[day][key], history[day][key])
            for key in built[day]
            if built[day][key] != history[day][key]
        }
        assert different == {}, (day, different)


def test_history_ends_in_the_published_enrollments(sample: Workspace) -> None:
    """The row of as_of_date is fct_program_enrollments; the changes come from the history."""
    published = sample.query(f"select {COLUMNS} from marts.fct_program_enrollments")
    last = sample.query(
        f"select {COLUMNS} from marts.fct_enrollment_status_history where is_as_of_date"
    )
    assert sorted(published) == sorted(last) and published
    [(transitions,)] = sample.query(
        "select count(*) from marts.fct_enrollment_status_changes where is_transition"
    )
    assert transitions > 0
