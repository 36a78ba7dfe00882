"""Flows under bare dates: the period a row's label names, and what it shows of the column.

A small company's summary may head its income statement with a date alone ("September
30, | 2024 2023") and print rows that name their own period beside it ("Net Income -
Quarter", "Earnings Per Share (Basic) - YTD"). A quarterly release's flow under such a date
is either the quarter ending on it or the fiscal year to it. The labelled rows say which
for themselves, and for the column too: where "Net Income - Quarter" prints another figure
than the column's "Net Income", the column's flows are not the quarter's but the fiscal
year's to the date (the only other span such a column has), unless a year-to-date row
disagrees as well; where it prints the same, they are the quarter's. Without such rows,
or where they disagree, the column's flows keep no period (the mapping stage says why).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import cache

from exporter.labels import label_tokens
from exporter.periods import Period, months_back
from exporter.tables.calendar import FiscalCalendar
from exporter.tables.model import Column, ColumnBlock, StatementTable, TableRow
from exporter.vocabulary import vocabulary

_QUARTER_MONTHS = 3


class Span(StrEnum):
    """The span a flow under a bare date runs for."""

    QUARTER = "quarter"
    YEAR_TO_DATE = "year_to_date"


@cache
def _label_period() -> re.Pattern[str]:
    """A label ending in the words of a span after a dash, colon or comma, or in brackets."""
    words = vocabulary()
    quarter = words.alternatives("label_quarter")
    to_date = words.alternatives("label_year_to_date")
    after_mark = rf"(?:(?P<quarter>{quarter})|(?P<to_date>{to_date}))"
    bracketed = rf"(?:(?P<b_quarter>{quarter})|(?P<b_to_date>{to_date}))"
    return re.compile(
        rf"^(?P<item>.*?\S)\s*(?:[-\u2013\u2014:,]\s*{after_mark}|\(\s*{bracketed}\s*\))\s*$",
        re.IGNORECASE,
    )


def label_span(label: str) -> tuple[str, Span] | None:
    """The line item a label names and the span its last words name ("Net Income -
    Quarter": "Net Income", the quarter), or None for a label naming no span."""
    match = _label_period().match(label.strip())
    if match is None:
        return None
    quarter = match["quarter"] or match["b_quarter"]
    return match["item"], Span.QUARTER if quarter else Span.YEAR_TO_DATE


@dataclass(frozen=True)
class ReportedQuarter:
    """The fiscal quarter a release's headline announces ("2024 3rd Quarter Financial
    Results") and the day the release says it ended: how far into its fiscal year a date
    on the same day of another year is."""

    number: int
    end: date


def year_to_date_start(
    end: date, calendar: FiscalCalendar, reported: ReportedQuarter | None
) -> date | None:
    """The first day of the fiscal year to `end`: counted back from the quarter the
    release reports where `end` is that quarter's day of a year (the third quarter ending
    September 30 is nine months in), else from the calendar's year end."""
    if reported is not None and (end.month, end.day) == (reported.end.month, reported.end.day):
        return months_back(end, _QUARTER_MONTHS * reported.number)
    return fiscal_year_start(end, calendar)


def fiscal_year_start(end: date, calendar: FiscalCalendar) -> date | None:
    """The first day of the fiscal year `end` falls in, from the month the release's
    fiscal years end in; None where no year end is known or years are counted in weeks."""
    if not calendar.year_ends or calendar.off_month_ends:
        return None
    month = next(iter(calendar.year_ends.values())).month
    year = end.year if end.month > month else end.year - 1
    year_end = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return year_end.replace(day=(following - timedelta(days=1)).day) + timedelta(days=1)


@dataclass(frozen=True)
class _Evidence:
    calendar: FiscalCalendar
    reported: ReportedQuarter | None


def _span_period(span: Span, end: date, evidence: _Evidence) -> Period | None:
    if span is Span.QUARTER:
        return Period(start=months_back(end, _QUARTER_MONTHS), end=end)
    start = year_to_date_start(end, evidence.calendar, evidence.reported)
    return Period(start=start, end=end) if start is not None else None


def _bare_dates(block: ColumnBlock) -> list[int]:
    """The indices of the block's columns headed by a date alone that no other evidence
    has given a flow's period."""
    return [
        i
        for i, c in enumerate(block.columns)
        if c.period is not None
        and c.period.is_instant
        and c.flow_period is None
        and not (c.change or c.outlook or c.forecast)
    ]


def _values(row: TableRow, column: int) -> list[Decimal]:
    """The row's figures under one column, unsigned (a cost may be printed either way)."""
    return [abs(c.number.value) for c in row.cells if c.column == column]


def _column_span(block: ColumnBlock, column: int) -> Span | None:
    """What the rows naming their own span show of one column's flows: compared with the
    column's row for the same line item, a quarter's row that agrees makes it the
    quarter, one that differs the year to date (unless a year-to-date row differs too)."""
    by_label = {label_tokens(r.label): r for r in block.rows if r.cells and not r.item}
    seen: dict[Span, set[bool]] = {Span.QUARTER: set(), Span.YEAR_TO_DATE: set()}
    for row in block.rows:
        named = label_span(row.label) if row.item else None
        same_item = by_label.get(label_tokens(named[0])) if named else None
        if named is None or same_item is None:
            continue
        own, column_figure = _values(row, column), _values(same_item, column)
        if len(own) == 1 and len(column_figure) == 1:
            seen[named[1]].add(own == column_figure)
    quarter, to_date = seen[Span.QUARTER], seen[Span.YEAR_TO_DATE]
    if len(quarter) > 1 or len(to_date) > 1:
        return None
    if quarter == {True} and to_date != {True}:
        return Span.QUARTER
    if quarter == {False} and to_date != {False}:
        return Span.YEAR_TO_DATE
    if to_date == {True} and not quarter:
        return Span.YEAR_TO_DATE
    return None


def _block_span(block: ColumnBlock, columns: list[int]) -> Span | None:
    """The one span the evidence of the block's bare-date columns agrees on, if any."""
    spans = {_column_span(block, i) for i in columns}
    decided = spans - {None}
    return decided.pop() if len(decided) == 1 else None


def _with_cell_periods(row: TableRow, columns: dict[int, Column], evidence: _Evidence) -> TableRow:
    """A row naming its own span, with that span's period on each cell under a bare date."""
    named = label_span(row.label)
    if named is None or not row.cells:
        return row
    item, span = named
    cells = []
    for cell in row.cells:
        column = columns.get(cell.column)
        period = column.period if column is not None else None
        own = _span_period(span, period.end, evidence) if period is not None else None
        cells.append(cell.model_copy(update={"period": own}) if own is not None else cell)
    return row.model_copy(update={"item": item, "cells": tuple(cells)})


def _block_with_periods(block: ColumnBlock, evidence: _Evidence) -> ColumnBlock:
    bare = _bare_dates(block)
    if not bare:
        return block
    columns = {i: block.columns[i] for i in bare}
    rows = tuple(_with_cell_periods(r, columns, evidence) for r in block.rows)
    block = block.model_copy(update={"rows": rows})
    span = _block_span(block, bare)
    if span is None:
        return block
    updated = list(block.columns)
    for i in bare:
        period = block.columns[i].period
        flow = _span_period(span, period.end, evidence) if period is not None else None
        if flow is None or (span is Span.YEAR_TO_DATE and flow.start == months_back(flow.end, 3)):
            return block  # the year to date is the quarter: the rows said otherwise
        updated[i] = updated[i].model_copy(update={"flow_period": flow})
    return block.model_copy(update={"columns": tuple(updated)})


def with_own_periods(
    tables: tuple[StatementTable, ...],
    calendar: FiscalCalendar,
    reported: ReportedQuarter | None = None,
) -> tuple[StatementTable, ...]:
    """Each table outside a balance sheet with the spans its rows name under bare dates,
    and the flow period those rows show for the bare-date columns (module docstring)."""
    evidence = _Evidence(calendar, reported)
    result = []
    for table in tables:
        if table.kind == "balance_sheet":
            result.append(table)
            continue
        blocks = tuple(_block_with_periods(b, evidence) for b in table.blocks)
        result.append(table.model_copy(update={"blocks": blocks}))
    return tuple(result)
