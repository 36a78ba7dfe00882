"""Table regions on a PDF page, found from word positions alone (no ruling lines needed).

A data line ends in numbers set apart from its label. A table is a run of data lines with
the label lines between them, grown upward over the column-header lines above it (text
or bare years set over the value columns, in the body's type or a larger one, under a
blank row when the body leaves blank rows too or when the line heads a column of its own
with each phrase), but not over a title centred on the page.
Value columns come from the right edges of the numbers (numbers are right-aligned, so a
closing bracket or a % sign may hang past them), for each stacked block of the table on
its own, then merged into one grid where the blocks' columns agree. A run of lone numbers
(prose wrapped before "$2.12") is no table. `rows` turns a region into rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise
from statistics import median

from exporter.ingest.pdf.lines import Chunk, Line
from exporter.numbers import is_placeholder as placeholder_text

_GAP_BREAK = 2.6
_HEADER_GAP_BREAK = 2.0
_PAGE_CENTRE = 0.02
_TIGHT = 1.3
_TIGHT_SHARE = 0.85
_TITLE_SIZE = 1.15
_PITCH_SLACK = 0.25
_COLUMN_TOLERANCE = 0.6
_SPAN_SHARE = 0.3
_DETACHED = 1.5
_DASH_ROWS = 2
_FOOTNOTE_START = re.compile(r"^(?:\(\d{1,2}\)|\([a-z]\)|\*|\d{1,2}\s|note\b)", re.IGNORECASE)


class Kind(Enum):
    DATA = "data"
    HEADER = "header"
    LABEL = "label"


@dataclass(frozen=True, slots=True)
class Column:
    """A value column: where its numbers end and how far its cells reach."""

    anchor: float
    x0: float
    x1: float

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Region:
    """Lines of one table: `kinds` says what each line is.

    A table may stack blocks (a header group, its data lines, then another header group
    and its data lines) whose value columns differ. `columns` is the grid of all blocks;
    `blocks` numbers each line's block and `block_columns` maps each block's grid columns
    to that block's own value extents, so a value is placed among its block's columns only.
    """

    lines: list[Line]
    kinds: list[Kind]
    columns: list[Column] = field(default_factory=list)
    value_left: float = 0.0
    stub_right: float = 0.0
    page_width: float = 0.0
    blocks: list[int] = field(default_factory=list)
    block_columns: list[dict[int, Column]] = field(default_factory=list)

    def over_values(self, chunk: Chunk) -> bool:
        """Whether a chunk of a header line stands over the value columns, not the stub.

        A header wider than its column ("Reported" over a narrow first column) may start
        left of where the labels end; it is centred over its column all the same. A group
        header set a few points left of its columns ("Three Months Ended" centred over
        the cells, not the figures) may start a few points left of it too (no more than
        its type size, unlike a line of prose across the page), most of it over the values.
        """
        if chunk.x0 >= self.stub_right:
            return True
        size = max((w.size for w in chunk.words), default=0.0)
        if any(abs(chunk.center - column.center) <= size for column in self.columns):
            return True
        if chunk.x0 < self.stub_right - size:
            return False
        return chunk.x1 - max(chunk.x0, self.value_left) > (chunk.x1 - chunk.x0) / 2

    def columns_at(self, index: int) -> dict[int, Column]:
        """The value columns (grid index -> extent) of the block of line `index`."""
        if self.blocks and self.block_columns[self.blocks[index]]:
            return dict(self.block_columns[self.blocks[index]])
        return dict(enumerate(self.columns, start=1))


def tail_start(line: Line) -> int:
    """Index of the first chunk of the line's trailing run of values.

    The run holds numbers and the placeholders printed after one where a column has no
    figure ("N/A", "**"); a short scrap before the first number ("Gross pro t", a
    ligature lost from the label) stays with the label.
    """
    index = len(line.chunks)
    while index > 0 and (line.chunks[index - 1].number or is_placeholder(line.chunks[index - 1])):
        index -= 1
    while index < len(line.chunks) and not line.chunks[index].number:
        index += 1
    return index


def is_placeholder(chunk: Chunk) -> bool:
    """A mark printed apart in a value column where no figure is given (see
    `exporter.numbers.is_placeholder`)."""
    return placeholder_text(chunk.text)


def is_data_line(line: Line) -> bool:
    """Numbers at the end of the line, set apart from any label before them (years and
    placeholders alone are a header line's: "2022  2021  %")."""
    start = tail_start(line)
    tail = line.chunks[start:]
    if not tail or all(chunk.year or not chunk.number for chunk in tail):
        return False
    if len(tail) >= 2 or start == 0:
        return True
    return tail[0].x0 - line.chunks[start - 1].x1 >= _DETACHED * line.size


def find_regions(
    lines: list[Line], page_width: float, previous: tuple[Column, ...] = ()
) -> list[tuple[Region, int, int]]:
    """Every table region on a page with its first and past-the-last line index.

    `previous` is the column grid of the table before (on this page or the last one): a
    table without header lines whose numbers fall in the same columns keeps that grid, so
    its rows line up with the table it continues.
    """
    data = [is_data_line(line) for line in lines]
    regions: list[tuple[Region, int, int]] = []
    floor = 0
    index = 0
    while index < len(lines):
        if not data[index]:
            index += 1
            continue
        region, start, end = _region(lines, data, index, floor, page_width)
        if _lone_numbers(region):
            index = end
            continue
        pieces = [(region, start, end)]
        if not regions and previous:
            pieces = _continuation_apart(region, start, end, list(previous))
        for piece, first, last in pieces:
            if previous and Kind.HEADER not in piece.kinds:
                shared = _shared_grid(piece, list(previous))
                if shared is not piece.columns:
                    piece.columns = shared
                    piece.blocks = [0] * len(piece.lines)
                    piece.block_columns = [dict(enumerate(shared, start=1))]
            regions.append((piece, first, last))
            previous = tuple(piece.columns)
        floor = end
        index = end
    return regions


def _continuation_apart(
    region: Region, start: int, end: int, previous: list[Column]
) -> list[tuple[Region, int, int]]:
    """The first table on a page cut where a statement continued from the table before
    (`previous`, its column grid) ends and another, with columns of its own, starts below.

    Stacked blocks make one grid of all their columns, so the next statement's columns
    would sit among the continued rows' and shift them off the grid of the table they
    continue. The continued blocks keep that table's columns; from the first block whose
    columns do not line up with it, the rest is a table of its own, and the lines between
    (its title) are text. A region whose first block does not line up with `previous`
    continues nothing and stays whole.
    """
    tolerance = _COLUMN_TOLERANCE * median(line.size for line in region.lines)
    blocks = region.block_columns
    if len(blocks) < 2 or not _lines_up(list(blocks[0].values()), previous, tolerance):
        return [(region, start, end)]
    apart = next(
        (
            b
            for b in range(1, len(blocks))
            if blocks[b] and not _lines_up(list(blocks[b].values()), previous, tolerance)
        ),
        None,
    )
    if apart is None:
        return [(region, start, end)]
    below = region.blocks.index(apart)
    above = max(i for i in range(below) if region.kinds[i] is Kind.DATA) + 1
    return [
        (_part(region, 0, above), start, start + above),
        (_part(region, below, len(region.lines)), start + below, end),
    ]


def _lines_up(columns: list[Column], grid: list[Column], tolerance: float) -> bool:
    """Every column has one of `grid`'s within `tolerance` of its anchor."""
    return bool(columns) and all(
        any(abs(column.anchor - other.anchor) <= tolerance for other in grid) for column in columns
    )


def _part(region: Region, first: int, last: int) -> Region:
    """Lines `first` to `last` of a region as a region of their own, with their own grid."""
    part = Region(
        lines=region.lines[first:last],
        kinds=region.kinds[first:last],
        page_width=region.page_width,
    )
    _measure(
        part, [line for line, kind in zip(part.lines, part.kinds, strict=True) if kind is Kind.DATA]
    )
    _grid(part)
    return part


def _region(
    lines: list[Line], data: list[bool], seed: int, floor: int, page_width: float
) -> tuple[Region, int, int]:
    region = Region(lines=[], kinds=[], page_width=page_width)
    _measure(region, [lines[seed]])
    end = _grow_down(lines, data, seed, region)
    _measure(
        region,
        [line for line, is_data in zip(lines[seed:end], data[seed:end], strict=False) if is_data],
    )
    region.lines = lines[seed:end]
    region.kinds = [
        _kind(line, is_data, region)
        for line, is_data in zip(region.lines, data[seed:end], strict=False)
    ]
    _grid(region)
    start = _grow_up(lines, seed, floor, region)
    region.lines = lines[start:end]
    region.kinds = [
        _kind(line, is_data, region)
        for line, is_data in zip(region.lines, data[start:end], strict=False)
    ]
    _grid(region)
    return region, start, end


def _lone_numbers(region: Region) -> bool:
    """Every data line is one number and nothing else: prose wrapped before "$2.12"."""
    return all(
        len(line.chunks) == 1
        for line, kind in zip(region.lines, region.kinds, strict=True)
        if kind is Kind.DATA
    )


def _shared_grid(region: Region, previous: list[Column]) -> list[Column]:
    """The previous table's columns when every column of this one matches one of them."""
    size = median(line.size for line in region.lines)
    tolerance = _COLUMN_TOLERANCE * size
    for column in region.columns:
        if not any(abs(column.anchor - other.anchor) <= tolerance for other in previous):
            return region.columns
    return previous


def _measure(region: Region, data_lines: list[Line]) -> None:
    """Where the value area starts and where the row labels end."""
    region.value_left = min(line.chunks[tail_start(line)].x0 for line in data_lines)
    label_ends = [
        chunk.x1
        for line in data_lines
        for chunk in line.chunks[: tail_start(line)]
        if chunk.x1 < region.value_left
    ]
    region.stub_right = max(label_ends, default=region.value_left - 1)


def _kind(line: Line, is_data: bool, region: Region) -> Kind:
    if is_data:
        return Kind.DATA
    return Kind.HEADER if _is_header_line(line, region) else Kind.LABEL


def _is_header_line(line: Line, region: Region) -> bool:
    """Text (or bare years) over the value columns, with at most a stub before it.

    Text set between the labels and the values, reaching none of the values ("ASSETS"
    centred on the page above "Current assets"), labels the rows below instead.
    """
    over = [c for c in line.chunks if region.over_values(c)]
    stub = [c for c in line.chunks if not region.over_values(c)]
    if not over or any(c.number and not c.year for c in over):
        return False
    if all(c.x1 <= region.value_left for c in over):
        return False
    return all(c.x1 <= region.value_left for c in stub)


_FOLIO = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)


def _within_stub(line: Line, region: Region) -> bool:
    return line.x1 <= region.value_left + line.size


def _is_section(line: Line, region: Region) -> bool:
    """A long section label ("Adjustments to reconcile ... activities:") at the stub."""
    return len(line.chunks) == 1 and line.text.endswith(":") and line.x0 < region.stub_right


def gap_breaks(upper: Line, lower: Line, limit: float = _GAP_BREAK) -> bool:
    """More blank space than a blank row or two leaves: the table has ended."""
    return lower.top - upper.bottom > limit * max(upper.size, lower.size)


def tight(upper: Line, lower: Line, pitch: float | None = None) -> bool:
    """Lines of one wrapped label sit closer than rows do."""
    gap = lower.top - upper.top
    limit = _TIGHT * max(upper.size, lower.size)
    if pitch is not None:
        limit = min(limit, _TIGHT_SHARE * pitch)
    return gap <= limit


def _grow_down(lines: list[Line], data: list[bool], seed: int, region: Region) -> int:
    last = seed
    index = seed + 1
    while index < len(lines):
        line = lines[index]
        if gap_breaks(lines[index - 1], line):
            break
        if data[index]:
            last = index
            _measure(region, [lines[i] for i in range(seed, index + 1) if data[i]])
        elif _starts_next_table(lines, data, index, region):
            break
        elif _is_header_line(line, region) or (
            _within_stub(line, region) and not _FOOTNOTE_START.match(line.text)
        ):
            pass
        elif not (index + 1 < len(lines) and data[index + 1]) or not (
            tight(line, lines[index + 1]) or _is_section(line, region)
        ):
            break
        index += 1
    end = last + 1
    while end < index and not data[end] and tight(lines[end - 1], lines[end]):
        if not _within_stub(lines[end], region):
            break
        end += 1
    if _foot_section(lines, end, region):
        end += 1  # "Net income per share:" left at the foot, its rows on the next page
    return end


def _starts_next_table(lines: list[Line], data: list[bool], index: int, region: Region) -> bool:
    """A title below the rows, then column headers before any row: the next table.

    The title is a line centred on the page or running from the labels across the value
    columns, its middle left of them (not a section label ending in a colon); the headers
    may follow a caption, and a title wrapped onto a line of its own ("June / 30") is no
    row.
    """
    line = lines[index]
    centre = (line.x0 + line.x1) / 2
    centred = abs(centre - region.page_width / 2) <= _PAGE_CENTRE * region.page_width
    across = line.x0 < region.value_left and line.x1 > region.value_left + line.size
    # A header of a block stacked under the rows ("Three Months Ended") is centred over
    # the value columns; a title's middle lies left of them.
    beside = centre < region.value_left
    # A title centred on the page over a wide table runs from left of the values across
    # them, its middle over them all the same.
    titled = (beside and (centred or across)) or (centred and across)
    if len(line.chunks) != 1 or line.text.endswith(":") or not titled:
        return False
    for probe in range(index + 1, len(lines)):
        below = lines[probe]
        if gap_breaks(lines[probe - 1], below):
            return False
        if data[probe] and len(below.chunks) > 1:
            return False
        if not data[probe] and _is_header_line(below, region) and not _is_page_title(below, region):
            return True
    return False


def _foot_section(lines: list[Line], index: int, region: Region) -> bool:
    """A section heading that is the last line of the page but for its number: the rows
    it heads continue on the next page."""
    if index >= len(lines) or not _is_section(lines[index], region):
        return False
    return all(_FOLIO.match(line.text.strip()) for line in lines[index + 1 :])


def _grow_up(lines: list[Line], seed: int, floor: int, region: Region) -> int:
    """Header lines above the first data line, and label lines between them and it."""
    body_size = lines[seed].size
    limit = _header_gap_limit(region)
    pitch = _row_pitch(region)
    top = seed
    header_seen = False
    index = seed - 1
    while index >= floor:
        line = lines[index]
        if _header_gap_breaks(line, lines[index + 1], region, limit) and not (
            _within_stub(line, region)
            and _one_blank_row(line, lines[index + 1], pitch)
            and _has_header_above(lines, index, floor, region, pitch)
        ):
            break
        if _is_page_title(line, region) and not _has_header_above(lines, index, floor, region):
            break
        if line.size > _TITLE_SIZE * body_size and not _larger_part(lines, index, floor, region):
            break
        if _is_header_line(line, region):
            header_seen = True
            top = index
        elif header_seen or not _within_stub(line, region) or _FOOTNOTE_START.match(line.text):
            break
        elif line.text.endswith(":") or tight(line, lines[index + 1]):
            top = index
        elif not _has_header_above(lines, index, floor, region, pitch):
            break
        index -= 1
    return top


def _header_gap_breaks(line: Line, lower: Line, region: Region, limit: float) -> bool:
    """Whether the blank space under a line above the body ends the table there.

    It does not when it is no wider than the blank rows of the body (`limit`), nor when
    the line heads columns of its own with each phrase and the space is no more than a
    body may leave between two of its rows.
    """
    if not gap_breaks(line, lower, limit):
        return False
    return gap_breaks(line, lower) or not _heads_columns(line, region)


def _one_blank_row(upper: Line, lower: Line, pitch: float | None) -> bool:
    """The lines stand no further apart than two rows of the body's pitch."""
    return pitch is not None and lower.top - upper.top <= 2 * pitch + _PITCH_SLACK * lower.size


def _row_pitch(region: Region) -> float | None:
    """The usual distance from one data line to the next (None with fewer than two)."""
    pitches = [
        lower.top - upper.top
        for (upper, a), (lower, b) in pairwise(zip(region.lines, region.kinds, strict=True))
        if a is Kind.DATA and b is Kind.DATA
    ]
    return median(pitches) if pitches else None


def _header_gap_limit(region: Region) -> float:
    """How much blank space (in type sizes) may stand between header lines and the body.

    A table that leaves a blank row between its groups of rows may leave one under its
    headers too; others keep their headers close.
    """
    gaps = [
        (lower.top - upper.bottom) / max(upper.size, lower.size)
        for upper, lower in pairwise(region.lines)
    ]
    return max([_HEADER_GAP_BREAK, *gaps])


def _heads_columns(line: Line, region: Region) -> bool:
    """A header line of two or more phrases, each over value columns of its own.

    Such a line ("2022 | 2021 | Reported | Operational | Currency") heads the columns
    below even across a blank row or two, as a data line continues a body across them.
    """
    if not region.columns or not _is_header_line(line, region):
        return False
    columns = region.columns_at(0)
    over = [span(chunk, columns) for chunk in line.chunks if region.over_values(chunk)]
    return len(over) >= 2 and all(a[1] < b[0] for a, b in pairwise(over))


def _larger_part(lines: list[Line], index: int, floor: int, region: Region) -> bool:
    """Whether a line in larger type than the body above it still belongs to the table.

    Some releases set the column headers ("March 31," over "2023") and section labels
    ("ASSETS") in the type of the text around the table and the rows in a smaller one:
    a label in larger type belongs when header lines stand above it.
    """
    line = lines[index]
    if _within_stub(line, region) and not _FOOTNOTE_START.match(line.text):
        return _has_header_above(lines, index, floor, region)
    return _larger_header(line, region)


def _larger_header(line: Line, region: Region) -> bool:
    """A header line in larger type than the body, not a title centred on the page.

    A title in larger type is one phrase centred on the page, even when it happens to
    fall over the value columns (a narrow table centred under it).
    """
    if not _is_header_line(line, region):
        return False
    if len(line.chunks) > 1:
        return True
    centre = line.chunks[0].center
    return abs(centre - region.page_width / 2) > _PAGE_CENTRE * region.page_width


def _is_page_title(line: Line, region: Region) -> bool:
    """One chunk centred on the page rather than over the columns it covers.

    The lines looked at stand above the table, so the columns are its first block's.
    """
    if len(line.chunks) != 1 or not region.columns:
        return False
    chunk = line.chunks[0]
    if abs(chunk.center - region.page_width / 2) > _PAGE_CENTRE * region.page_width:
        return False
    columns = region.columns_at(0)
    first, last = span(chunk, columns)
    over = (columns[first].x0 + columns[last].x1) / 2
    return abs(chunk.center - over) > line.size


def _has_header_above(
    lines: list[Line], index: int, floor: int, region: Region, pitch: float | None = None
) -> bool:
    """Whether a header line sits just above a run of stub lines ending at `index`.

    With the body's row `pitch`, the run may leave one blank row of it between lines (a
    stub heading, "Sales to customers by segment of business", over a section label).
    """
    probe = index - 1
    while probe >= floor and (
        not gap_breaks(lines[probe], lines[probe + 1])
        or _one_blank_row(lines[probe], lines[probe + 1], pitch)
    ):
        if _is_header_line(lines[probe], region) and not _is_page_title(lines[probe], region):
            return True
        if not _within_stub(lines[probe], region):
            return False
        probe -= 1
    return False


def block_numbers(kinds: list[Kind]) -> list[int]:
    """Each line's block: a header line after data lines starts the next one."""
    numbers: list[int] = []
    block, data_seen = 0, False
    for kind in kinds:
        if kind is Kind.HEADER and data_seen:
            block, data_seen = block + 1, False
        data_seen = data_seen or kind is Kind.DATA
        numbers.append(block)
    return numbers


def _grid(region: Region) -> None:
    """Value columns of each block, merged into one grid where their anchors agree.

    Two columns of one block never merge, so interleaved blocks (a reconciliation whose
    second block sets its columns a few points right of the first's) keep theirs apart.
    """
    tolerance = _COLUMN_TOLERANCE * median(line.size for line in region.lines)
    region.blocks = block_numbers(region.kinds)
    owned: list[tuple[int, Column]] = []
    for block in range(max(region.blocks, default=0) + 1):
        data = [
            line
            for line, kind, number in zip(region.lines, region.kinds, region.blocks, strict=True)
            if kind is Kind.DATA and number == block
        ]
        owned.extend((block, column) for column in _columns(data, tolerance))
    groups: list[list[tuple[int, Column]]] = []
    for block, column in sorted(owned, key=lambda item: item[1].anchor):
        last = groups[-1] if groups else []
        near = last and column.anchor - median(c.anchor for _, c in last) <= tolerance
        if near and all(b != block for b, _ in last):
            last.append((block, column))
        else:
            groups.append([(block, column)])
    region.columns = [_merged([c for _, c in group]) for group in groups]
    region.block_columns = [{} for _ in range(max(region.blocks, default=0) + 1)]
    for index, group in enumerate(groups, start=1):
        for block, column in group:
            region.block_columns[block][index] = column


def _merged(columns: list[Column]) -> Column:
    anchors = sorted(c.anchor for c in columns)
    return Column(
        anchor=anchors[len(anchors) // 2],
        x0=min(c.x0 for c in columns),
        x1=max(c.x1 for c in columns),
    )


def _columns(data: list[Line], tolerance: float) -> list[Column]:
    """Value columns: clusters of the right edges of numbers, then dashes placed by overlap.

    Dashes that overlap no number column make a column of their own only when two or more
    rows print one there (a column of zeros); a lone stray dash does not.
    """
    numbers: list[Chunk] = []
    dashes: list[Chunk] = []
    for line in data:
        for chunk in line.chunks[tail_start(line) :]:
            (numbers if any(ch.isdigit() for ch in chunk.text) else dashes).append(chunk)
    columns = [column for column, _ in _cluster(numbers, tolerance)]
    strays = [d for d in dashes if not any(overlap(d, c) > 0 for c in columns)]
    needed = min(_DASH_ROWS, len(data)) if columns else 1
    columns.extend(c for c, count in _cluster(strays, tolerance) if count >= needed)
    return sorted(columns, key=lambda c: c.anchor)


def _cluster(chunks: list[Chunk], tolerance: float) -> list[tuple[Column, int]]:
    """Columns of chunks whose anchors lie close together, with how many chunks each has."""
    columns: list[tuple[Column, int]] = []
    group: list[Chunk] = []
    for chunk in sorted(chunks, key=lambda c: c.anchor):
        if group and chunk.anchor - group[-1].anchor > tolerance:
            columns.append((_column(group), len(group)))
            group = []
        group.append(chunk)
    if group:
        columns.append((_column(group), len(group)))
    return columns


def _column(group: list[Chunk]) -> Column:
    anchors = sorted(c.anchor for c in group)
    return Column(
        anchor=anchors[len(anchors) // 2],
        x0=min(c.x0 for c in group),
        x1=max(c.x1 for c in group),
    )


def overlap(chunk: Chunk, column: Column) -> float:
    return min(chunk.x1, column.x1) - max(chunk.x0, column.x0)


def value_column(chunk: Chunk, columns: dict[int, Column]) -> int:
    """Grid column of a value: by its digits' edge, else by overlap, else the nearest.

    `columns` maps grid index to extent, for the columns of the value's own block.
    """
    if any(ch.isdigit() for ch in chunk.text):
        return min(columns, key=lambda i: abs(columns[i].anchor - chunk.anchor))
    best = max(columns, key=lambda i: overlap(chunk, columns[i]))
    if overlap(chunk, columns[best]) <= 0:
        best = min(columns, key=lambda i: abs(columns[i].center - chunk.center))
    return best


def span(chunk: Chunk, columns: dict[int, Column]) -> tuple[int, int]:
    """Grid columns (first, last) a text chunk lies over: a good share of each one's width.

    `columns` maps grid index to the column's reach (its values and the one-column headers
    already placed under this chunk); a chunk over none of them takes the nearest.
    """
    width = chunk.x1 - chunk.x0
    hits = [
        index
        for index, column in columns.items()
        if overlap(chunk, column) >= _SPAN_SHARE * min(width, column.x1 - column.x0)
    ]
    if hits:
        return min(hits), max(hits)
    nearest = min(columns, key=lambda i: abs(columns[i].center - chunk.center))
    return nearest, nearest
