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

from exporter.ingest.pdf.lines import Chunk, Line

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


# Lines of prose with words on both sides of a gutter that make two text columns, and the
# words a side of a line needs to be prose rather than a table's label or figures.
_MIN_COLUMN_LINES = 3
_MIN_PROSE_WORDS = 3


def text_columns(lines: list[Line], width: float) -> list[list[Line]]:
    """The page's lines as the pieces it reads in order, where prose is set in two text
    columns: the lines above, the left column top to bottom, then the right one, then
    the rest (which may hold more columns); the lines in one piece when no prose is so set.

    Read across the page, each printed line would join the two columns' sentences
    ("... -- Stonebridge For the full year, net sales were ... Materials, Inc. ..."). The
    evidence is a gutter: a vertical band in the page's middle no word crosses, down a run
    of lines each side of which is prose (words, not a table's label and figures), with
    prose on both sides on several of them. A table's rows end in figures, so a table
    below or beside the prose is never a column of it.
    """
    found = _text_gutter(lines, width)
    if found is None:
        return [lines]
    x, first, last = found
    run = lines[first : last + 1]
    left = [part for line in run if (part := _part(line, x, left=True))]
    right = [part for line in run if (part := _part(line, x, left=False))]
    pieces = [piece for piece in (lines[:first], left, right) if piece]
    rest = lines[last + 1 :]
    return pieces + text_columns(rest, width) if rest else pieces


def _text_gutter(lines: list[Line], width: float) -> tuple[float, int, int] | None:
    """The middle of the widest clear band, and the first and last line, of the run of
    prose lines in two columns with the most lines printing both."""
    low, high = (share * width for share in _MIDDLE)
    xs = [low + i * _STEP for i in range(int((high - low) / _STEP) + 1)]
    runs = {x: run for x in xs if (run := _prose_run(lines, x)) is not None}
    if not runs:
        return None
    best = max(runs.values(), key=lambda run: run[0])
    clear = [x for x in xs if runs.get(x) == best]
    bands: list[list[float]] = []
    for x in clear:
        if bands and x - bands[-1][-1] <= _STEP:
            bands[-1].append(x)
        else:
            bands.append([x])
    band = max(bands, key=lambda b: b[-1] - b[0])
    if band[-1] - band[0] < _MIN_GUTTER:
        return None
    return (band[0] + band[-1]) / 2, best[1], best[2]


def _prose_run(lines: list[Line], x: float) -> tuple[int, int, int] | None:
    """(lines with prose on both sides, first, last) of the run of prose lines no word
    crosses at `x` that prints the most on both sides, if enough do."""
    best: tuple[int, int, int] | None = None
    start, both = None, 0
    for index, line in enumerate([*lines, None]):
        sides = None if line is None else _prose_sides(line, x)
        if sides is not None:
            start = index if start is None else start
            both += sides == 2
            continue
        if start is not None and both >= _MIN_COLUMN_LINES and (best is None or both > best[0]):
            best = (both, start, index - 1)
        start, both = None, 0
    return best


def _prose_sides(line: Line, x: float) -> int | None:
    """How many sides of `x` print running text on the line (1 or 2), or None when a word
    crosses `x` or a side prints something else: a table's cells (a label and figures,
    or header words set apart in columns)."""
    if _crosses(line, x):
        return None
    left = [c for c in line.chunks if c.x1 <= x]
    right = [c for c in line.chunks if c.x0 >= x]
    sides = [side for side in (left, right) if side]
    # A paragraph's last line may be short ("prior-year quarter."); beside another
    # column's line, each side must read as running text.
    least = _MIN_PROSE_WORDS if len(sides) == 2 else 1
    if not all(_is_prose(side, least) for side in sides):
        return None
    return len(sides)


def _is_prose(chunks: list[Chunk], least: int) -> bool:
    """Running text: words set close together (no gap as wide as a gutter, which sets a
    table's cells apart), at least `least` of them with letters, not ending in a figure
    as a table's row does."""
    if any(b.x0 - a.x1 >= _MIN_GUTTER for a, b in pairwise(chunks)):
        return False
    words = [w for c in chunks for w in c.text.split() if any(ch.isalpha() for ch in w)]
    return len(words) >= least and not chunks[-1].number
