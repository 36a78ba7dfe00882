"""Which dated year a fiscal label names, as the release's own figures show it.

A summary table heads its columns "FY2024 | FY2025" while the statements beside it date
theirs ("April 1, 2024 - March 31, 2025"). Whether "FY2025" is the year ending in 2025 or
the one starting in 2025 depends on the issuer's convention; where the label column prints
the figures of a dated column (the same row labels, the same amounts at the label column's
precision, whatever the scale), the label names that dated year. The arithmetic is the
release's own evidence; no word of the label decides it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from exporter.labels import label_tokens
from exporter.numbers import PrintedNumber
from exporter.period_phrases import parse_phrase
from exporter.periods import Period
from exporter.tables.model import Column, ColumnBlock, StatementTable

# Powers of ten between two tables' scales (units to billions) that a match may bridge.
_SCALE_STEPS = range(-9, 10)
# A figure with fewer significant digits matches too much by chance.
_MIN_SIGNIFICANT = Decimal(100)
# Rows whose figures must agree (and more than half of those compared).
_MIN_AGREEING = 2

# One column's figures by row label.
_Figures = dict[str, PrintedNumber]


def label_matches(tables: tuple[StatementTable, ...]) -> Iterator[tuple[int, Period]]:
    """(label, period) for every column headed by a fiscal label alone ("FY2025",
    "FY2024 (Results)") whose figures are those of a column dated a `period`."""
    labelled = list(_label_columns(tables))
    if not labelled:
        return
    dated = list(_dated_columns(tables))
    for label, figures in labelled:
        for period, other in dated:
            if _agree(figures, other):
                yield label, period


def marked_label_columns(tables: tuple[StatementTable, ...]) -> tuple[StatementTable, ...]:
    """`tables` with each placed column headed by a fiscal label alone marked as such: a
    figure it contradicts in a dated column is a question of the label convention."""
    return tuple(_marked_table(table) for table in tables)


def _marked_table(table: StatementTable) -> StatementTable:
    blocks = tuple(
        block.model_copy(update={"columns": tuple(_marked(c) for c in block.columns)})
        for block in table.blocks
    )
    return table.model_copy(update={"blocks": blocks})


def _marked(column: Column) -> Column:
    if column.period is None or column.change or column.trailing or column.fiscal_label:
        return column
    phrase = parse_phrase(column.header)
    if phrase.fiscal_year is None or phrase.has_date or phrase.split_year:
        return column
    return column.model_copy(update={"fiscal_label": True})


def _label_columns(tables: tuple[StatementTable, ...]) -> Iterator[tuple[int, _Figures]]:
    for block in (b for t in tables for b in t.blocks):
        for index, column in enumerate(block.columns):
            if column.change or column.outlook or column.member:
                continue
            phrase = parse_phrase(column.header)
            # "2025/26" says by itself which year it is: no evidence of the convention.
            if phrase.fiscal_year is None or phrase.has_date or phrase.split_year:
                continue
            if phrase.quarter or phrase.half or phrase.span or phrase.year_to_date:
                continue
            yield phrase.fiscal_year, _figures(block, index)


def _dated_columns(tables: tuple[StatementTable, ...]) -> Iterator[tuple[Period, _Figures]]:
    for block in (b for t in tables for b in t.blocks):
        for index, column in enumerate(block.columns):
            period = column.period
            if period is None or period.start is None or column.change or column.member:
                continue
            if column.trailing or not parse_phrase(column.header).has_date:
                continue
            yield period, _figures(block, index)


def _figures(block: ColumnBlock, index: int) -> _Figures:
    by_row: _Figures = {}
    for row in block.rows:
        key = " ".join(label_tokens(row.label))
        for cell in row.cells:
            if cell.column == index and key and not cell.bound:
                by_row.setdefault(key, cell.number)
    return by_row


def _agree(labelled: _Figures, dated: _Figures) -> bool:
    """Most rows both columns print agree, and at least two; or the one row they share
    prints the very same figure (a summary's "FY 2025" net income 676.5 beside the cash
    flow statement's year ended January 31, 2026): the other placement would contradict
    the release's own dated figure."""
    shared = [k for k in labelled if k in dated]
    agreeing = sum(_same_amount(labelled[k], dated[k]) for k in shared)
    if len(shared) == 1:
        return _identical(labelled[shared[0]], dated[shared[0]])
    return agreeing >= _MIN_AGREEING and agreeing * 2 > len(shared)


def _identical(one: PrintedNumber, other: PrintedNumber) -> bool:
    """The same distinctive figure printed alike: same digits, same precision."""
    return (
        _same_amount(one, other)
        and one.value == other.value
        and one.fraction_digits == other.fraction_digits
    )


def _same_amount(one: PrintedNumber, other: PrintedNumber) -> bool:
    """The same amount printed at two precisions or scales ("412.4" billion, "412,358"
    million): the more precise one, rounded to the other's digits at some power of ten."""
    if one.percent != other.percent or one.dash or other.dash:
        return False
    return _rounds_to(one, other) or _rounds_to(other, one)


def _rounds_to(precise: PrintedNumber, printed: PrintedNumber) -> bool:
    if abs(printed.value) * Decimal(10) ** printed.fraction_digits < _MIN_SIGNIFICANT:
        return False
    quantum = Decimal(1).scaleb(-printed.fraction_digits)
    for step in _SCALE_STEPS:
        try:
            rounded = precise.value.scaleb(-step).quantize(quantum, rounding=ROUND_HALF_UP)
        except InvalidOperation:
            continue
        if rounded == printed.value:
            return True
    return False
