"""sroi_report's words: what an incomplete ratio misses, printed with the figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from csr_analytics import sroi_report
from csr_analytics.sroi_report import Selection, incomplete_note, render


def test_incomplete_note_names_the_inputs_without_a_rate() -> None:
    assert incomplete_note(0, None) is None
    assert incomplete_note(1, "8000.00 EUR") == (
        "incomplete: 1 input has no exchange rate (8,000.00 EUR);"
        " the investment and every ratio leave it out"
    )
    assert incomplete_note(2, "12500.50 EUR; 51.00 GBP per hour") == (
        "incomplete: 2 inputs have no exchange rate (12,500.50 EUR; 51.00 GBP per hour);"
        " the investment and every ratio leave them out"
    )


def _row(count: int, amounts: str | None) -> dict[str, object]:
    row: dict[str, object] = {column: Decimal("1.00") for _, column in sroi_report.INPUT_COLUMNS}
    row |= {column: Decimal("1.0000") for _, column, _ in sroi_report.RATIO_COLUMNS}
    row |= {
        "currency": "USD",
        "investment_total": Decimal("4.00"),
        "gross_value": Decimal("4.00"),
        "year1_impact": Decimal("4.00"),
        "present_value": Decimal("4.00"),
        "rejected_inputs_count": count,
        "rejected_inputs_amounts": amounts,
    }
    return row


def test_the_report_marks_an_incomplete_ratio() -> None:
    selection = Selection("C-1003", "all", "all", date(1900, 1, 1))
    text = render(selection, _row(1, "8000.00 EUR"), [])
    lines = text.splitlines()
    assert lines[1] == (
        "incomplete: 1 input has no exchange rate (8,000.00 EUR);"
        " the investment and every ratio leave it out"
    )
    assert lines[-1].startswith("The ratios are incomplete: 1 input")
    assert "incomplete" not in render(selection, _row(0, None), [])
