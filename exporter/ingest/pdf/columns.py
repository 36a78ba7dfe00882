"""Two statements printed side by side on one page, read one after the other.

A landscape page may set the income statement on its left half and the balance sheet on
its right: each printed line then holds a row of each, and read across the page the left
row's figures would fall inside the right row's label. The evidence of two tables is a
gutter: a vertical band no word crosses, down a run of lines, with a row of figures
ending left of it and a row label starting right of it on many of those lines (or, where
the two tables' rows do not line up, rows of each table on lines of their own). A table's
own gap between its labels and its figures is no gutter: left of that gap stand labels,
never figures.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from exporter.ingest.pdf.lines import Line

# Where a gutter may run (shares of the page width), how wide it is at least (points), and
# how many lines must show a table on each side of it.
_MIDDLE = (0.3, 0.7)
_MIN_GUTTER = 8.0
_MIN_PAIRED_ROWS = 6
_STEP = 2.0


def side_by_side(lines: list[Line], width: float) -> list[list[Line]]:
    """The page's lines as the pieces it reads in order: the lines above two side-by-side
    tables with the left table's, then the right table's with the lines below; the page
    itself, in one piece, when it prints no such pair."""
    found = _gutter(lines, width) if _may_pair(lines, width) else None
    if found is None:
        return [lines]
    x, first, last = found
    left = [part for line in lines[first : last + 1] if (part := _part(line, x, left=True))]
    right = [part for line in lines[first : last + 1] if (part := _part(line, x, left=False))]
    return [lines[:first] + left, right + lines[last + 1 :]]


def _may_pair(lines: list[Line], width: float) -> bool:
    """A cheap first look: enough lines hold a label after figures, or enough rows stand
    in each half of the page, for a gutter to be worth looking for."""
    low, high = (share * width for share in _MIDDLE)
    after = sum(
        any(a.number and b.text[:1].isalpha() for a, b in pairwise(line.chunks)) for line in lines
    )
    lefts = sum(line.x1 <= high and _row_within(line, high, left=True) for line in lines)
    rights = sum(line.x0 >= low and _row_within(line, low, left=False) for line in lines)
    return after >= _MIN_PAIRED_ROWS or min(lefts, rights) >= _MIN_PAIRED_ROWS


def _gutter(lines: list[Line], width: float) -> tuple[float, int, int] | None:
    """The gutter's middle and the first and last line it runs through, for the band
    that pairs the most rows."""
    best: tuple[int, float, int, int] | None = None
    for x in _band_middles(lines, width):
        run = _longest_run(lines, x)
        if run is None:
            continue
        paired, first, last = run
        if paired >= _MIN_PAIRED_ROWS and (best is None or paired > best[0]):
            best = (paired, x, first, last)
    return None if best is None else best[1:]


def _band_middles(lines: list[Line], width: float) -> list[float]:
    """Middles of the bands in the page's middle where a run of lines pairs enough rows,
    `_MIN_GUTTER` wide at least."""
    low, high = (share * width for share in _MIDDLE)
    xs = [low + i * _STEP for i in range(int((high - low) / _STEP) + 1)]
    clear = [x for x in xs if (run := _longest_run(lines, x)) and run[0] >= _MIN_PAIRED_ROWS]
    middles: list[float] = []
    band: list[float] = []
    for x in [*clear, float("inf")]:
        if band and x - band[-1] > _STEP:
            if band[-1] - band[0] >= _MIN_GUTTER:
                middles.append((band[0] + band[-1]) / 2)
            band = []
        band.append(x)
    return middles


def _longest_run(lines: list[Line], x: float) -> tuple[int, int, int] | None:
    """(rows in pairs, first, last) of the run of lines no word crosses at `x` that pairs
    the most rows: rows of both tables on one line, or, where the two tables' rows do not
    line up, as many rows of one table on lines of their own as of the other."""
    best: tuple[int, int, int] | None = None
    start, paired, lefts, rights = None, 0, 0, 0
    for index, line in enumerate([*lines, None]):
        if line is not None and not _crosses(line, x):
            start = index if start is None else start
            paired += _paired(line, x)
            lefts += _row_within(line, x, left=True)
            rights += _row_within(line, x, left=False)
            continue
        score = paired + min(lefts, rights)
        if start is not None and (best is None or score > best[0]):
            best = (score, start, index - 1)
        start, paired, lefts, rights = None, 0, 0, 0
    return best


def _row_within(line: Line, x: float, left: bool) -> bool:
    """A table row (a label, then figures) wholly on one side of `x`."""
    chunks = line.chunks
    inside = all((c.x1 <= x) if left else (c.x0 >= x) for c in chunks)
    return inside and len(chunks) >= 2 and chunks[-1].number and chunks[0].text[:1].isalpha()


def _crosses(line: Line, x: float) -> bool:
    return any(w.x0 < x < w.x1 for chunk in line.chunks for w in chunk.words or (chunk,))


def _paired(line: Line, x: float) -> bool:
    """A row of figures ending left of `x` and a row label starting right of it."""
    left = [c for c in line.chunks if c.x1 <= x]
    right = [c for c in line.chunks if c.x0 >= x]
    if not left or not right or _crosses(line, x):
        return False
    return left[-1].number and not right[0].number and right[0].text[:1].isalpha()


def _part(line: Line, x: float, left: bool) -> Line | None:
    chunks = tuple(c for c in line.chunks if (c.x1 <= x) == left)
    return replace(line, chunks=chunks) if chunks else None
