"""Reporting periods from column-header text: instants, and durations ending on a date.

"December 31, 2024" is an instant; "Three months ended December 31, 2024" is the duration
2024-10-01..2024-12-31; "13 weeks ended July 29, 2023" counts back 91 days. A header may
give the date without a year ("Year ended December 31,") when the year sits in a row below;
callers join a column's header fragments before parsing.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b\s*,?\s*(?P<year>\d{{4}})?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d,.])(19\d\d|20\d\d)(?![\d,])")
_WORD_NUMBERS = {
    "one": 1,
    "three": 3,
    "six": 6,
    "nine": 9,
    "twelve": 12,
    "thirteen": 13,
    "twenty-six": 26,
    "thirty-nine": 39,
    "fifty-two": 52,
    "fifty-three": 53,
}
_COUNT = r"(?P<count>\d{1,2}|" + "|".join(_WORD_NUMBERS) + r")"
_MONTHS_SPAN = re.compile(rf"\b{_COUNT}[\s-]+months?\b", re.IGNORECASE)
_WEEKS_SPAN = re.compile(rf"\b{_COUNT}[\s-]+weeks?\b", re.IGNORECASE)
_QUARTER = re.compile(r"\bquarter(?:s)?\b|\bQ[1-4]\b", re.IGNORECASE)
_YEAR_SPAN = re.compile(
    r"\b(?:fiscal\s+)?years?\s+ended\b|\btwelve months\b|\bfull[\s-]year\b|\bannual\b",
    re.IGNORECASE,
)


class Period(BaseModel):
    """An XBRL period: an instant (`start` is None) or a duration, both inclusive dates."""

    model_config = ConfigDict(frozen=True, extra="forbid")

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


def _count(text: str) -> int:
    return int(text) if text.isdecimal() else _WORD_NUMBERS[text.lower()]


def span_of(text: str) -> tuple[str, int] | None:
    """("months", n) or ("weeks", n) when the header names a duration, else None."""
    if match := _WEEKS_SPAN.search(text):
        return "weeks", _count(match["count"])
    if match := _MONTHS_SPAN.search(text):
        return "months", _count(match["count"])
    if _QUARTER.search(text):
        return "months", 3
    if _YEAR_SPAN.search(text):
        return "months", 12
    return None


def find_date(text: str) -> date | None:
    """The last complete "Month day, year" in `text`, with a lone year filling a gap."""
    matches = list(_DATE.finditer(text))
    if not matches:
        return None
    match = matches[-1]
    year_text = match["year"]
    if year_text is None:
        after = _YEAR.findall(text[match.end() :])
        before = _YEAR.findall(text[: match.start()])
        if not (after or before):
            return None
        year_text = after[0] if after else before[-1]
    month = _MONTHS[match["month"].lower()]
    try:
        return date(int(year_text), month, int(match["day"]))
    except ValueError:
        return None


def _is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def parse_period(text: str) -> Period | None:
    """The period a column header names, or None when it names none."""
    end = find_date(text)
    if end is None:
        return None
    span = span_of(text)
    if span is None:
        return Period(end=end)
    unit, count = span
    if count < 1:
        return None  # "0 months ended": no period at all
    if unit == "months" and not _is_month_end(end) and count % 3 == 0:
        # Retail and 52/53-week calendars end quarters on a weekday, not a month end:
        # a "three months ended June 26" quarter is 13 weeks.
        unit, count = "weeks", count * 13 // 3
    if unit == "weeks":
        return Period(start=end - timedelta(days=7 * count - 1), end=end)
    return Period(start=months_back(end, count), end=end)
