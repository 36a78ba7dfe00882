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

from exporter.document import Cell, Row
from exporter.ingest.text.grid import value_text

CURRENCY_SIGNS = frozenset({"$", "US$", "C$", "A$", "HK$", "NT$", "S$", "R$", "€", "£", "¥", "₹"})
_CLOSING = frozenset({")", "%", ")%", "%)"})
# A Markdown table's delimiter row: "|---|:---:|---:|".
_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def is_pipe_line(line: str) -> bool:
    """A row of a Markdown pipe table (two or more `|`), or its delimiter row (which has a
    `|`: a line of dashes alone is a rule under a fixed-width header)."""
    return line.count("|") >= 2 or ("|" in line and bool(_DELIMITER.match(line)))


def pipe_rows(lines: list[str], first_line: int) -> list[Row]:
    """The cells of a run of pipe lines (`first_line` is the 0-based line of the first).

    An outer `|` is decoration when every line of the run opens with one; when only some
    do, it marks an empty label cell (header rows printed without their label).
    """
    decorated = all(line.lstrip().startswith("|") for line in lines if line.strip())
    rows = []
    for offset, line in enumerate(lines):
        if not line.strip() or _DELIMITER.match(line):
            continue
        pieces = line.strip().split("|")
        if decorated and pieces and not pieces[0].strip():
            pieces = pieces[1:]
        if line.rstrip().endswith("|") and pieces and not pieces[-1].strip():
            pieces = pieces[:-1]
        cells = tuple(Cell(text=p.strip(), column=i) for i, p in enumerate(pieces))
        rows.append(Row(cells=cells, line=first_line + offset + 1))
    return rows


def merged_signs(rows: list[Row]) -> list[Row]:
    """Rows with a sign alone in a cell joined to its number (see the module docstring)."""
    positions = _sign_columns(rows)
    if not positions:
        return rows
    padded = not any(_collides(row, positions) for row in rows if not _is_body(row))
    return [_merged(row, positions) if padded or _is_body(row) else row for row in rows]


def _is_body(row: Row) -> bool:
    return any(value_text(c.text) for c in row.cells[1:])


def _sign_columns(rows: list[Row]) -> set[int]:
    """Cell positions that hold a currency sign before a number, or a closing sign after
    one, in some body row, and nothing else in any body row."""
    found: set[int] = set()
    other: set[int] = set()
    for row in filter(_is_body, rows):
        texts = [c.text.strip() for c in row.cells]
        for i, text in enumerate(texts):
            if not text:
                continue
            before = i + 1 < len(texts) and text in CURRENCY_SIGNS and value_text(texts[i + 1])
            after = i > 1 and text in _CLOSING and value_text(texts[i - 1])
            (found if before or after else other).add(i)
    return {i for i in found - other if i > 0}


def _neighbour(texts: list[str], i: int) -> int:
    """The cell a sign column's text joins: the amount after a currency sign, the amount
    before a closing sign; a header's text goes to the amount column after it."""
    return i - 1 if texts[i].strip() in _CLOSING else i + 1


def _collides(row: Row, positions: set[int]) -> bool:
    """A header row printed without the sign columns: its text stands in a sign column
    beside the text of the next column."""
    texts = [c.text.strip() for c in row.cells]
    return any(
        i < len(texts)
        and texts[i]
        and 0 <= _neighbour(texts, i) < len(texts)
        and texts[_neighbour(texts, i)]
        for i in positions
    )


def _merged(row: Row, positions: set[int]) -> Row:
    """One row with its sign cells joined to their neighbours and the positions dropped."""
    texts = [c.text.strip() for c in row.cells]
    for i in sorted(positions):
        if i >= len(texts) or not texts[i]:
            continue
        j = _neighbour(texts, i)
        if 0 <= j < len(texts):
            texts[j] = texts[i] + texts[j] if j > i else texts[j] + texts[i]
            texts[i] = ""
    kept = [t for i, t in enumerate(texts) if i not in positions]
    return row.model_copy(
        update={"cells": tuple(Cell(text=t, column=i) for i, t in enumerate(kept))}
    )
