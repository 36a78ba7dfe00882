"""Ragged tables: cells set apart by runs of spaces that do not line up.

Newswire text copies often print a statement one row per line with its cells set apart by
a few spaces ("Truckload    $    702.4    $    668.9    5.0 %"), so a column's numbers
stand at different positions on every line and positions say nothing. Such a table is
read by the order of its cells instead: the n-th number of a row is in the n-th value
column, and the phrases of a header line cover the value columns in turn (one phrase
over all of them, or an equal share each). The region is then printed again with its
columns lined up, and read as any fixed-width table.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporter.ingest.text.grid import is_header_text, is_year

_GAP = 2
_MIN_ROWS = 3


@dataclass(frozen=True)
class Cells:
    """One line cut into its cells: label phrases on the left, value cells on the right."""

    label: tuple[str, ...]
    values: tuple[str, ...]


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges that overlap merged into one: the columns values stand in."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def is_ragged(rows: list[list[tuple[int, int]]]) -> bool:
    """Whether the values of data lines (their start and end positions) fail to line up in
    columns: two values of one line would share a column, or there are more columns than
    any line has values."""
    columns = merged_spans([span for row in rows for span in row])
    widest = max((len(row) for row in rows), default=0)
    if len(columns) > widest:
        return True
    for row in rows:
        hits = [i for s, e in row for i, (a, b) in enumerate(columns) if a < e and s < b]
        if len(hits) != len(set(hits)):
            return True
    return False


def is_delimited(rows: list[Cells]) -> bool:
    """A run that reads as a table by the order of its cells: at least three data lines,
    each a label then numbers, most of them with the same count of numbers."""
    data = [row for row in rows if row.values]
    if len(data) < _MIN_ROWS or any(len(row.label) != 1 for row in data):
        return False
    counts = [len(row.values) for row in data]
    common = max(set(counts), key=counts.count)
    return counts.count(common) * 2 > len(counts)


def realigned(rows: list[Cells | None]) -> list[str]:
    """The lines printed again with their value columns lined up (None: a blank line).

    A row with fewer numbers than the table fills the first columns (a change column is
    the one a subtotal leaves blank); a header line keeps its phrases in order, for
    `header_spans` to place."""
    width = max((len(row.values) for row in rows if row and row.values), default=0)
    if not width:
        return ["" if row is None else "  ".join(row.label) for row in rows]
    label_width = max(len(row.label[0]) for row in rows if row and row.values and row.label)
    cell = 2 + max(len(text) for row in rows if row for text in row.values)
    return [_line(row, width, label_width + _GAP, cell) for row in rows]


def _is_header(row: Cells) -> bool:
    """A header line: period words or years only, with no label phrase before them."""
    phrases = [*row.label, *row.values]
    return bool(phrases) and all(is_header_text(p) or is_year(p) for p in phrases)


def _header_phrases(row: Cells) -> tuple[str, ...]:
    return (*row.label, *row.values) if _is_header(row) else ()


def _line(row: Cells | None, width: int, left: int, cell: int) -> str:
    if row is None:
        return ""
    if _is_header(row):
        return " " * left + "  ".join(_header_phrases(row))
    if not row.values:
        return "  ".join(row.label)
    label = "  ".join(row.label).ljust(left)
    return label + "".join(value.rjust(cell) for value in row.values)


def header_spans(phrases: list[str], width: int) -> list[tuple[str, int, int]]:
    """A header line's phrases over `width` value columns, as (text, first column, span):
    an equal share each where they divide the columns, else one column each from the
    first."""
    share = width // len(phrases) if phrases and width % len(phrases) == 0 else 1
    return [(phrase, index * share, share) for index, phrase in enumerate(phrases)]
