"""Percent columns that the table's arithmetic shows to be shares of one line.

An income statement may print a bare "%" column beside each period's amounts ("2025 | % |
2024 | %", "Revenue $212,614 100.0% $191,198 100.0%"). The header reads as a change, but
each figure is the amount to its left as a percentage of one line's amount (the line at
100%): a share of another line, which the release's own facts already give, like a
"Percent to Sales" column. A change column's figures compare two periods instead, and
no single line's amount divides the amounts beside it into them, so the arithmetic tells
the two apart without reading the header's words.
"""

from __future__ import annotations

from decimal import Decimal

from exporter.document import Row
from exporter.numbers import PrintedNumber, parse_cell
from exporter.tables.model import Column
from exporter.tables.rows import split_label

# Shares of fewer lines than this prove nothing (two lines always fit some base).
_MIN_ROWS = 3
# The share of the rows the base must explain: a row may print a rounded or restated
# figure that misses by more than the printed precision.
_MOST = Decimal(2) / 3
_HUNDRED = Decimal(100)


def shares_by_arithmetic(columns: tuple[Column, ...], data: list[Row]) -> tuple[Column, ...]:
    """`columns` with each change column that the arithmetic shows to hold the amounts of
    the column to its left as shares of one line marked as a share column (see the module
    docstring); other columns unchanged."""
    result = list(columns)
    for i, column in enumerate(columns):
        if i == 0 or not column.change or not _amounts(columns[i - 1]):
            continue
        pairs = _pairs(data, columns[i - 1].position, column.position)
        if _shares_of_one_line(pairs):
            update = {"share_of": True, "change": False, "period": None, "missing": ""}
            result[i] = column.model_copy(update=update)
    return tuple(result)


def _amounts(column: Column) -> bool:
    """A column of a period's own amounts (not a change or share of them)."""
    return column.period is not None and not column.change and not column.share_of


def _pairs(data: list[Row], amount: int, share: int) -> list[tuple[Decimal, PrintedNumber]]:
    """Each row's amount and the percentage beside it, for rows that print both."""
    found = []
    for row in data:
        _, cells = split_label(row)
        by_position = {position: parse_cell(text) for position, text in cells}
        left, right = by_position.get(amount, ()), by_position.get(share, ())
        if len(left) == 1 and len(right) == 1 and not left[0].dash and not right[0].dash:
            found.append((left[0].value, right[0]))
    return found


def _shares_of_one_line(pairs: list[tuple[Decimal, PrintedNumber]]) -> bool:
    """Whether one row's amount, as 100%, gives most rows' percentages from their amounts
    within the precision the percentages are printed to."""
    if len(pairs) < _MIN_ROWS:
        return False
    bases = {abs(amount) for amount, _ in pairs if amount}
    best = max((_explained(pairs, base) for base in bases), default=0)
    return best >= _MIN_ROWS and best >= _MOST * len(pairs)


def _explained(pairs: list[tuple[Decimal, PrintedNumber]], base: Decimal) -> int:
    """How many rows print their amount's share of `base` (to one unit of the last
    digit, as a rounded amount's share may miss by one)."""
    count = 0
    for amount, percent in pairs:
        unit = Decimal(1).scaleb(-percent.fraction_digits)
        if abs(abs(percent.value) - abs(amount) * _HUNDRED / base) <= unit:
            count += 1
    return count
