"""Columns headed only by dates a quarter apart: the quarter each date ends.

A bank's trend table heads its columns with bare dates ("9/30/25 | 6/30/25 | 3/31/25 |
12/31/24 | 9/30/24") and prints balances (at each date) beside income (over the quarter
ending on it). The header says only the date; the spacing of the dates says the rest:
dates that step by one quarter, each ending a month, are quarter ends, so a flow under
one is the quarter that ends there. Dates spaced otherwise (year ends, a balance sheet's
"September 30, 2025 | December 31, 2024") bound no period a flow could be for.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from exporter.periods import Period, months_back
from exporter.tables.model import Column

_QUARTER = 3


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _ends_a_month(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def _quarters_apart(ends: list[date]) -> bool:
    """Whether month-end dates step by whole quarters, the nearest two by exactly one."""
    if len(ends) < 2 or not all(_ends_a_month(d) for d in ends):
        return False
    months = sorted({_month_index(d) for d in ends})
    if len(months) != len(set(ends)):
        return False
    gaps = [b - a for a, b in pairwise(months)]
    return all(g % _QUARTER == 0 for g in gaps) and min(gaps) == _QUARTER


def with_quarters_ended(columns: list[Column]) -> list[Column]:
    """Each column of a row of dates a quarter apart, with the quarter its date ends
    (`Column.flow_period`); columns of any other header are left as they are."""
    dated = [c for c in columns if c.period is not None and not (c.change or c.outlook)]
    if any(not c.period.is_instant for c in dated if c.period is not None):
        return columns
    ends = sorted({c.period.end for c in dated if c.period is not None})
    if not _quarters_apart(ends):
        return columns
    return [
        c.model_copy(update={"flow_period": Period(start=months_back(p.end, _QUARTER), end=p.end)})
        if c in dated and (p := c.period) is not None
        else c
        for c in columns
    ]
