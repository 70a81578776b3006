"""Time in the generator: integer minutes since the start of the history, and their text.

``Clock`` holds the dates every program needs (the export date, the older exports' date,
the window of the per-program Kintell files and of the webhook files) and renders minutes
as the timestamp styles the exports use.
"""

from __future__ import annotations

from datetime import date, timedelta

HISTORY_DAYS = 540  # the generated history ends on as_of and starts this many days before
KINTELL_FILE_DAYS = 180  # the per-program Kintell files cover the last 180 days
OLDER_EXPORT_DAYS = 91  # the older exports (Buddy JSON, Kintell combined) are this much older
EXPORT_MINUTE = 120  # exports are taken at 02:00 UTC
_DAYS_BACK = 6000  # day strings reach ~16 years before the history (too-old values)
_DAYS_SPAN = _DAYS_BACK + 2500


class Clock:
    """Times are integer minutes since the start of the history (``as_of - HISTORY_DAYS``,
    00:00 UTC); ``day(d)`` and ``ts(m)`` render them."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self.start = as_of - timedelta(days=HISTORY_DAYS)
        self.end_day = HISTORY_DAYS  # the day index of as_of
        self.export_min = HISTORY_DAYS * 1440 + EXPORT_MINUTE
        self.older_day = HISTORY_DAYS - OLDER_EXPORT_DAYS
        self.older_export_min = self.older_day * 1440 + EXPORT_MINUTE
        self.kintell_from_day = HISTORY_DAYS - KINTELL_FILE_DAYS
        first = self.start - timedelta(days=_DAYS_BACK)
        self._days = [(first + timedelta(days=i)).isoformat() for i in range(_DAYS_SPAN)]
        # webhooks: the calendar month of as_of and the one before it
        first_of_month = as_of.replace(day=1)
        previous = (first_of_month - timedelta(days=1)).replace(day=1)
        self.webhook_from = (previous - self.start).days * 1440
        self.webhook_split = (first_of_month - self.start).days * 1440
        self.webhook_months = (previous.isoformat()[:7], first_of_month.isoformat()[:7])

    def day(self, d: int) -> str:
        return self._days[d + _DAYS_BACK]

    def ts(self, m: int, style: int = 0) -> str:
        """0: ``…T10:00:00Z``; 1: ``…T12:00:00+02:00``; 2: ``… 12:00:00+02:00``;
        3: ``… 10:00:00`` (no offset, UTC); 4: the date alone."""
        if style == 4:
            return self._days[m // 1440 + _DAYS_BACK]
        if style in (1, 2):
            m += 120
        d, r = divmod(m, 1440)
        text = f"{self._days[d + _DAYS_BACK]}{' ' if style in (2, 3) else 'T'}"
        text += f"{r // 60:02d}:{r % 60:02d}:00"
        if style == 0:
            return text + "Z"
        if style in (1, 2):
            return text + "+02:00"
        return text

    def month(self, m: int) -> str:
        return self._days[m // 1440 + _DAYS_BACK][:7]
