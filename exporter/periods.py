"""XBRL periods: instants and durations, and counting whole months back from an end date.

What text says about a period (column headers, titles, prose) is read by the period
resolver in `exporter/tables/` (phrases, calendar, resolve); this module holds the model
every stage shares.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from exporter.models import Frozen


class Period(Frozen):
    """An XBRL period: an instant (`start` is None) or a duration, both inclusive dates."""

    start: date | None = None
    end: date

    @property
    def is_instant(self) -> bool:
        return self.start is None

    def day_before_start(self) -> Period:
        """The instant just before this duration starts (opening balances)."""
        assert self.start is not None
        return Period(end=self.start - timedelta(days=1))

    def at_end(self) -> Period:
        return Period(end=self.end)

    def __str__(self) -> str:
        return str(self.end) if self.start is None else f"{self.start}..{self.end}"


def months_back(end: date, months: int) -> date:
    """First day of a span of `months` calendar months that ends on `end` (inclusive)."""
    following = end + timedelta(days=1)
    month_index = following.year * 12 + following.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(following.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)
