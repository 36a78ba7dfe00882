"""Dashes under a period another column already states: nothing printed, not a nil.

A fourth-quarter release's "TTM" column is the fiscal year the "FY 2025" column beside it
states; it prints its own figures only for the rows the year column leaves blank (return
on invested capital, inventory turnover) and a dash elsewhere. There the dash says the
column repeats nothing, not that the year's net sales were nil: read as 0 it would
contradict the year column's printed figure.
"""

from __future__ import annotations

from exporter.tables.model import Column, ColumnBlock, StatementTable, TableRow


def without_repeated_dashes(tables: tuple[StatementTable, ...]) -> tuple[StatementTable, ...]:
    """`tables` without the dash cells of columns whose period another column states."""
    return tuple(_table(table) for table in tables)


def _table(table: StatementTable) -> StatementTable:
    blocks = tuple(_block(block) for block in table.blocks)
    if blocks == table.blocks:
        return table
    return table.model_copy(update={"blocks": blocks})


def _block(block: ColumnBlock) -> ColumnBlock:
    repeated = {i for i in range(len(block.columns)) if _period_stated_beside(block.columns, i)}
    if not repeated:
        return block
    rows = tuple(_row(row, repeated) for row in block.rows)
    return block.model_copy(update={"rows": rows})


def _row(row: TableRow, repeated: set[int]) -> TableRow:
    cells = tuple(c for c in row.cells if not (c.number.dash and c.column in repeated))
    return row if len(cells) == len(row.cells) else row.model_copy(update={"cells": cells})


def _period_stated_beside(columns: tuple[Column, ...], index: int) -> bool:
    """Whether column `index` is a trailing year that another column of the same member
    states as its fiscal period. Columns of one period that print different measures
    ("Earnings 2023 | EPS 2023") keep their dashes: there a dash is a nil of its own."""
    column = columns[index]
    if column.period is None or not column.trailing or column.change:
        return False
    if column.forecast is not None:
        return False
    return any(
        other.period == column.period and other.member == column.member
        for position, other in enumerate(columns)
        if position != index and not (other.change or other.trailing)
    )
