"""Tables printed with a decimal comma ("1.234,5", "(80,4)", "12,2 %"), as many European
releases print them: which convention a table follows, and its cells in the other one.

A table follows the decimal comma when some cell can only be read that way (a comma
before one, two or more than three digits, or point-grouped thousands before a comma)
and no cell can only be read the other way (a point before the decimals after comma
groups, or a point before one or two digits). Cells that fit both ("1,020", "1.234") are
no evidence. A table whose cells are all of that kind (a balance sheet in thousands,
"399.623") follows the convention the document's other tables show, as one release prints
all its tables one way; with no evidence anywhere it keeps the decimal point. Such a
table's number cells are handed on in the point-decimal form the rest of the pipeline
reads; its other cells (labels, dates such as "30.06.2024") stay as printed.
"""

from __future__ import annotations

import re

from exporter.document import Cell, Row
from exporter.numbers import DECIMAL_COMMA_NUMBER as _COMMA_NUMBER

_ONLY_COMMA = re.compile(r"\d,(?:\d{1,2}|\d{4,})(?!\d)|\.\d{3},\d")
_ONLY_POINT = re.compile(r"\d,\d{3}\.\d|(?<![\d.])\d{1,3}\.\d{1,2}(?![\d.])")


def decimal_comma_evidence(rows: tuple[Row, ...]) -> bool | None:
    """What the table's own cells say: True for a decimal comma, False for a decimal point
    (a cell only the point reads, even beside comma cells), None when no cell tells."""
    comma = point = False
    for row in rows:
        for cell in row.cells:
            text = cell.text.strip()
            if not text or not any(ch.isdigit() for ch in text):
                continue
            if _COMMA_NUMBER.match(text) and _ONLY_COMMA.search(text):
                comma = True
            elif _ONLY_POINT.search(text) and not _COMMA_NUMBER.match(text):
                point = True
    if point:
        return False
    return True if comma else None


def document_decimal_comma(evidence: list[bool | None]) -> bool:
    """Whether a document's tables, by their own `evidence`, print a decimal comma: some
    table shows it and none shows a decimal point. A table without evidence of its own
    follows this."""
    return True in evidence and False not in evidence


def uses_decimal_comma(rows: tuple[Row, ...], document: bool = False) -> bool:
    """Whether the table's numbers are printed with a decimal comma: as its own cells say,
    else as the `document` does."""
    evidence = decimal_comma_evidence(rows)
    return document if evidence is None else evidence


def to_decimal_point(rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """The rows with every decimal-comma number cell written with a decimal point."""
    return tuple(row.model_copy(update={"cells": tuple(map(_cell, row.cells))}) for row in rows)


def _cell(cell: Cell) -> Cell:
    match = _COMMA_NUMBER.match(cell.text.strip())
    if match is None:
        return cell
    number = re.sub(r"[.\s]", "", match["int"])
    if match["frac"]:
        number = f"{number}.{match['frac']}"
    inside, after = _spaced(match["pct"]), _spaced(match["after"])
    text = f"{match['open']}{match['mark']}{number}{inside}{match['close']}{after}"
    return cell.model_copy(update={"text": text})


def _spaced(suffix: str) -> str:
    """A number's suffix as the point-decimal print writes it: points after a space
    ("0.3 p.p."), a percent or multiple sign right after the digits ("26.0%", "1.29x")."""
    return f" {suffix}" if suffix.startswith("p") else suffix
