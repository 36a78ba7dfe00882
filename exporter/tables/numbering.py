"""Row numbering: a leading column of serial numbers is neither a label nor a value.

Results in the format Indian and other exchanges prescribe print each item's number in a
column of its own before the label column ("Sr. No." over "1", "2", ..., "(a)", "(i)",
"II"), numbering the headings as well as the rows. Read as it stands, the number would be
the row's first figure and the label would follow it as a value column's text. A column
is a numbering when every cell it prints beside a figure or a label is a short ordinal
token (a number, a letter or a roman numeral, bracketed or stopped), the numbers among
them count upwards, and the column after it holds the rows' labels; it is then dropped,
and the label column becomes the first.
"""

from __future__ import annotations

import re
from itertools import pairwise

from exporter.document import Cell, Row
from exporter.labels import is_stub_caption
from exporter.numbers import parse_cell

# "1", "10.", "(a)", "b)", "(iv)", "II", "A": an item's number, letter or roman numeral.
_SERIAL = re.compile(r"^\(?(?:\d{1,3}|[a-z]|[A-Z]|[ivxl]{1,6}|[IVXL]{1,6})[.)]?$")
_ARABIC = re.compile(r"\d+")
_MIN_SERIALS = 2


def without_serial_column(rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """The rows without their leading numbering column, when they print one; else as given."""
    if not _numbers_the_rows(rows):
        return rows
    return tuple(_shifted(row) for row in rows)


def _numbers_the_rows(rows: tuple[Row, ...]) -> bool:
    """Whether column 0 numbers the rows: short ordinals beside the labels of column 1,
    no figure of a row in either column, the arabic numbers counting upwards (a sub-list
    may start again at 1)."""
    serials: list[str] = []
    for row in rows:
        first, second = _text_at(row, 0), _text_at(row, 1)
        figures = any(parse_cell(c.text) for c in row.cells if c.column >= 2)
        if not first:
            if figures and second and parse_cell(second):
                return False  # a figure in column 1: it is a value column
            continue
        if _SERIAL.match(first):
            if not second or not _is_words(second):
                return False
            serials.append(first)
        elif figures and not is_stub_caption(first):
            return False  # words in column 0 beside figures: column 0 holds the labels
    return len(serials) >= _MIN_SERIALS and _counts_upwards(serials)


def _counts_upwards(serials: list[str]) -> bool:
    numbers = [int(m.group()) for s in serials if (m := _ARABIC.search(s))]
    return all(b > a or b == 1 for a, b in pairwise(numbers))


def _is_words(text: str) -> bool:
    return not parse_cell(text) and sum(ch.isalpha() for ch in text) >= _MIN_SERIALS


def _text_at(row: Row, column: int) -> str:
    """The text of the single-column cell starting at `column` ("" when none)."""
    for cell in row.cells:
        if cell.column == column and (cell.span == 1 or column > 0):
            return cell.text.strip()
    return ""


def _shifted(row: Row) -> Row:
    """The row with its numbering dropped and every other cell one column to the left.

    Words in column 0 that number nothing (a heading printed from the first column, the
    unit over the labels) stay, in the label column, before the words printed there;
    the column's own name ("Sr. No.") goes with the numbers.
    """
    first = next((c for c in row.cells if c.column == 0), None)
    rest = [c for c in row.cells if c.column > 0]
    if first is not None and first.span > 1:
        rest.insert(0, first.model_copy(update={"column": 1, "span": first.span - 1}))
    elif first is not None and _kept(first.text):
        label = next((c for c in rest if c.column == 1), None)
        text = f"{first.text.strip()} {label.text.strip() if label else ''}".strip()
        rest = [c for c in rest if c is not label]
        rest.insert(0, Cell(text=text, column=1, span=label.span if label else 1))
    cells = tuple(c.model_copy(update={"column": c.column - 1}) for c in rest)
    return row.model_copy(update={"cells": cells})


def _kept(text: str) -> bool:
    """Whether column 0's words are more than a serial or the name of the numbering."""
    text = text.strip()
    return bool(text) and not _SERIAL.match(text) and not is_stub_caption(text)
