"""52/53-week fiscal calendars: periods start the day after the previous fiscal period ended.

Retailers and some manufacturers end their fiscal year on the last (or nearest) given
weekday of a month, so a year has 52 or 53 weeks and a quarter 13 or 14. Headers say
"Three Months Ended December 31, 2022", which counted back as 13 weeks starts a week late
when that quarter had 14. The document's own dates reveal the rule (a balance-sheet date
on the last Saturday of September); periods counted in weeks are then re-anchored to the
fiscal year end that precedes them.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from datetime import date, timedelta

from exporter.periods import Period
from exporter.tables.calendar import counts_weeks
from exporter.tables.model import Column, StatementTable

_SLACK_DAYS = 7


def _last_weekday(year: int, month: int, weekday: int) -> date:
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _periods(tables: tuple[StatementTable, ...]) -> list[Period]:
    return [c.period for t in tables for b in t.blocks for c in b.columns if c.period]


def year_end_rule(tables: tuple[StatementTable, ...]) -> tuple[int, int] | None:
    """(month, weekday) of a 52/53-week fiscal year end, when the document shows one.

    Only documents whose period ends show weeks (some off a month end, most on one
    weekday: `counts_weeks`) keep such a calendar; a period printed from its first day to
    its last (a fresh-start or pre-acquisition stub) is no such evidence, and its dates are
    never re-anchored. Year ends are the earlier balance-sheet dates (the later one is the
    report date) and the ends of year-long periods; each that is the last of its weekday in
    its month votes for that rule.
    """
    periods = _periods(tables)
    if not counts_weeks({p.end for p in _counted_periods(tables)}):
        return None
    latest = max((p.end for p in periods if p.is_instant), default=None)
    votes: Counter[tuple[int, int]] = Counter()
    for period in periods:
        is_year = period.end != latest if period.is_instant else _days(period) > 350
        end = period.end
        if is_year and _last_weekday(end.year, end.month, end.weekday()) == end:
            votes[(end.month, end.weekday())] += 1
    return votes.most_common(1)[0][0] if votes else None


def _counted_periods(tables: tuple[StatementTable, ...]) -> list[Period]:
    """The periods whose ends the release's calendar sets: not those printed from one date
    to another ("Period from January 1, 2025 through March 15, 2025") nor those printed
    with no length ("Period Ended March 15, 2025"), whose ends are their own (a fresh-start
    or pre-acquisition stub ends the day an event fell)."""
    return [
        c.period
        for t in tables
        for b in t.blocks
        for c in b.columns
        if c.period and not (c.printed_start or c.open_start)
    ]


def _days(period: Period) -> int:
    return (period.end - period.start).days if period.start else 0


def _anchor(period: Period, rule: tuple[int, int]) -> Period:
    """Move a week-counted start back to the day after the fiscal year end before it."""
    if period.start is None:
        return period
    month, weekday = rule
    for year in (period.start.year - 1, period.start.year):
        next_day = _last_weekday(year, month, weekday) + timedelta(days=1)
        if 0 < (period.start - next_day).days <= _SLACK_DAYS:
            return Period(start=next_day, end=period.end)
    return period


_FISCAL_QUARTER = re.compile(
    r"\bQ([1-4])\s*(?:FY|fiscal\s*)?'?(\d{2}(?:\d{2})?)\b"
    r"|\b(?:FY|fiscal\s*)'?(\d{2}(?:\d{2})?)\s*Q([1-4])\b",
    re.IGNORECASE,
)


def _fiscal_quarter(header: str) -> tuple[int, int] | None:
    """(fiscal year, quarter) from "Q2 FY24", "FY2024 Q2"; two-digit years are 20yy."""
    match = _FISCAL_QUARTER.search(header)
    if not match:
        return None
    quarter, year = (match.group(1), match.group(2)) if match.group(1) else match.group(4, 3)
    full = int(year) + (2000 if len(year) == 2 else 0)
    return full, int(quarter)


def fiscal_quarter_periods(tables: tuple[StatementTable, ...]) -> dict[str, Period]:
    """Periods for headers like "Q2 FY24", from the periods the statements print.

    The latest fiscal year named is the latest quarter-long period in the document; each
    year before it is the quarter-long period ending about a year earlier. That reading
    holds for a year-over-year comparison (the same quarter of two or more fiscal years);
    a lone label ("Fiscal 2024 Q3" over guidance) may name a quarter not yet printed, and
    without the fiscal year's end its dates are unknown: it gets no period rather than a
    wrong one.
    """
    labelled = {
        c.header: q
        for t in tables
        for b in t.blocks
        for c in b.columns
        if c.period is None and (q := _fiscal_quarter(c.header))
    }
    quarters = sorted(
        {p for p in _periods(tables) if p.start and 84 <= (p.end - p.start).days <= 98},
        key=lambda p: p.end,
    )
    if not labelled or not quarters:
        return {}
    quarter_numbers = {quarter for _, quarter in labelled.values()}
    years = {year for year, _ in labelled.values()}
    if len(quarter_numbers) != 1 or len(years) < 2:
        return {}
    latest_year = max(year for year, _ in labelled.values())
    result = {}
    for header, (year, _) in labelled.items():
        period = _years_back(quarters, latest_year - year)
        if period is not None:
            result[header] = period
    return result


def _years_back(quarters: list[Period], years: int) -> Period | None:
    latest = quarters[-1]
    target = latest.end - timedelta(days=round(365.25 * years))
    best = min(quarters, key=lambda p: abs((p.end - target).days))
    return best if abs((best.end - target).days) <= _SLACK_DAYS else None


def apply_fiscal_calendar(tables: tuple[StatementTable, ...]) -> tuple[StatementTable, ...]:
    """Re-anchor week-counted periods to the fiscal year ends the document implies."""
    rule = year_end_rule(tables)
    if rule is None:
        return tables
    result = []
    for table in tables:
        blocks = tuple(
            block.model_copy(update={"columns": tuple(_column(c, rule) for c in block.columns)})
            for block in table.blocks
        )
        result.append(table.model_copy(update={"blocks": blocks}))
    return tuple(result)


def _column(column: Column, rule: tuple[int, int]) -> Column:
    if column.period is None or column.printed_start:
        return column
    anchored = _anchor(column.period, rule)
    return column if anchored == column.period else column.model_copy(update={"period": anchored})
