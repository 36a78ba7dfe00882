"""What a dash in a change column says: a change of nil, or a change that means nothing.

A "-" or "—" where a row's change is printed is a nil change only when the row's own
figures show one: the figures the column compares differ by less than the column prints
its other changes in ("590 | 589 | —" in a column of whole percents). Anywhere else the
dash says the change is not meaningful: from a loss, across nil, or too large to print
("(2,118) | (985) | -": a change of 115%, not of nil). A dash in a column that compares no
figures of the row (an impact or bridge column) stays nil."""

from __future__ import annotations

from decimal import Decimal

from exporter.tables.model import ColumnBlock, TableRow, ValueCell

_HUNDRED = Decimal(100)
_BASIS_POINTS_PER_POINT = Decimal(100)


def dash_is_nil_change(
    block: ColumnBlock, row: TableRow, cell: ValueCell, *, relative: bool
) -> bool:
    """Whether the dash in `cell` (of a change column) is a change of nil by the row's own
    arithmetic. `relative`: the column prints percent changes (a rate's change is then its
    difference in points); else it prints the difference itself. Every pair of compared
    figures must show the nil change, as the columns do not always say which earlier one
    the change is against ("1Q25 | 4Q24 | 1Q24 | QoQ | YoY"). A column that compares no
    figures of the row ("Impact of foreign exchange", a bridge's steps) prints its nil
    impact as a dash: nil, as a dash among amounts is."""
    pairs = _compared_pairs(block, row, cell)
    if not pairs:
        return True
    digits = _printed_digits(block, cell)
    return all(_rounds_to_nil(now, before, digits, relative=relative) for now, before in pairs)


def _compared_pairs(
    block: ColumnBlock, row: TableRow, cell: ValueCell
) -> list[tuple[ValueCell, ValueCell]]:
    """The row's figures of the change's own period and member, each with one of its
    figures of another period of that member: the pairs the change may compare."""
    change = block.columns[cell.column]
    figures = [
        c
        for c in row.cells
        if not block.columns[c.column].change
        and block.columns[c.column].member == change.member
        and block.columns[c.column].period is not None
    ]
    now = [c for c in figures if block.columns[c.column].period == change.period]
    before = [c for c in figures if block.columns[c.column].period != change.period]
    return [(current, prior) for current in now for prior in before]


def _printed_digits(block: ColumnBlock, cell: ValueCell) -> int:
    """The decimals the column prints its other changes with (the finest of them), else
    those of the block's other change columns; whole numbers when none prints one."""
    column = [c.number for r in block.rows for c in r.cells if c.column == cell.column]
    printed = [n.fraction_digits for n in column if not n.dash]
    if not printed:
        printed = [
            c.number.fraction_digits
            for r in block.rows
            for c in r.cells
            if block.columns[c.column].change and not c.number.dash
        ]
    return max(printed, default=0)


def _rounds_to_nil(now: ValueCell, before: ValueCell, digits: int, *, relative: bool) -> bool:
    """Whether the change from `before` to `now` prints as nil with `digits` decimals: the
    difference, the difference in points of two rates, or the percent change of two
    amounts (none from nil: a change from nothing has no percent)."""
    current, prior = now.number, before.number
    difference = current.value - prior.value
    if relative and current.rate and prior.rate:
        if current.basis_points != prior.basis_points:
            return False
        change = difference
    elif relative:
        if not prior.value:
            return False
        change = difference / abs(prior.value) * _HUNDRED
    else:
        change = difference
    half_unit = Decimal(1).scaleb(-digits) / 2
    return abs(change) < half_unit
