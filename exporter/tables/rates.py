"""Plain figures that the table's arithmetic shows to be rates.

A margin or growth reconciliation prints its first and last lines as rates ("Reported
gross margin growth 121 bps", "Core gross margin growth 133 bps") and the adjustments
between them as plain figures ("Mark-to-market net impact 11"). The plain figures are in
the unit of the lines they reconcile when, column by column, the first line and the
adjustments add up to the last (or the adjustments and the last to the first, as a
"reported = currency impact + operational" growth analysis prints them); otherwise
nothing is assumed and they stay plain figures.

A key-figure table also names a row's rate unit in its label ("Cost of risk (bps) 45 52"
under "NOK million"): the figures are that rate, whatever the table's money caption says.
"""

from __future__ import annotations

import re
from decimal import Decimal

from exporter.numbers import PrintedNumber
from exporter.tables.model import TableRow

# A sum of rounded rates may miss the printed total by one unit of the last digit
# ("Amounts may not sum due to rounding": -32 + 1 + 0 + 23 bps printed as -7).
_ROUNDING = Decimal(1)
_MIN_ITEMS = 1


def rates_by_arithmetic(rows: list[TableRow]) -> list[TableRow]:
    """`rows` with the plain figures between two lines of rates marked as those rates,
    where every column's arithmetic shows it (see the module docstring)."""
    numbered = [i for i, row in enumerate(rows) if row.cells]
    if len(numbered) < _MIN_ITEMS + 2:
        return rows
    first, last = rows[numbered[0]], rows[numbered[-1]]
    between = [rows[i] for i in numbered[1:-1]]
    kind = _rate_kind(first, last)
    if kind is None or not between or any(c.number.rate for r in between for c in r.cells):
        return rows
    if any(_has_currency(c.number) for r in between for c in r.cells):
        return rows
    columns = {c.column for c in first.cells} | {c.column for c in last.cells}
    if not all(_reconciles(first, between, last, column) for column in sorted(columns)):
        return rows
    marked = {i: _as_rates(rows[i], kind) for i in numbered[1:-1]}
    return [marked.get(i, row) for i, row in enumerate(rows)]


def _rate_kind(first: TableRow, last: TableRow) -> str | None:
    """ "bps" or "percent" when both lines print every figure as that kind of rate."""
    numbers = [c.number for c in (*first.cells, *last.cells) if not c.number.dash]
    if not numbers:
        return None
    if all(n.basis_points for n in numbers):
        return "bps"
    if all(n.percent for n in numbers):
        return "percent"
    return None


def _has_currency(number: PrintedNumber) -> bool:
    return any(ch in number.text for ch in "$€£¥₹₩")


def _value(row: TableRow, column: int) -> PrintedNumber | None:
    return next((c.number for c in row.cells if c.column == column), None)


def _reconciles(first: TableRow, between: list[TableRow], last: TableRow, column: int) -> bool:
    start, end = _value(first, column), _value(last, column)
    if start is None or end is None:
        return False
    items = [n for row in between if (n := _value(row, column)) is not None]
    digits = max(n.fraction_digits for n in (start, end, *items))
    total = sum((n.value for n in items), Decimal(0))
    forward = abs(start.value + total - end.value)
    backward = abs(start.value - total - end.value)
    return min(forward, backward) <= _ROUNDING.scaleb(-digits)


def _as_rates(row: TableRow, kind: str) -> TableRow:
    update = {"basis_points": True} if kind == "bps" else {"percent": True}
    cells = tuple(
        c.model_copy(update={"number": c.number.model_copy(update=update)}) for c in row.cells
    )
    return row.model_copy(update={"cells": cells})


def rates_by_label(rows: list[TableRow], rate_points: dict[str, int]) -> list[TableRow]:
    """`rows` with the plain figures of a row whose label ends with the points of a rate
    it is printed in ("Cost of risk (bps)", "Margin change, pp"; taxonomy `rate_points`,
    by the power of ten of one point) marked as that rate. A figure printing its own unit
    ("-7 bps", "12%", "1.8x", "$3") keeps it."""
    return [_in_label_rate(row, rate_points) for row in rows]


# The label's last words after a bracket or a comma: the unit its figures are printed in.
_LABEL_UNIT = re.compile(r"(?:\(|,)\s*([^(),]+?)\s*\)?\s*$")


def rate_unit_in_label(label: str, rate_points: dict[str, int]) -> tuple[int, int] | None:
    """The power of ten of one point of the rate a label ends by naming as its unit
    ("Cost of risk (bps)": -4), and where that unit starts in the label."""
    match = _LABEL_UNIT.search(label)
    if match is None:
        return None
    words = " ".join(match.group(1).lower().split())
    exponent = next((p for w, p in rate_points.items() if w.lower() == words), None)
    return None if exponent is None else (exponent, match.start())


def _in_label_rate(row: TableRow, rate_points: dict[str, int]) -> TableRow:
    found = rate_unit_in_label(row.label, rate_points)
    if found is None or not row.cells:
        return row
    update = {"basis_points": True} if found[0] == -4 else {"percent": True, "points": True}
    cells = tuple(
        c.model_copy(update={"number": c.number.model_copy(update=update)})
        if _unit_free(c.number)
        else c
        for c in row.cells
    )
    return row.model_copy(update={"cells": cells})


def _unit_free(number: PrintedNumber) -> bool:
    """A figure printed bare, in no unit of its own."""
    return not (
        number.rate
        or number.points
        or number.multiple
        or number.minor_unit
        or number.scale is not None
        or number.dash
        or _has_currency(number)
    )
