"""Column-header text -> XBRL periods."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter.periods import Period, months_back
from exporter.tables.resolve import period_of as parse_period

CASES = [
    ("December 31, 2024", None, date(2024, 12, 31)),
    ("As of March 31,2022", None, date(2022, 3, 31)),
    ("Three months ended December 31, 2023 RMB", date(2023, 10, 1), date(2023, 12, 31)),
    ("Year ended December 31, 2024 USD", date(2024, 1, 1), date(2024, 12, 31)),
    ("Six Months Ended July 31, 2023", date(2023, 2, 1), date(2023, 7, 31)),
    ("Nine months ended September 30, 2024", date(2024, 1, 1), date(2024, 9, 30)),
    ("Year Ended May 31 2024", date(2023, 6, 1), date(2024, 5, 31)),
    ("13 Weeks Ended July 29, 2023", date(2023, 4, 30), date(2023, 7, 29)),
    ("Three Months Ended June 26, 2004", date(2004, 3, 28), date(2004, 6, 26)),
    ("Three months ended December 31, 2023 2024", date(2023, 10, 1), date(2023, 12, 31)),
    # A part "of the fiscal year ending" a date: the date ends the year, not the part.
    ("First Half of the Fiscal Year Ending March 31, 2026", date(2025, 4, 1), date(2025, 9, 30)),
    (
        "the first half (six months) of the fiscal year ending March 31, 2026",
        date(2025, 4, 1),
        date(2025, 9, 30),
    ),
    ("first quarter of the fiscal year ending March 31, 2026", date(2025, 4, 1), date(2025, 6, 30)),
    (
        "third quarter of the fiscal year ending March 31, 2026",
        date(2025, 10, 1),
        date(2025, 12, 31),
    ),
    (
        "the nine months ended December 31, 2025 of the fiscal year ending March 2026",
        date(2025, 4, 1),
        date(2025, 12, 31),
    ),
    ("second half of the fiscal year ended June 30, 2025", date(2025, 1, 1), date(2025, 6, 30)),
]


@pytest.mark.parametrize(("header", "start", "end"), CASES, ids=[c[0] for c in CASES])
def test_parse_period(header: str, start: date | None, end: date) -> None:
    assert parse_period(header) == Period(start=start, end=end)


@pytest.mark.parametrize("header", ["RMB", "2024", "% Change", "", "Total"])
def test_no_period(header: str) -> None:
    assert parse_period(header) is None


def test_opening_balance_is_the_day_before_the_period() -> None:
    quarter = Period(start=date(2024, 10, 1), end=date(2024, 12, 31))
    assert quarter.day_before_start() == Period(end=date(2024, 9, 30))


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    st.sampled_from([3, 6, 9, 12]),
)
def test_months_back_spans_whole_months_at_month_ends(day: date, months: int) -> None:
    end = (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    start = months_back(end, months)
    assert start.day == 1
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months - 1


@given(st.text(max_size=60))
def test_any_header_parses_or_is_none(text: str) -> None:
    period = parse_period(text)
    assert period is None or period.start is None or period.start <= period.end
