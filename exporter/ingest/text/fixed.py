"""Fixed-width tables: space-aligned columns, as in SEC plain-text exhibits.

Two prints are read. Legacy EDGAR markup wraps a table in `<TABLE>` ... `</TABLE>`, puts
the column headings under `<CAPTION>`, and marks where columns start on a line of `<S>`
(the label column) and `<C>` tags; `<FN>` holds footnotes. Without markup, a run of lines
whose numbers line up at the same character positions is a table; lines under a header
line of their own whose numbers line up elsewhere are a table of their own.

Positions decide everything: dotted leaders are blanked and a lone `$` is dropped before
the line is cut at runs of two or more spaces. Numbers are right-aligned, so a number
belongs to the column its last character falls in (between two `<C>` marks, or within the
span of numbers printed in that column). Header lines stacked above the data give one
header row each, whatever words a line holds when they stand over the value columns alone
("Change" / "1H25 v" / "1H24 %"); a header phrase covers the columns it overlaps, widened
to the rule (`-----`) printed under it when it is the only phrase over that rule (runs one
space apart are one rule, unless each stands over a column of its own). Text over the
label column is a caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from exporter.document import Block, Cell, Paragraph, Row
from exporter.ingest.text.grid import (
    BodyRow,
    body_row,
    continues,
    header_row,
    is_header_text,
    is_header_vocabulary,
    is_year,
    make_table,
    text_block,
    value_text,
)
from exporter.ingest.text.ragged import (
    Cells,
    header_spans,
    is_delimited,
    is_ragged,
    merged_spans,
    realigned,
)
from exporter.labels import is_stub_caption
from exporter.numbers import is_placeholder, parse_number
from exporter.unit_phrases import states_a_unit
from exporter.vocabulary import vocabulary

_TABLE_OPEN = re.compile(r"^\s*<TABLE\b[^>]*>\s*$", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"^\s*</TABLE>\s*$", re.IGNORECASE)
_TAG_LINE = re.compile(r"^\s*</?(?:CAPTION|PAGE|FN)>\s*$", re.IGNORECASE)
_COLUMN_TAG = re.compile(r"<([SC])>", re.IGNORECASE)
_FN_OPEN = re.compile(r"^\s*<FN>\s*$", re.IGNORECASE)
_FN_CLOSE = re.compile(r"^\s*</FN>\s*$", re.IGNORECASE)
_LEADER = re.compile(r"\.{3,}|(?:\.[ ]){2,}\.?|_{3,}")
_LONE_DOLLAR = re.compile(r"(?<!\S)\$(?=\s|\d|\(|-|$)")
_CHUNK = re.compile(r"\S+(?: \S+)*")
_RULE = re.compile(r"^[\s\-=_]*[-=_]{3,}[\s\-=_]*$")
_RULE_STRETCH = re.compile(r"[-=_]{3,}(?: [-=_]{3,})*")
_RULE_RUN = re.compile(r"[-=_]{3,}")
_MAX_GAP = 6
# The spaces that set a cell apart from the label before it.
_CELL_GAP = 2
_MAX_UP = 12
_MAX_LABEL_LINE = 120


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Line:
    """A line cut at position: label chunks on the left, value tokens on the right."""

    label: tuple[_Token, ...]
    values: tuple[_Token, ...]


def _blank_marks(line: str) -> str:
    """Dotted leaders and lone `$` signs turned into spaces, positions kept."""
    line = _LEADER.sub(lambda m: " " * len(m.group()), line)
    return _LONE_DOLLAR.sub(" ", line)


def _split_values(chunk: _Token) -> list[_Token] | None:
    """A chunk as value tokens ("1,250", or "(44) (10)" printed one space apart), or None."""
    if value_text(chunk.text) is not None:
        return [chunk]
    parts = [
        _Token(m.group(), chunk.start + m.start(), chunk.start + m.end())
        for m in re.finditer(r"\S+", chunk.text)
    ]
    if len(parts) > 1 and all(value_text(p.text) is not None for p in parts):
        return parts
    return None


@lru_cache(maxsize=65536)
def cut(line: str) -> _Line:
    """A line's label chunks and the value tokens at its right end."""
    chunks = [_Token(m.group(), m.start(), m.end()) for m in _CHUNK.finditer(_blank_marks(line))]
    values: list[_Token] = []
    while chunks:
        split = _split_values(chunks[-1])
        if split is None and len(chunks) > 1 and is_placeholder(chunks[-1].text):
            split = [chunks[-1]]  # "n/m" where a change column has no figure
        if split is None:
            break
        values[:0] = split
        chunks.pop()
    while values and not _starts_cells(line, values):
        # A placeholder belongs to a run of numbers and starts one only when printed
        # apart ("Net sales growth   n/m   7.5%"); an amount with its scale word ends a
        # sentence ("Revenue decreased 9% to $2.1 million") unless printed apart, as a
        # cell is.
        chunks.append(values.pop(0))
    return _Line(label=tuple(chunks), values=tuple(values))


def _starts_cells(line: str, values: list[_Token]) -> bool:
    """Whether the first of a line's value tokens starts its cells: a number, or a
    placeholder set apart from the label, with a number after it."""
    first = values[0]
    if value_text(first.text) is not None:
        return _set_apart(line, first)
    numbers_after = any(value_text(v.text) is not None for v in values[1:])
    return numbers_after and _gap_before(line, first) >= _CELL_GAP


def _gap_before(line: str, token: _Token) -> int:
    """The spaces between a token and the text before it."""
    return token.start - len(line[: token.start].rstrip(" \u00a0"))


def _set_apart(line: str, token: _Token) -> bool:
    """A value that names its own scale ("$2.1 million") is a cell only when two spaces
    (or a leader) set it apart from what precedes it as printed, its `$` included."""
    number = parse_number(token.text)
    if number is None or number.scale is None:
        return True
    before = line[: token.start].rstrip(" \u00a0")
    if before.endswith("$"):
        before = before[:-1].rstrip(" \u00a0")
    gap = line[len(before) : token.start].replace("$", "")
    return not before.strip() or len(gap) >= 2 or before.endswith(".")


def _may_be_aligned(line: str) -> bool:
    """Cheap test first: aligned cells are set apart by two spaces or a dotted leader."""
    return "  " in line.strip() or "..." in line or ". ." in line


def _is_rule(line: str) -> bool:
    return bool(_RULE.match(line))


def _is_years(cut_line: _Line) -> bool:
    """Years alone, or after period headings ("Q4 2025   Q4 2024   2025   2024": the
    quarters' headings are read as the label, the bare years as numbers), change marks
    among them ("4Q25  4Q24  Δ%  2025  2024  Δ%") and the unit over the label column
    ("R$ million") before them."""
    values = cut_line.values
    if not any(is_year(v.text) for v in values):
        return False
    if not all(is_year(v.text) or is_header_text(v.text) for v in values):
        return False
    label = list(cut_line.label)
    if label and _UNIT_CAPTION.search(label[0].text) and not is_header_text(label[0].text):
        label = label[1:]
    heads = [t.text for t in label]
    return all(is_header_text(h) for h in heads) and (
        not heads or any(_names_a_year(h) or not _CHANGE_MARK.fullmatch(h) for h in heads)
    )


# The unit printed over the label column of a heading line ("R$ million", "EUR '000").
_UNIT_CAPTION = re.compile(
    r"\b(?:millions?|thousands?|billions?|mn|bn)\b|'?000s?\b|[$\u20ac\u00a3\u00a5]", re.IGNORECASE
)
_CHANGE_MARK = re.compile(r"\u0394\s*%?|%|change|var\.?", re.IGNORECASE)


def _names_a_year(text: str) -> bool:
    return any(is_year(word) for word in text.split())


def _is_data(line: str) -> bool:
    """A label (or a first number) then numbers, set apart by two spaces or a leader."""
    if "\t" in line or not _may_be_aligned(line):
        return False
    parts = cut(line)
    if not parts.values or _is_years(parts):
        return False
    return bool(parts.label) or len(parts.values) >= 2


def _is_header(line: str) -> bool:
    """Column-heading text only (a caption may stand first, over the label column)."""
    parts = cut(line)
    if _is_years(parts):
        return True
    if parts.values:
        return False
    phrases = [t.text for t in parts.label if not is_stub_caption(t.text)]
    heads = [p for p in phrases if is_header_text(p)]
    if len(phrases) > 1 and all(is_header_vocabulary(p) for p in phrases):
        return True
    return bool(heads) and (len(heads) == len(phrases) or len(heads) >= len(phrases) - 1 >= 1)


def _is_label(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= _MAX_LABEL_LINE and not cut(line).values


def _aligned(lines: list[str], data: list[int]) -> bool:
    """At least two data lines end a number at the same position (one off for a bracket)."""
    if len(data) < 2:
        return False
    ends = sorted({v.end for v in cut(lines[data[0]]).values})
    rest = {v.end for i in data[1:] for v in cut(lines[i]).values}
    return any(abs(a - b) <= 1 for a in ends for b in rest)


def _markup_regions(lines: list[str]) -> dict[int, int]:
    regions: dict[int, int] = {}
    index = 0
    while index < len(lines):
        if _TABLE_OPEN.match(lines[index]):
            end = index + 1
            while end < len(lines) and not _TABLE_CLOSE.match(lines[end]):
                end += 1
            regions[index] = min(end + 1, len(lines))
            index = end + 1
        else:
            index += 1
    return regions


def _names_columns(line: str, extents: list[tuple[int, int]]) -> bool:
    """Words over the value columns, one phrase over each of several ("Mining  Processing
    Total"): column names that are not period words (segments, products, measures). A
    first phrase wholly left of the value columns names the label column ("Period
    Revenue  Net income" over rows of periods) and heads none of them."""
    parts = cut(line)
    tokens = list(parts.label)
    if tokens and extents and tokens[0].end <= min(a for a, _ in extents):
        tokens = tokens[1:]
    if parts.values or len(tokens) < 2:
        return False
    over = []
    for token in tokens:
        hits = [i for i, (a, b) in enumerate(extents) if a < token.end and token.start < b]
        if len(hits) != 1:
            return False
        over.append(hits[0])
    return len(set(over)) == len(over)


def _over_values(line: str, layout: _Layout) -> bool:
    """Words standing over the value columns alone, whatever they say: a line of a header
    stacked over the columns ("Change" / "1H25 v" / "1H24 %"). Each phrase starts right of
    where every data line's label ends and stands over a column; a line reaching over the
    labels (prose, a title) is none."""
    parts = cut(line)
    tokens = [*parts.label, *parts.values]
    if not tokens or not layout.extents or layout.label_end is None:
        return False
    return all(
        t.start > layout.label_end and any(a < t.end and t.start < b for a, b in layout.extents)
        for t in tokens
    )


def _extend_up(lines: list[str], first: int, floor: int, layout: _Layout | None = None) -> int:
    """The first header line above data line `first` (or `first` when there is none)."""
    extents = layout.extents if layout else []
    top = first
    probe = first - 1
    while probe >= max(floor, first - _MAX_UP):
        line = lines[probe]
        stacked = top < first and layout is not None and _over_values(line, layout)
        if _is_header(line) or _is_rule(line) or _names_columns(line, extents) or stacked:
            top = probe if not _is_rule(line) else top
        elif line.strip() and not (_is_label(line) and top == first):
            break
        probe -= 1
    return top


def _aligned_regions(lines: list[str], taken: list[bool]) -> dict[int, int]:
    """Runs of space-aligned data lines (with headers above them) outside other tables."""
    regions: dict[int, int] = {}
    data = [i for i, line in enumerate(lines) if not taken[i] and _is_data(line)]
    runs: list[list[int]] = []
    for index in data:
        between = range(runs[-1][-1] + 1, index) if runs else range(0)
        joined = all(_fits(lines[j], taken[j]) for j in between)
        if runs and len(between) <= _MAX_GAP and joined and not _titles_next(lines, between):
            runs[-1].append(index)
        else:
            runs.append([index])
    floor = 0
    for grid in (grid for run in runs for grid in _own_grids(lines, run)):
        if not (_aligned(lines, grid) or is_delimited([_cells(lines[i]) for i in grid])):
            continue
        start = _extend_up(lines, grid[0], floor, _layout([lines[i] for i in grid], []))
        if any(taken[start : grid[-1] + 1]):
            continue
        regions[start] = grid[-1] + 1
        floor = grid[-1] + 1
    return regions


def _own_grids(lines: list[str], run: list[int]) -> list[list[int]]:
    """A run of data lines cut where a table stacked under another starts with columns of
    its own: after a header line of its own ("30.09.2025  31.12.2024" under quarter
    columns), data lines whose numbers line up with each other but end where none of the
    lines above end theirs (their own headers' right edges, not the quarters')."""
    parts: list[list[int]] = [[run[0]]]
    for before, index in pairwise(run):
        if any(_is_header(lines[j]) for j in range(before + 1, index)):
            parts.append([])
        parts[-1].append(index)
    grids = [parts[0]]
    for part in parts[1:]:
        if (
            _aligned(lines, part)
            and _aligned(lines, grids[-1])
            and _off_grid(lines, grids[-1], part)
        ):
            grids.append(part)
        else:
            grids[-1] = grids[-1] + part
    return grids


def _off_grid(lines: list[str], above: list[int], below: list[int]) -> bool:
    """Whether no number of the `below` lines ends where one of the `above` lines does
    (one off for a bracket)."""
    ends = {v.end for i in above for v in cut(lines[i]).values}
    return all(abs(v.end - end) > 1 for i in below for v in cut(lines[i]).values for end in ends)


def _titles_next(lines: list[str], between: range) -> bool:
    """Whether the lines between two data lines start another table: a line of words
    that are not column-header words, then a column-header line of its own (a statement
    title over the next statement's dates)."""
    titled = False
    for index in between:
        line = lines[index]
        if not line.strip() or _is_rule(line):
            continue
        if _is_header(line):
            if titled and len(cut(line).label) + len(cut(line).values) > 1:
                return True
        elif not is_header_text(line.strip()):
            titled = True
    return False


def _fits(line: str, taken: bool) -> bool:
    """A line that may stand between data lines of one table."""
    if taken:
        return False
    return not line.strip() or _is_rule(line) or _is_header(line) or _is_label(line)


def fixed_regions(lines: list[str], tab_lines: list[bool]) -> dict[int, int]:
    """Start line -> end line (exclusive) of every fixed-width table, markup or not."""
    regions = _markup_regions(lines)
    taken = list(tab_lines)
    for start, end in regions.items():
        for index in range(start, end):
            taken[index] = True
    regions.update(_aligned_regions(lines, taken))
    return dict(sorted(regions.items()))


@dataclass
class _Layout:
    """Value columns: character ranges, and where `<C>` marks put column starts."""

    extents: list[tuple[int, int]]
    marks: list[int]
    # Where the data lines' labels start: a lone phrase starting there heads rows.
    label_start: int | None = None
    # Where the longest of the data lines' labels ends.
    label_end: int | None = None
    # A ragged table, printed again lined up: header phrases cover columns by order.
    by_order: bool = False

    def column_of(self, token: _Token) -> int:
        if self.marks:
            last = token.end - 1
            starts = [i for i, mark in enumerate(self.marks) if mark <= last]
            return starts[-1] if starts else 0
        return _nearest(self.extents, token.start, token.end)

    def covered(self, start: int, end: int) -> list[int]:
        hits = [i for i, (a, b) in enumerate(self.extents) if a < end and start < b]
        return hits or [_nearest(self.extents, start, end)]


def _nearest(extents: list[tuple[int, int]], start: int, end: int) -> int:
    def distance(extent: tuple[int, int]) -> tuple[int, int]:
        a, b = extent
        overlap = min(b, end) - max(a, start)
        return (0, -overlap) if overlap > 0 else (1, abs((a + b) - (start + end)))

    return min(range(len(extents)), key=lambda i: distance(extents[i]))


def _layout(data: list[str], marks: list[int]) -> _Layout:
    layout = _value_layout(data, marks)
    starts = [parts.label[0].start for parts in map(cut, data) if parts.label]
    layout.label_start = min(starts) if starts else None
    ends = [parts.label[-1].end for parts in map(cut, data) if parts.label]
    layout.label_end = max(ends) if ends else None
    return layout


def _value_layout(data: list[str], marks: list[int]) -> _Layout:
    tokens = [v for line in data for v in cut(line).values]
    if marks:
        buckets: dict[int, list[_Token]] = {}
        probe = _Layout(extents=[], marks=marks)
        for token in tokens:
            buckets.setdefault(probe.column_of(token), []).append(token)
        extents = []
        for i, mark in enumerate(marks):
            found = buckets.get(i)
            end = marks[i + 1] if i + 1 < len(marks) else mark + 12
            extents.append(
                (min(t.start for t in found), max(t.end for t in found)) if found else (mark, end)
            )
        return _Layout(extents=extents, marks=marks)
    return _Layout(extents=merged_spans([(t.start, t.end) for t in tokens]), marks=[])


def _rule_segments(line: str, layout: _Layout) -> list[tuple[int, int]]:
    """The stretches a rule underlines. Runs of dashes one space apart are one stretch (a
    rule under a header that spans columns), unless each run stands over a value column of
    its own ("---------- --------- ---------" under "2025  2024  2025"): then each run
    underlines its own column."""
    segments: list[tuple[int, int]] = []
    for match in _RULE_STRETCH.finditer(line):
        runs = [
            (match.start() + m.start(), match.start() + m.end())
            for m in _RULE_RUN.finditer(match.group())
        ]
        segments.extend(runs if _one_column_each(runs, layout) else [(match.start(), match.end())])
    return segments


def _one_column_each(runs: list[tuple[int, int]], layout: _Layout) -> bool:
    """Whether several rule runs each overlap exactly one value column, none the same."""
    if len(runs) < 2:
        return False
    columns = []
    for start, end in runs:
        hits = [i for i, (a, b) in enumerate(layout.extents) if a < end and start < b]
        if len(hits) != 1:
            return False
        columns.append(hits[0])
    return len(set(columns)) == len(columns)


def _header_by_order(
    phrases: list[str], layout: _Layout
) -> tuple[list[tuple[str, int, int]], list[str]]:
    """A ragged header line: phrases before the column headers (more phrases than columns)
    are its caption, the rest cover the columns by order."""
    width = len(layout.extents)
    caption: list[str] = []
    while len(phrases) > width and not is_header_text(phrases[0]):
        caption.append(phrases.pop(0))
    return header_spans(phrases[:width], width), caption


def _header_cells(
    line: str, below: str | None, layout: _Layout
) -> tuple[list[tuple[str, int, int]], list[str]]:
    """A header line's (text, first column, span) cells and its caption text on the left."""
    parts = cut(line)
    if layout.by_order:
        return _header_by_order([t.text for t in (*parts.label, *parts.values)], layout)
    left = layout.extents[0][0] if layout.extents else 0
    cells: list[tuple[str, int, int]] = []
    caption: list[str] = []
    heads: list[_Token] = []
    for token in [*parts.label, *parts.values]:
        if token.end <= left and not is_header_text(token.text):
            caption.append(token.text)
        else:
            heads.append(token)
    segments = _rule_segments(below, layout) if below and _is_rule(below) else []
    for token in heads:
        start, end = _underlined(token, heads, segments)
        covered = layout.covered(start, end)
        cells.append((token.text, covered[0], covered[-1] - covered[0] + 1))
    cells = _shifted_by_order(cells, heads, layout)
    return _spread_over_groups(cells, parts, layout), caption


def _shifted_by_order(
    cells: list[tuple[str, int, int]], heads: list[_Token], layout: _Layout
) -> list[tuple[str, int, int]]:
    """Period headings printed left of their columns (centred over the dot leaders, or
    set one column early) fall by position into one column, the last of them winning.
    When the line's headings divide the value columns evenly (one period each, or one
    span over each group) and each stands left of (or over) the columns it would head,
    in turn, they head the columns by order, as a ragged table's headings do. Headings
    that do not fit that are left where they stand (and reported as clashing)."""
    starts = [start for _, start, _ in cells]
    width = len(layout.extents)
    if len(set(starts)) == len(starts) or width % len(heads):
        return cells
    spans = header_spans([token.text for token in heads], width)
    in_turn = all(
        is_header_text(token.text) and token.start < layout.extents[first + span - 1][1]
        for token, (_, first, span) in zip(heads, spans, strict=True)
    )
    return spans if in_turn else cells


def _underlined(
    token: _Token, heads: list[_Token], segments: list[tuple[int, int]]
) -> tuple[int, int]:
    """The stretch a header phrase heads: its own, widened to the rule under it when it is
    the only phrase of its line over that rule. A rule that runs unbroken under several
    phrases ("2025  2024  2025  2024" over one line of dashes) says nothing of which
    columns each heads: the numbers under each phrase do."""
    start, end = token.start, token.end
    for a, b in segments:
        over = [t for t in heads if a < t.end and t.start < b]
        if over == [token]:
            start, end = min(start, a), max(end, b)
    return start, end


_SPAN_WORDS = re.compile(rf"\b(?:ended|ending|{vocabulary().units_of()})\b", re.IGNORECASE)


def _spread_over_groups(
    cells: list[tuple[str, int, int]], parts: _Line, layout: _Layout
) -> list[tuple[str, int, int]]:
    """Period headings set one over each group of columns ("Quarter ended" centred over
    three dates, "Year ended" over the next two; "2025" over "Average Balance | Interest |
    Yield/Rate"): each covers the columns nearer its centre than any other heading's,
    when the line heads fewer cells than there are columns and every heading of the line
    names a span or stands centred over the two or more columns it would cover (a word
    over one column, "Average" over "Balance", is that column's own)."""
    tokens = [t for t in (*parts.label, *parts.values) if any(t.text == c[0] for c in cells)]
    columns = len(layout.extents)
    if len(cells) < 2 or len(cells) != len(tokens) or columns <= len(cells):
        return cells
    centres = [(t.start + t.end) / 2 for t in tokens]
    owner = [
        min(range(len(centres)), key=lambda k: abs(centres[k] - (a + b) / 2))
        for a, b in layout.extents
    ]
    spread = []
    centred = True
    for k, (text, _, _) in enumerate(cells):
        owned = [i for i, o in enumerate(owner) if o == k]
        if not owned or owned != list(range(owned[0], owned[-1] + 1)):
            return cells
        run = layout.extents[owned[0] : owned[-1] + 1]
        centred = centred and len(run) > 1 and _centred_over(centres[k], run)
        spread.append((text, owned[0], len(owned)))
    if centred or all(_SPAN_WORDS.search(text) for text, _, _ in cells):
        return spread
    return cells


def _centred_over(centre: float, extents: list[tuple[int, int]]) -> bool:
    """Whether a heading's centre falls in the middle share of the columns' stretch (the
    share one column of them would have): a print centres it over their header words,
    which may stand wider than their numbers, so not to the character."""
    start, end = extents[0][0], extents[-1][1]
    return abs((start + end) / 2 - centre) <= (end - start) / (2 * len(extents))


@dataclass
class _Region:
    """A region's lines sorted out: header lines, body lines, footnotes, column marks."""

    header: list[int]
    body: list[int]
    notes: list[int]
    marks: list[int]


def _untag(line: str) -> str:
    """A `<S>`/`<C>` line with its tags blanked, positions kept."""
    return _COLUMN_TAG.sub("   ", line)


def _sort_lines(lines: list[str], start: int, end: int) -> _Region:
    """Markup lines dropped; the rest sorted into header, body and footnote lines."""
    region = _Region(header=[], body=[], notes=[], marks=[])
    in_notes = False
    for index in range(start, end):
        line = lines[index]
        if _FN_OPEN.match(line) or _FN_CLOSE.match(line):
            in_notes = bool(_FN_OPEN.match(line))
        elif in_notes:
            region.notes.append(index)
        elif _TABLE_OPEN.match(line) or _TABLE_CLOSE.match(line) or _TAG_LINE.match(line):
            continue
        elif _COLUMN_TAG.search(line):
            region.marks = [m.start() for m in _COLUMN_TAG.finditer(line) if m[1].upper() == "C"]
            if _untag(line).strip():
                region.body.append(index)
        elif _is_rule(line):
            continue
        elif region.body or region.marks:
            region.body.append(index)
        elif _is_header(line) or (_in_markup(lines, start) and not _is_data(line)):
            region.header.append(index)
        elif line.strip():
            region.body.append(index)
    return region


def _in_markup(lines: list[str], start: int) -> bool:
    return bool(_TABLE_OPEN.match(lines[start]))


def _cells(line: str) -> Cells:
    parts = cut(line)
    values = tuple(cell for _, cell in _value_cells(parts, line))
    return Cells(tuple(t.text for t in parts.label), values)


def _is_ragged(lines: list[str], start: int, end: int) -> bool:
    """A region whose cells are set apart by spaces that do not line up."""
    if _in_markup(lines, start):
        return False
    data = [i for i in range(start, end) if _is_data(lines[i])]
    spans = [[(v.start, v.end) for v in cut(lines[i]).values] for i in data]
    return bool(data) and is_ragged(spans)


def _lined_up(lines: list[str], start: int, end: int) -> list[str]:
    """The lines with the region printed again in lined-up columns."""
    region = [_cells(line) if line.strip() else None for line in lines[start:end]]
    return [*lines[:start], *realigned(region), *lines[end:]]


def read_fixed(lines: list[str], start: int, end: int) -> list[Block]:
    """Blocks of one fixed-width region: caption text, the table, footnotes."""
    ragged = _is_ragged(lines, start, end)
    if ragged:
        lines = _lined_up(lines, start, end)
    region = _sort_lines(lines, start, end)
    text = {i: _untag(lines[i]) for i in range(start, end)}
    data = [i for i in region.body if _is_data(text[i])]
    if not data:
        return [text_block([lines[i].strip()], i) for i in range(start, end) if lines[i].strip()]
    layout = _layout([text[i] for i in data], region.marks)
    layout.by_order = ragged
    named = [i for i in region.body if i < data[0] and _names_columns(text[i], layout.extents)]
    named = sorted({*named, *_stacked_heads(text, region, data[0], layout)})
    region.header = sorted([*region.header, *named])
    region.body = [i for i in region.body if i not in named]
    captions = [text_block([phrase], index) for index, phrase in _unit_phrases(text, region.header)]
    header: list[Row] = []
    for index in region.header:
        if _over_labels(text[index], layout):
            header.append(Row(cells=(Cell(text=text[index].strip(), column=0),), line=index + 1))
            continue
        stub, line = _label_column_caption(text[index], layout) if index in named else ("", "")
        cells, caption = _header_cells(line or text[index], _line_below(text, index, end), layout)
        if caption:
            captions.append(text_block([" ".join(caption)], index))
        if cells:
            row = header_row(cells, index + 1)
            header.append(
                row.model_copy(update={"cells": (Cell(text=stub, column=0), *row.cells[1:])})
            )
    rows = _body(text, region.body, layout, end)
    first = (region.header or region.body)[0]
    table = make_table(header, [], first + 1)
    notes = [Paragraph(text=lines[i].strip(), line=i + 1) for i in region.notes if lines[i].strip()]
    return [*captions, table.model_copy(update={"rows": (*table.rows, *rows)}), *notes]


def _unit_phrases(text: dict[int, str], header: list[int]) -> list[tuple[int, str]]:
    """The unit phrase printed on a header line ("(in thousands, except per share data)"
    right of the period headings, or left or right of the years), blanked out of its line,
    with the line it starts on: a unit is the table's caption, never a column head, and
    counted as one it would shift the headings it stands beside off their columns. A line
    printing several units ("$m  $m  %" under the years) gives each column its own and
    keeps them. A phrase whose bracket a line leaves open goes on to the bracket's close
    on the next header line."""
    found: list[tuple[int, str]] = []
    for position, index in enumerate(header):
        parts = cut(text[index])
        units = [t for t in (*parts.label, *parts.values) if states_a_unit(t.text)]
        if len(units) != 1:
            continue
        token = units[0]
        _blank(text, index, token)
        phrase = token.text
        if phrase.count("(") > phrase.count(")") and position + 1 < len(header):
            phrase = f"{phrase} {_bracket_close(text, header[position + 1], token)}".strip()
        found.append((index, phrase))
    return found


def _bracket_close(text: dict[int, str], index: int, token: _Token) -> str:
    """The rest of a bracketed phrase wrapped onto the next header line: the piece there
    under it that closes the bracket, blanked out of that line."""
    parts = cut(text[index])
    for piece in (*parts.label, *parts.values):
        under = piece.start < token.end and token.start < piece.end
        if under and piece.text.endswith(")") and "(" not in piece.text:
            _blank(text, index, piece)
            return piece.text
    return ""


def _blank(text: dict[int, str], index: int, token: _Token) -> None:
    """The line with the token's characters spaced out, every other position kept."""
    line = text[index]
    text[index] = line[: token.start] + " " * (token.end - token.start) + line[token.end :]


def _stacked_heads(text: dict[int, str], region: _Region, first: int, layout: _Layout) -> list[int]:
    """The lines that open the body above its first data line and continue the header
    stacked over the value columns: words over those columns alone, or header words, up
    to the first line that is neither (a section label over the label column)."""
    stacked: list[int] = []
    for index in region.body:
        if index >= first or not (
            _over_values(text[index], layout) or (stacked and _is_header(text[index]))
        ):
            break
        stacked.append(index)
    return stacked


def _label_column_caption(line: str, layout: _Layout) -> tuple[str, str]:
    """The phrase of a line naming the columns that stands wholly left of them ("Period"
    in "Period  Revenue  Net income"), and the line without it: it names the label column,
    not the first value column."""
    tokens = cut(line).label
    if not tokens or not layout.extents or tokens[0].end > layout.extents[0][0]:
        return "", line
    first = tokens[0]
    return first.text, line[: first.start] + " " * (first.end - first.start) + line[first.end :]


def _over_labels(line: str, layout: _Layout) -> bool:
    """Header words standing alone over the label column ("2018:" above that year's rows,
    "Three Months Ended June 30," left of the numbers, or starting where the labels do):
    they head the rows, not a column, and are kept in the label column for table
    understanding to read."""
    parts = cut(line)
    tokens = [*parts.label, *parts.values]
    if len(tokens) != 1 or not layout.extents:
        return False
    token = tokens[0]
    flush_left = layout.label_start is not None and token.start <= layout.label_start
    return (token.end <= layout.extents[0][0] or flush_left) and is_header_text(token.text)


def _line_below(text: dict[int, str], index: int, end: int) -> str | None:
    for probe in range(index + 1, end):
        if text[probe].strip():
            return text[probe]
    return None


def _value_cells(parts: _Line, line: str) -> list[tuple[_Token, str]]:
    """Each value token with its cell text; a `$` printed before a number (blanked for the
    layout) stays with it, as a currency sign in a cell of its own does in other prints."""
    cells = []
    before = parts.label[-1].end if parts.label else 0
    for token in parts.values:
        cell = value_text(token.text) or token.text
        if "$" in line[before : token.start] or token.text.startswith("$"):
            cell = f"${cell}"
        cells.append((token, cell))
        before = token.end
    return cells


def _values(parts: _Line, layout: _Layout, line: str) -> tuple[str, ...]:
    values = [""] * len(layout.extents)
    for token, cell in _value_cells(parts, line):
        column = layout.column_of(token)
        values[column] = f"{values[column]} {cell}".strip()
    return tuple(values)


def _body(text: dict[int, str], indices: list[int], layout: _Layout, end: int) -> list[Row]:
    """Body rows in order: wrapped labels joined, one blank row per run of blank lines."""
    rows: list[Row] = []
    pending: BodyRow | None = None  # a label-only line, perhaps the head of a wrapped label
    blank = False
    for index in indices:
        line = text[index]
        if not line.strip():
            blank = True
            continue
        parts = cut(line)
        label, number = " ".join(t.text for t in parts.label), index + 1
        if pending and parts.values and continues(pending.label, label):
            label, number, pending = f"{pending.label} {label}", pending.line, None
        if pending:
            rows.append(body_row(pending))
            pending = None
        if blank and rows:
            rows.append(body_row(BodyRow("", (), index)))
        blank = False
        if _over_labels(line, layout):
            pending = BodyRow(line.strip(), (), number)
        elif _is_header(line):
            cells, _ = _header_cells(line, _line_below(text, index, end), layout)
            rows.append(header_row(cells, number))
        elif parts.values:
            rows.append(body_row(BodyRow(label, _values(parts, layout, line), number)))
        else:
            pending = BodyRow(label, (), number)
    if pending:
        rows.append(body_row(pending))
    return rows
