"""Cell grids of text tables (tab-separated, Markdown pipes): currency signs in cells of
their own, and Markdown pipe rows.

A table converted from HTML keeps the generator's layout columns: a `$` cell before each
amount, a `%` or `)` cell after it. In the body such a sign belongs to the number beside
it. Header rows are compacted the same way where that keeps their cells apart; a header
row printed without the sign columns (one cell per amount) is left as printed, and the
header reading matches it to the amounts by count.
"""

from __future__ import annotations

import re
from collections.abc import Set
from itertools import pairwise
from typing import NamedTuple

from exporter.document import Cell, Row
from exporter.ingest.text.grid import is_year, value_text
from exporter.numbers import reads_as_number
from exporter.vocabulary import currency_marks

# Currency marks a table prints alone in a cell before an amount ("$", "€", "NOK").
CURRENCY_SIGNS = currency_marks()
_CLOSING = frozenset({")", "%", ")%", "%)"})
# A Markdown table's delimiter row: "|---|:---:|---:|", or as GitHub Markdown allows, one
# dash or more in each cell ("|:--|--:|", "|-|-|").
_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def opening_mark(text: str) -> bool:
    """A cell holding only the marks printed before an amount: a currency sign, an opening
    bracket, or both ("$", "(", "$(", "($")."""
    stripped = text.strip()
    bare = stripped.replace("(", "", 1).strip()
    return bare in CURRENCY_SIGNS or (not bare and stripped == "(")


def joins_forward(mark: str, following: str) -> bool:
    """Whether a cell of opening marks belongs to the amount in the next cell ("$" and
    "3,120", "(" and "7,882", "$(" and "7,882"; "$" and "(" before it join first), as
    every reader prints such a cell: the sign belongs with its number, a reader hands over
    the two as one cell. Never to a year; a split negative's first half ("(103", closed by
    a `)` cell after it) counts."""
    following = following.strip()
    if not opening_mark(mark) or not following or is_year(following):
        return False
    if opening_mark(mark.strip() + following):
        return True  # "$" then "(": both open the amount after them
    if "(" in mark and following[0] in "(-\u2212":
        return False  # a bracket never opens a number that carries its own sign
    return reads_as_number(following) or reads_as_number(following + ")")


def is_pipe_line(line: str) -> bool:
    """A row of a Markdown pipe table (two or more `|`), or its delimiter row (which has a
    `|`: a line of dashes alone is a rule under a fixed-width header)."""
    return line.count("|") >= 2 or ("|" in line and bool(_DELIMITER.match(line)))


def pipe_rows(lines: list[str], first_line: int) -> list[Row]:
    """The cells of a run of pipe lines (`first_line` is the 0-based line of the first).

    An outer `|` is decoration when every row of the run opens with one; when only some
    do, it marks an empty label cell (header rows printed without their label). Where the
    run's pipes stand one above the other (a padded table), a header cell spans the columns
    whose pipes lie under it ("Six months ended" over "2025 | 2024"); otherwise cells are
    numbered in the order printed.
    """
    printed = [(offset, line) for offset, line in enumerate(lines) if line.strip()]
    # The delimiter row holds no cells: its outer pipes say nothing of the other rows'.
    printed = [(offset, line) for offset, line in printed if not _DELIMITER.match(line)]
    decorated = all(line.lstrip().startswith("|") for _, line in printed)
    found = [(offset, _pipe_cells(line, decorated)) for offset, line in printed]
    starts = _column_starts([cells for _, cells in found])
    return [
        Row(cells=_placed(cells, starts), line=first_line + offset + 1) for offset, cells in found
    ]


class _PipeCell(NamedTuple):
    """A pipe cell's text and the offsets of the pipes around it (-1 and the line's length
    where the line prints none)."""

    text: str
    start: int
    end: int


def _pipe_cells(line: str, decorated: bool) -> list[_PipeCell]:
    bounds = [-1, *(i for i, char in enumerate(line) if char == "|"), len(line)]
    cells = [
        _PipeCell(line[start + 1 : end].strip(), start, end) for start, end in pairwise(bounds)
    ]
    if decorated and cells and not cells[0].text:
        cells = cells[1:]
    if line.rstrip().endswith("|") and cells and not cells[-1].text:
        cells = cells[:-1]
    return cells


def _column_starts(rows: list[list[_PipeCell]]) -> list[int] | None:
    """Where each column of the run starts, when every row's cells start at pipes of the
    row with the most cells (the pipes are aligned); else None."""
    finest = max(rows, key=len, default=[])
    starts = [cell.start for cell in finest]
    if not all({cell.start for cell in row} <= set(starts) for row in rows):
        return None
    return starts


def _placed(cells: list[_PipeCell], starts: list[int] | None) -> tuple[Cell, ...]:
    """The row's cells, each over the columns that start between its pipes."""
    if starts is None:
        return tuple(Cell(text=c.text, column=i) for i, c in enumerate(cells))
    return tuple(
        Cell(
            text=c.text,
            column=starts.index(c.start),
            span=sum(1 for start in starts if c.start <= start < c.end),
        )
        for c in cells
    )


class SignColumns(NamedTuple):
    """The sign columns a table's rows were printed with, and how many cells wide."""

    width: int
    positions: frozenset[int]


def merged_signs(rows: list[Row], before: SignColumns | None = None) -> list[Row]:
    """Rows with a sign alone in a cell joined to its number (see the module docstring).

    A table whose rows print no sign takes the sign columns of the table `before` it when
    its rows are as wide and empty there: the statement continued after a section name
    ("Weighted average shares outstanding:"), whose counts need no `$`. A header row whose
    cells state their spans is narrowed with the body whatever the other header rows do:
    its spans count the sign columns, which the body no longer has.
    """
    positions = sign_columns(rows, before).positions
    if positions:
        padded = not any(_collides(row, positions) for row in rows if not _is_body(row))
        rows = [
            _merged(row, positions) if padded or _is_body(row) or _spans(row) else row
            for row in rows
        ]
    return _signs_joined(rows)


def _spans(row: Row) -> bool:
    return any(c.span > 1 for c in row.cells)


def _signs_joined(rows: list[Row]) -> list[Row]:
    """Rows that print a `$` cell before some amounts where the other rows print none
    ("Net revenues, $, 1,284.6, $, 1,201.9" over "Cost of sales, 781.2, 744.0"): the sign
    columns are not columns of the table, so each such row has its signs joined to the
    amounts after them, when that makes it no wider than the rows without signs."""
    plain = [_width(row) for row in rows if not _lone_signs(row)]
    width = max(plain, default=0)
    joined = []
    for row in rows:
        compact = _joined_row(row) if _lone_signs(row) else row
        joined.append(compact if _width(compact) <= width < _width(row) else row)
    return joined


def _lone_signs(row: Row) -> bool:
    """A body row with a currency sign alone in a cell before an amount (a row whose cells
    span columns is a header's, left to the column reading)."""
    texts = [c.text.strip() for c in row.cells]
    return (
        _is_body(row)
        and all(c.span == 1 for c in row.cells)
        and any(_joins_next(a, b) for a, b in pairwise(texts))
    )


def _joins_next(text: str, following: str) -> bool:
    """Opening marks that belong to the amount in the next cell (never to a year)."""
    return joins_forward(text, following) and bool(value_text(following))


def _joined_row(row: Row) -> Row:
    """The row with each lone currency sign joined to the amount after it."""
    texts: list[str] = []
    for cell in row.cells:
        text = cell.text.strip()
        # A code in the label's cell is the row's label ("USD" in a table of rates).
        if len(texts) > 1 and _joins_next(texts[-1], text):
            texts[-1] += text
        else:
            texts.append(text)
    return row.model_copy(
        update={"cells": tuple(Cell(text=t, column=i) for i, t in enumerate(texts))}
    )


def _width(row: Row) -> int:
    """Grid columns up to the row's last non-empty cell."""
    return max((c.column + c.span for c in row.cells if c.text.strip()), default=0)


def sign_columns(rows: list[Row], before: SignColumns | None = None) -> SignColumns:
    """The sign columns of `rows`, else those of the table `before` that they continue."""
    width = max((len(row.cells) for row in rows), default=0)
    own = frozenset(_sign_columns(rows))
    if own or before is None or before.width != width:
        return SignColumns(width, own)
    continued = all(_blank_at(row, before.positions) for row in rows)
    return before if continued else SignColumns(width, own)


def _blank_at(row: Row, positions: frozenset[int]) -> bool:
    texts = _by_column(row)
    return all(i >= len(texts) or not texts[i] for i in positions)


def _is_body(row: Row) -> bool:
    """A row with an amount after its label; a row of years is a header's."""
    return any(value_text(c.text) and not is_year(c.text) for c in row.cells[1:])


def _sign_columns(rows: list[Row]) -> set[int]:
    """Cell positions that hold a currency sign before a number, or a closing sign after
    one, in some body row, and nothing else in any body row."""
    found: set[int] = set()
    other: set[int] = set()
    for row in filter(_is_body, rows):
        texts = _by_column(row)
        for i, text in enumerate(texts):
            if not text:
                continue
            before = i + 1 < len(texts) and joins_forward(text, texts[i + 1])
            after = i > 1 and text in _CLOSING and value_text(texts[i - 1])
            (found if before or after else other).add(i)
    return {i for i in found - other if i > 0}


def _neighbour(texts: list[str], i: int) -> int:
    """The cell a sign column's text joins: the amount after a currency sign, the amount
    before a closing sign; a header's text goes to the amount column after it."""
    return i - 1 if texts[i].strip() in _CLOSING else i + 1


def _collides(row: Row, positions: Set[int]) -> bool:
    """A header row printed without the sign columns: its text stands in a sign column
    beside the text of the next column."""
    texts = _by_column(row)
    return any(
        i < len(texts)
        and texts[i]
        and 0 <= _neighbour(texts, i) < len(texts)
        and texts[_neighbour(texts, i)]
        for i in positions
    )


def _by_column(row: Row) -> list[str]:
    """The row's texts by grid column, a spanning cell's in its first column."""
    texts = [""] * max((c.column + c.span for c in row.cells), default=0)
    for cell in row.cells:
        texts[cell.column] = cell.text.strip()
    return texts


def _merged(row: Row, positions: Set[int]) -> Row:
    """One row with its sign cells joined to their neighbours and the positions dropped."""
    if any(c.span > 1 for c in row.cells):
        return _narrowed(row, positions)
    # A row may end at a header printed in a sign column, before the amount column it
    # heads ("\tThree Months Ended\t\t...\tNine Months Ended"): that column is empty.
    texts = [c.text.strip() for c in row.cells] + [""]
    for i in sorted(positions):
        if i >= len(texts) or not texts[i]:
            continue
        j = _neighbour(texts, i)
        if 0 <= j < len(texts):
            texts[j] = texts[i] + texts[j] if j > i else texts[j] + texts[i]
            texts[i] = ""
    if not texts[-1]:
        texts.pop()
    kept = [t for i, t in enumerate(texts) if i not in positions]
    return row.model_copy(
        update={"cells": tuple(Cell(text=t, column=i) for i, t in enumerate(kept))}
    )


def _narrowed(row: Row, positions: Set[int]) -> Row:
    """A header row whose cells span columns, the sign columns dropped from each span; a
    cell over sign columns alone heads the column its sign would join."""
    cells = []
    for cell in row.cells:
        covered = range(cell.column, cell.column + cell.span)
        kept = [i for i in covered if i not in positions]
        if not kept and cell.text.strip():
            kept = [_neighbour(_by_column(row), cell.column)]
        if kept:
            column = kept[0] - sum(1 for i in positions if i < kept[0])
            cells.append(Cell(text=cell.text.strip(), column=column, span=len(kept)))
    return row.model_copy(update={"cells": tuple(cells)})
