"""Rows of a PDF table region: header cells with spans, data rows, wrapped labels.

Text at the stub of a header line is not a column header: a caption ("($ million)", or
one wrapped over two header lines: "(In millions, except per share" / "amounts)") is
handed back to stand before the table, a period ("Three Months Ended December 31,") heads
the columns under the header group's years, a stray page number is dropped, and anything
else labels the rows below it. Header text is placed over the value columns of its own
block that it covers: words over different columns' values are cut apart, and a period
centred over sub-headed columns spans them. A label printed over two or three lines
becomes one row with the numbers of the line that holds them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from exporter.document import Cell, Row
from exporter.ingest.pdf.lines import Chunk, Line, Word, make_chunk, make_words_chunk
from exporter.ingest.pdf.tables import (
    Column,
    Kind,
    Region,
    find_regions,
    gap_breaks,
    overlap,
    span,
    tail_start,
    tight,
    value_column,
)
from exporter.vocabulary import MONTH_NAMES, vocabulary

_CAPTION = re.compile(r"^\(.*\)$")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_PERIOD_STUB = re.compile(
    rf"\b(?:{vocabulary().units_of()})\.?\s+end(?:ed|ing)\b|^as\s+(?:of|at)\b", re.IGNORECASE
)
_MONTH = re.compile(rf"\b(?:{MONTH_NAMES})\.?(?![a-z])", re.IGNORECASE)
_PERIOD_WORDS = re.compile(
    rf"\b(?:ended|ending|{vocabulary().units_of()}|as\s+of|as\s+at|{MONTH_NAMES})\b|\d",
    re.IGNORECASE,
)
# "Three Months", "13 weeks", "Nine Months": the length a period phrase opens with.
_SPAN_OPENER = re.compile(
    rf"\b(?:\d{{1,2}}|{vocabulary().count_words()})"
    rf"\s+(?:{vocabulary().units_of('week', 'month', 'quarter')})\b",
    re.IGNORECASE,
)
_ENDED = re.compile(r"\b(?:ended|ending)\b", re.IGNORECASE)
# The heading of a change column ("Change", "% change", "Var.", "+/-", "Δ %", "YoY").
_CHANGE_HEAD = re.compile(
    r"(?:%\s*)?(?:change|chg\.?|var\.?|variance|\+/-|\u0394|yoy|y/y)(?:\s*%|\s+in\s+%)?",
    re.IGNORECASE,
)
_GLUED_WORD = re.compile(r"(?<=[,.\d])(?=[A-Z][a-z])")
_HOME_SHARE = 0.6
_HEADER_GAP = 2.0
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# Words that cannot end a label: it goes on on the next line.
_JOINING_WORDS = "and|or|of|to|in|for|by|the|from|with|on|at"
_CONTINUES = re.compile(rf"(?:,|-|\b(?:{_JOINING_WORDS}|net))$")
# A label broken off after such a word ("net of accumulated depreciation of", "allowance
# for credit losses of $3,412 and"); not "net", which ends many labels.
_BROKEN_OFF = re.compile(rf"(?:^|\s)(?:{_JOINING_WORDS})$")
_ROW_SLACK = 0.25


@dataclass(frozen=True, slots=True)
class PageTable:
    """A table found on a page: its rows, the captions taken from its header lines, its
    first and past-the-last line, its value columns and how many rows its leading header
    lines made."""

    rows: tuple[Row, ...]
    captions: tuple[Line, ...]
    start: int
    end: int
    columns: tuple[Column, ...]
    heads: int = 0


def find_tables(
    lines: list[Line], page: int, page_width: float, previous: tuple[Column, ...] = ()
) -> list[PageTable]:
    """Every table on a page, in order, as rows with their captions."""
    return [
        _page_table(region, start, end, page)
        for region, start, end in find_regions(lines, page_width, previous)
    ]


def _page_table(region: Region, start: int, end: int, page: int) -> PageTable:
    builder = _RowBuilder(region, page)
    index = heads = 0
    if region.kinds[0] is Kind.HEADER:
        index = builder.header_group(0)
        heads = len(builder.rows)
    while index < len(region.lines):
        kind = region.kinds[index]
        if kind is Kind.HEADER:
            index = builder.header_group(index)
        elif kind is Kind.DATA:
            builder.data_row(index, [])
            index += 1
        else:
            index = builder.label_run(index)
    return PageTable(
        rows=tuple(builder.rows),
        captions=tuple(builder.captions),
        start=start,
        end=end,
        columns=tuple(region.columns),
        heads=heads,
    )


class _RowBuilder:
    """Turns a region's lines into grid rows, one cell per column (spans for headers)."""

    def __init__(self, region: Region, page: int) -> None:
        self.region = region
        self.page = page
        self.width = len(region.columns) + 1
        self.rows: list[Row] = []
        self.captions: list[Line] = []
        self.pitch = _data_pitch(region)

    def _row(self, cells: dict[int, tuple[str, int]], line: int) -> None:
        grid: list[Cell] = []
        column = 0
        while column < self.width:
            text, span = cells.get(column, ("", 1))
            grid.append(Cell(text=text, column=column, span=span))
            column += span
        self.rows.append(Row(cells=tuple(grid), line=line, page=self.page))

    def header_group(self, index: int) -> int:
        """Consecutive header lines; stub text becomes a caption, a period or a row label.

        Header text is placed over the value columns of its block (the data rows below
        it, until the next header lines), so interleaved columns of another block do not
        widen its spans. Lines are placed bottom-up: a one-column header widens its
        column's reach for the lines above, and a period above sub-headed columns may
        span them.
        """
        end = index
        while end < len(self.region.lines) and self.region.kinds[end] is Kind.HEADER:
            end += 1
        lines = self._without_wrapped_captions(self.region.lines[index:end])
        reach = self.region.columns_at(index)
        values = self.region.columns_at(index)
        placed: dict[int, list[tuple[int, int, Chunk]]] = {}
        headed: set[int] = set()
        months: set[int] = set()  # columns whose header below names a month of its own
        for line in reversed(lines):
            over = [c for c in line.chunks if self.region.over_values(c)]
            over = [part for chunk in over for part in split_at_columns(chunk, values)]
            over = [part for chunk in over for part in split_period_phrases(chunk)]
            over = [part for chunk in over for part in split_change_after_year(chunk)]
            cells = _widen(_place_header(over, reach), reach, (headed, months), line.size)
            cells = _claim_year_columns(cells, reach, list(placed.values()))
            placed[line.number] = cells
            headed.update(i for first, last, _ in cells for i in reach if first <= i <= last)
            months.update(
                i
                for first, last, chunk in cells
                if _MONTH.search(chunk.text)
                for i in reach
                if first <= i <= last
            )
        pairs = list(pairwise(lines))
        for k, (upper, lower) in enumerate(pairs):
            below = placed[lines[k + 2].number] if k + 2 < len(lines) else []
            inherited = _inherit_spans(
                placed[upper.number], placed[lower.number], lower.size, below
            )
            placed[lower.number] = inherited
        for upper, lower in reversed(pairs):
            inherited = _inherit_spans(placed[lower.number], placed[upper.number], upper.size)
            placed[upper.number] = inherited
        governed = _governed([cell for line in lines for cell in placed[line.number]])
        stub_labels: list[str] = []
        stub_line = 0
        for line in lines:
            stub = " ".join(c.text for c in line.chunks if not self.region.over_values(c))
            spans = {a: (chunk.text, b - a + 1) for a, b, chunk in placed[line.number]}
            if self._header_line(line, stub, spans, governed or (min(reach), max(reach))) and stub:
                stub_labels.append(stub)
                stub_line = stub_line or line.number
        if stub_labels:
            self._row({0: (" ".join(stub_labels), 1)}, stub_line)
        return end

    def _without_wrapped_captions(self, lines: list[Line]) -> list[Line]:
        """The header lines without a caption wrapped over two or more of them, which
        becomes one caption: "(In millions, except per share" over "amounts)".

        Only lines of one chunk each, with no stub text, form such a caption; a caption on
        one line is told from a header when its line is emitted.
        """
        kept: list[Line] = []
        run: list[Line] = []
        for line in lines:
            alone = len(line.chunks) == 1 and self.region.over_values(line.chunks[0])
            if run and alone and ")" not in run[-1].text:
                run.append(line)
                if line.text.endswith(")"):
                    self.captions.append(_joined_lines(run))
                    run = []
                continue
            kept.extend(run)
            run = [line] if alone and line.text.startswith("(") and ")" not in line.text else []
            if not run:
                kept.append(line)
        kept.extend(run)
        return kept

    def _header_line(
        self, line: Line, stub: str, cells: dict[int, tuple[str, int]], governed: tuple[int, int]
    ) -> bool:
        """Emit one header line; True when its stub text labels the rows below.

        A period printed at the stub ("Three Months Ended December 31,") heads the columns
        `governed`: those under a year or date of the header group, not a "% Change" beside
        them.
        """
        if not stub and len(cells) == 1 and _CAPTION.match(line.text):
            self.captions.append(line)
            return False
        labels = False
        if _CAPTION.match(stub):
            self.captions.append(
                _only(line, [c for c in line.chunks if not self.region.over_values(c)])
            )
        elif _PERIOD_STUB.search(stub):
            first, last = governed
            self._row({first: (stub, last - first + 1)}, line.number)
        elif stub and not _PAGE_NUMBER.match(stub):
            labels = True
        self._row(cells, line.number)
        return labels

    def data_row(self, index: int, before: list[Line]) -> None:
        """A row from its numbers line, with label lines wrapped before it.

        A dash that falls in a column already holding a value of the row is a stray mark
        (Amcor prints "— —" where one zero belongs) and is left out.
        """
        main = self.region.lines[index]
        columns = self.region.columns_at(index)
        start = tail_start(main)
        left = self.region.value_left - 1
        label = [c.text for c in main.chunks[:start] if c.x0 < left]
        cells: dict[int, tuple[str, int]] = {}
        for chunk in main.chunks[:start]:
            if chunk.x0 >= left:
                first, _ = span(chunk, columns)
                cells[first] = (_joined(cells.get(first), chunk.text), 1)
        for chunk in main.chunks[start:]:
            column = value_column(chunk, columns)
            if column in cells and not any(ch.isdigit() for ch in chunk.text):
                continue
            cells[column] = (_joined(cells.get(column), chunk.text), 1)
        texts = [line.text for line in before] + [" ".join(label)]
        cells[0] = (_wrap_join(texts), 1)
        self._row(cells, (before or [main])[0].number)

    def label_run(self, index: int) -> int:
        """Label lines up to the next data or header line: wraps join their row."""
        lines, kinds = self.region.lines, self.region.kinds
        end = index
        while end < len(lines) and kinds[end] is Kind.LABEL:
            end += 1
        groups = self._groups(lines[index:end])
        previous = self.rows[-1] if index > 0 and kinds[index - 1] is Kind.DATA else None
        following = lines[end] if end < len(lines) and kinds[end] is Kind.DATA else None
        if previous is not None and self._joins_previous(lines[index - 1], groups[0], following):
            self._extend_last(groups.pop(0))
        carry: list[Line] = []
        if groups and following is not None and self._joins_next(groups[-1], following):
            carry = groups.pop()
        for group in groups:
            self._row({0: (" ".join(line.text for line in group), 1)}, group[0].number)
        if following is not None and carry:
            self.data_row(end, carry)
            return end + 1
        return end

    def _groups(self, lines: list[Line]) -> list[list[Line]]:
        groups: list[list[Line]] = [[lines[0]]]
        for upper, lower in pairwise(lines):
            if tight(upper, lower, self.pitch) and not upper.text.endswith(":"):
                groups[-1].append(lower)
            else:
                groups.append([lower])
        return groups

    def _joins_previous(self, data: Line, group: list[Line], following: Line | None) -> bool:
        first = group[0]
        starts_low = _starts_lower(first.text)
        if not tight(data, first, self.pitch):
            return self._continues_loosely(data, first)
        if following is None or not tight(group[-1], following, self.pitch):
            return True
        if starts_low or _CONTINUES.search(_label_text(data)):
            return True
        return first.top - data.top < following.top - group[-1].top and not _CONTINUES.search(
            group[-1].text
        )

    def _joins_next(self, group: list[Line], following: Line) -> bool:
        if group[-1].text.endswith(":"):
            return False
        if tight(group[-1], following, self.pitch) or _starts_lower(_label_text(following)):
            return True
        return self._next_row(group[-1], following) and _breaks_off(group[-1].text)

    def _continues_loosely(self, data: Line, line: Line) -> bool:
        """Whether a label line a full row below a data row still continues its label.

        Some releases set a wrapped label's lines as far apart as the rows, so only the
        words tell a wrap: the line starts in lower case ("joint ventures", no row label
        does), or the row's label breaks off (`_breaks_off`: "net of accumulated
        depreciation of" over "$412,580 and $398,115, respectively").
        """
        if not self._next_row(data, line) or line.text.endswith(":"):
            return False
        return line.text[:1].islower() or _breaks_off(_label_text(data))

    def _next_row(self, upper: Line, lower: Line) -> bool:
        """The lines stand no further apart than consecutive rows of the body."""
        if self.pitch is None:
            return False
        return lower.top - upper.top <= self.pitch + _ROW_SLACK * lower.size

    def _extend_last(self, group: list[Line]) -> None:
        row = self.rows[-1]
        extra = " ".join(line.text for line in group)
        first = row.cells[0]
        label = Cell(text=_wrap_join([first.text, extra]), column=0, span=first.span)
        self.rows[-1] = row.model_copy(update={"cells": (label, *row.cells[1:])})


def _place_header(chunks: list[Chunk], reach: dict[int, Column]) -> list[tuple[int, int, Chunk]]:
    """Header cells as (first, last grid column, chunk); a one-column cell widens its column.

    A header lies over a good share of each column it covers; one over two or more also
    takes in the neighbours it touches (a short "Three Months Ended" over three columns).
    Chunks of one line never share a column.
    """
    order = sorted(reach)
    placed: list[tuple[int, int, Chunk]] = []
    floor = 0
    for k, chunk in enumerate(chunks):
        first, last = (order.index(i) for i in span(chunk, reach))
        first = max(first, floor)
        if first > last:
            start, stop, previous = placed[-1]
            joined = make_chunk(f"{previous.text} {chunk.text}", previous.x0, chunk.x1)
            placed[-1] = (start, stop, joined)
            continue
        if last > first:
            ceiling = len(order) - 1
            if k + 1 < len(chunks):
                ceiling = order.index(span(chunks[k + 1], reach)[0]) - 1
            while first > floor and overlap(chunk, reach[order[first - 1]]) > 0:
                first -= 1
            while last < ceiling and overlap(chunk, reach[order[last + 1]]) > 0:
                last += 1
        placed.append((order[first], order[last], chunk))
        floor = last + 1
        if first == last:
            column = reach[order[first]]
            x0, x1 = min(column.x0, chunk.x0), max(column.x1, chunk.x1)
            reach[order[first]] = Column(anchor=column.anchor, x0=x0, x1=x1)
    return placed


def _widen(
    cells: list[tuple[int, int, Chunk]],
    reach: dict[int, Column],
    below: tuple[set[int], set[int]],
    size: float,
) -> list[tuple[int, int, Chunk]]:
    """Widen each period cell over the run of sub-headed columns it is centred on.

    "July 29, 2023" printed over the middle one of "Pretax Earnings | Net of Tax | Per
    Share" heads all three; it never reaches a column a neighbour on its line heads or
    is nearer to, nor one without a header of its own below (a "% Change" beside two
    year columns), nor, when it names a month, a column whose header below names a month
    of its own ("December" over the "31," of a wrapped "December 31," between "March 31,"
    and "September 30,"). Other text ("EBIT / Average" over "funds employed") belongs to
    the header it is stacked on. `below` holds the columns headed, and those headed with
    a month, by the lines underneath.
    """
    headed, months = below
    order = sorted(reach)
    result = []
    for k, (first, last, chunk) in enumerate(cells):
        if not _PERIOD_WORDS.search(chunk.text):
            result.append((first, last, chunk))
            continue
        low = order.index(cells[k - 1][1]) + 1 if k else 0
        high = order.index(cells[k + 1][0]) - 1 if k + 1 < len(cells) else len(order) - 1
        a, b = order.index(first), order.index(last)
        taken = headed - months if _MONTH.search(chunk.text) else headed
        while a > low and _takes(order[a - 1], k, cells, reach, taken):
            a -= 1
        while b < high and _takes(order[b + 1], k, cells, reach, taken):
            b += 1
        best = (first, last)
        for start in range(a, order.index(first) + 1):
            for stop in range(b, order.index(last) - 1, -1):
                centred = any(
                    abs(centre - chunk.center) <= size
                    for centre in _span_centres([reach[i] for i in order], start, stop)
                )
                wider = stop - start > order.index(best[1]) - order.index(best[0])
                if wider and centred:
                    best = (order[start], order[stop])
        result.append((*best, chunk))
    return result


def _claim_year_columns(
    cells: list[tuple[int, int, Chunk]],
    reach: dict[int, Column],
    lower: list[list[tuple[int, int, Chunk]]],
) -> list[tuple[int, int, Chunk]]:
    """Period cells of a line take the year columns beside them that no cell of the line
    covers, each column the cell nearest to it.

    Generators centre a group header ("Three Months Ended" over "2025  2024") over the
    columns' cells rather than over the figures printed in them, so it may stand a few
    points off its group: over the second year alone, its first year left under no header
    at all. A reader gives such a year to the nearest group header. The column must be
    headed below by its year alone, under no other header of its own ("December 31," of
    a balance column, "% Change"), and the cell must not head one year twice (a second
    "2025 2024" pair beside it whose own group header is missing).
    """
    order = sorted(reach)
    covered = {i for first, last, _ in cells for i in order if first <= i <= last}
    result = list(cells)
    for k, (first, last, chunk) in enumerate(cells):
        if not _PERIOD_WORDS.search(chunk.text):
            continue
        others = [c for j, (_, _, c) in enumerate(cells) if j != k]
        a, b = order.index(first), order.index(last)
        while a > 0 and order[a - 1] not in covered:
            if not _claims(order[a - 1], order[a : b + 1], chunk, others, (reach, lower)):
                break
            a -= 1
            covered.add(order[a])
        while b + 1 < len(order) and order[b + 1] not in covered:
            if not _claims(order[b + 1], order[a : b + 1], chunk, others, (reach, lower)):
                break
            b += 1
            covered.add(order[b])
        result[k] = (order[a], order[b], chunk)
    return result


def _claims(
    column: int,
    heads: list[int],
    chunk: Chunk,
    others: list[Chunk],
    where: tuple[dict[int, Column], list[list[tuple[int, int, Chunk]]]],
) -> bool:
    """Whether the period cell `chunk` over the columns `heads` takes the uncovered
    `column` beside them: it stands nearer to it than every other cell of its line, and
    the lines below head it with a year of its own (`_year_alone`)."""
    reach, lower = where
    distance = abs(chunk.center - reach[column].center)
    nearest = all(distance < abs(other.center - reach[column].center) for other in others)
    return nearest and _year_alone(column, heads, lower)


def _year_alone(column: int, heads: list[int], lower: list[list[tuple[int, int, Chunk]]]) -> bool:
    """Whether the lines below head `column` with a year alone, or with a cell shared with
    the columns `heads`, and that year is none of those the columns `heads` have."""
    own = None
    for cells in lower:
        for first, last, chunk in cells:
            if not first <= column <= last:
                continue
            if first == last and _YEAR.fullmatch(chunk.text.strip()):
                own = chunk.text.strip()
            elif not any(first <= i <= last for i in heads):
                return False
    taken = {
        chunk.text.strip()
        for cells in lower
        for first, last, chunk in cells
        if first == last and first in heads and _YEAR.fullmatch(chunk.text.strip())
    }
    return own is not None and own not in taken


def _takes(
    column: int,
    k: int,
    cells: list[tuple[int, int, Chunk]],
    reach: dict[int, Column],
    headed: set[int],
) -> bool:
    """Whether cell `k` may widen over a sub-headed column nearer to it than to its
    neighbours on the line (two "Six Months Ended" share the columns between them)."""
    if column not in headed:
        return False
    centre = reach[column].center
    distance = abs(cells[k][2].center - centre)
    neighbours = [cells[i][2] for i in (k - 1, k + 1) if 0 <= i < len(cells)]
    return all(distance <= abs(other.center - centre) for other in neighbours)


def _span_centres(columns: list[Column], start: int, stop: int) -> tuple[float, float]:
    """Where a header centred over columns `start`..`stop` would be centred.

    Over what is printed in them (their values and headers), or over their cells when
    the numbers are set right in cells of equal width: a cell then runs from the anchor
    of the column before it (the first one's width is its neighbour's pitch).
    """
    printed = (columns[start].x0 + columns[stop].x1) / 2
    if start > 0:
        before = columns[start - 1].anchor
    elif len(columns) > 1:
        before = 2 * columns[0].anchor - columns[1].anchor
    else:
        before = columns[0].x0
    return printed, (before + columns[stop].anchor) / 2


def split_at_columns(chunk: Chunk, columns: dict[int, Column]) -> list[Chunk]:
    """A header chunk whose words sit over different value columns, cut between them.

    Headers printed close together ("International Consolidated" over two columns) are
    one chunk by their spacing. Each word must lie mostly over the values of one column
    (`columns` are the value extents) for a cut; a group name ("Revenue Mix") or a period
    phrase ("Twelve Months Ended June 30, 2022") spanning its columns is kept whole.
    """
    words = chunk.words
    if len(words) < 2 or _PERIOD_WORDS.search(chunk.text):
        return [chunk]
    homes = [_home(word.x0, word.x1, columns) for word in words]
    if any(home is None for home in homes):
        return [chunk]
    parts: list[list[Word]] = [[words[0]]]
    for previous, home, word in zip(homes, homes[1:], words[1:], strict=False):
        if home != previous:
            parts.append([])
        parts[-1].append(word)
    if len(parts) == 1:
        return [chunk]
    return [make_words_chunk(part) for part in parts]


def split_period_phrases(chunk: Chunk) -> list[Chunk]:
    """A header chunk holding two period phrases printed close together ("Three Months
    Ended September 30, Nine Months Ended September 30,"), cut where the second begins: a
    count of months, weeks or quarters ("Nine Months") after a phrase that has one and
    ends ("Three Months Ended ..."). "Year Ended December 31" or "Three and Nine Months
    Ended" stay whole."""
    words = _unglued(chunk.words) if _ENDED.search(chunk.text) else chunk.words
    texts = [w.text for w in words]
    for i in range(2, len(words) - 1):
        head = " ".join(texts[:i])
        opens = _SPAN_OPENER.fullmatch(f"{texts[i]} {texts[i + 1]}")
        if opens and _SPAN_OPENER.search(head) and _ENDED.search(head):
            rest = split_period_phrases(make_words_chunk(words[i:]))
            return [make_words_chunk(words[:i]), *rest]
    return [chunk]


def split_change_after_year(chunk: Chunk) -> list[Chunk]:
    """ "9M 2024 Change" set close together (or run together, "2024Change"): a period
    ending in its year, then the heading of the change column beside it, cut after the
    year."""
    words = _unglued(chunk.words)
    for i in range(1, len(words)):
        rest = " ".join(w.text for w in words[i:])
        if _YEAR.fullmatch(words[i - 1].text) and _CHANGE_HEAD.fullmatch(rest):
            return [make_words_chunk(words[:i]), make_words_chunk(words[i:])]
    return [chunk]


def _unglued(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Words whose letters the page set too close to part ("30,Nine"), parted where a
    capitalised word follows a comma, point or digit, each part its share of the width."""
    parted: list[Word] = []
    for word in words:
        pieces = _GLUED_WORD.split(word.text)
        if len(pieces) == 1:
            parted.append(word)
            continue
        x, per_char = word.x0, (word.x1 - word.x0) / len(word.text)
        for piece in pieces:
            end = x + per_char * len(piece)
            parted.append(dataclasses.replace(word, text=piece, x0=x, x1=end))
            x = end
    return tuple(parted)


def _home(x0: float, x1: float, columns: dict[int, Column]) -> int | None:
    """The column a word lies mostly over, if any."""
    for index, column in columns.items():
        if min(x1, column.x1) - max(x0, column.x0) >= _HOME_SHARE * (x1 - x0):
            return index
    return None


def _governed(cells: list[tuple[int, int, Chunk]]) -> tuple[int, int] | None:
    """The grid columns from the first to the last header cell naming a year."""
    dated = [(first, last) for first, last, chunk in cells if _YEAR.search(chunk.text)]
    if not dated:
        return None
    return min(first for first, _ in dated), max(last for _, last in dated)


def _inherit_spans(
    upper: list[tuple[int, int, Chunk]],
    lower: list[tuple[int, int, Chunk]],
    size: float,
    below: list[tuple[int, int, Chunk]] | None = None,
) -> list[tuple[int, int, Chunk]]:
    """A lone header centred on a spanning one in the next line ("Three Months Ended" over
    "July 29, 2023") covers the same columns; `lower` is the line to adjust.

    Not a month over a line of column headers `below` that name months of their own: it
    is the top of the wrapped date right under it ("December" over the "31," between
    "March 31," and "September 30,", the middle column of five, centred by chance)."""
    result = list(lower)
    for first, last, chunk in upper:
        if last == first:
            continue
        under = [i for i, (a, b, _) in enumerate(lower) if first <= a and b <= last]
        if len(under) != 1 or abs(lower[under[0]][2].center - chunk.center) > size:
            continue
        lone = lower[under[0]][2]
        if below and _MONTH.search(lone.text) and _tops_a_wrapped_date(lone, below, size):
            continue
        result[under[0]] = (first, last, lone)
    return result


def _tops_a_wrapped_date(lone: Chunk, below: list[tuple[int, int, Chunk]], size: float) -> bool:
    dated = [c for _, _, c in below if _MONTH.search(c.text)]
    return len(dated) > 1 and any(abs(c.center - lone.center) <= size for _, _, c in below)


def _wrap_join(parts: list[str]) -> str:
    """Lines of a wrapped label as one; a line broken after a hyphen joins without a space."""
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        glued = not text or re.search(r"[A-Za-z]-$", text)
        text = f"{text}{part}" if glued else f"{text} {part}"
    return text


def _joined(existing: tuple[str, int] | None, text: str) -> str:
    return f"{existing[0]} {text}" if existing else text


def _only(line: Line, chunks: list[Chunk]) -> Line:
    return Line(
        number=line.number,
        top=line.top,
        bottom=line.bottom,
        size=line.size,
        font=line.font,
        chunks=tuple(chunks),
    )


def _joined_lines(lines: list[Line]) -> Line:
    """Lines of one wrapped phrase as one line, numbered as the first."""
    first = lines[0]
    text = " ".join(line.text for line in lines)
    return Line(
        number=first.number,
        top=first.top,
        bottom=lines[-1].bottom,
        size=first.size,
        font=first.font,
        chunks=(make_chunk(text, min(x.x0 for x in lines), max(x.x1 for x in lines)),),
    )


def _breaks_off(text: str) -> bool:
    """A label cut off before its end: after a word that cannot end it ("allowance for
    credit losses of $3,412 and"), or inside an open bracket ("equity (common stock,")."""
    return bool(_BROKEN_OFF.search(text)) or text.count("(") > text.count(")")


def _label_text(line: Line) -> str:
    return " ".join(c.text for c in line.chunks[: tail_start(line)])


def _starts_lower(text: str) -> bool:
    stripped = text.lstrip("(")
    return bool(stripped) and stripped[0].islower()


def _data_pitch(region: Region) -> float | None:
    """The usual distance between consecutive data lines (None with fewer than two)."""
    pitches = [
        lower.top - upper.top
        for (upper, a), (lower, b) in zip(
            zip(region.lines, region.kinds, strict=True),
            zip(region.lines[1:], region.kinds[1:], strict=True),
            strict=False,
        )
        if a is Kind.DATA and b is Kind.DATA
    ]
    return median(pitches) if pitches else None


def orphan_header(
    lines: list[Line], below: PageTable, page: int, page_width: float
) -> PageTable | None:
    """Column-header lines ending a page whose body is `below`, the next page's first table.

    A page break may fall between a statement's column headers and its first row. The
    trailing lines are such headers when every phrase on them stands over the value area
    (nothing at the stub), none is a number other than a year, one of them names a period
    (a year, a month, "ended"), and one line sets two or more phrases each over its own
    value column of `below`: the columns the body continues in. They become a table of
    header rows alone, placed over those columns, so the table stage can join them to it.
    """
    if below.start != 0 or not below.columns:
        return None
    columns = dict(enumerate(below.columns, start=1))
    value_left = min(column.x0 for column in below.columns)
    start = len(lines)
    while start > 0 and _over_columns(lines[start - 1], value_left):
        if start < len(lines) and gap_breaks(lines[start - 1], lines[start], _HEADER_GAP):
            break
        start -= 1
    block = lines[start:]
    if not any(_names_columns(line, columns) for line in block):
        return None
    if not any(_PERIOD_WORDS.search(line.text) for line in block):
        return None
    region = Region(
        lines=block,
        kinds=[Kind.HEADER] * len(block),
        columns=list(below.columns),
        value_left=value_left,
        stub_right=value_left,
        page_width=page_width,
        blocks=[0] * len(block),
        block_columns=[columns],
    )
    builder = _RowBuilder(region, page)
    builder.header_group(0)
    if not builder.rows:
        return None
    return PageTable(
        rows=tuple(builder.rows),
        captions=tuple(builder.captions),
        start=start,
        end=len(lines),
        columns=below.columns,
        heads=len(builder.rows),
    )


def _over_columns(line: Line, value_left: float) -> bool:
    """Header-like text over the value area: no stub text, no number but a year."""
    return all(
        chunk.x0 >= value_left - line.size and (chunk.year or not chunk.number)
        for chunk in line.chunks
    )


def _names_columns(line: Line, columns: dict[int, Column]) -> bool:
    """Two or more phrases, each over one value column of its own."""
    if len(line.chunks) < 2:
        return False
    homes = []
    for chunk in line.chunks:
        hits = [index for index, column in columns.items() if overlap(chunk, column) > 0]
        if len(hits) != 1:
            return False
        homes.append(hits[0])
    return len(set(homes)) == len(homes)
