"""Tables printed one cell per paragraph (Markdown copies of newswire releases).

Every cell, `$` included, is its own paragraph (or its own line): header cells stacked one
after another, then a label followed by its numbers, the next label, and so on. A table is
found where a run of header paragraphs (periods, dates, years) is followed by labels and
runs of numbers; it ends where paragraphs stop being cells, or where the next header run starts.

The number of value columns is the most common length of a run of numbers after a label.
A longer run is a full row followed by unlabelled subtotal rows; a shorter one fills the
columns from the left, the only reading the print supports (cells carry no positions).
Label paragraphs without numbers are section rows, unless the next paragraph is the
wrapped tail of the label (see `grid.continues`). A negative whose brackets were
printed as cells of their own ("(2,935,708" and ")") is rejoined.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from exporter.document import Block, Heading, Paragraph
from exporter.ingest.text.columns import joins_forward
from exporter.ingest.text.grid import (
    GLUED_WORDS,
    BodyRow,
    LabelledRun,
    continues,
    header_row,
    is_header_text,
    is_year,
    labelled_runs,
    make_table,
    stack_headers,
    unglue,
    value_text,
)
from exporter.numbers import strip_footnote_marks

_NOISE = re.compile(
    r"^(?:<https?://[^>\s]+>|\[[^\]]*\]\([^)\s]*\)|\^\{[^}]*\}|https?://\S+)$", re.IGNORECASE
)
_MAX_CELL = 200
# A mark joined to its number (a bracket, a percent sign) or a lone footnote mark: its cell
# is kept, so that indices still name paragraphs, and skipped.
_SPENT = "\x00spent"
_MAX_CELL_LINES = 3
_MAX_LABELS_WITHOUT_NUMBERS = 8
_MIN_ROWS = 2


class _Kind(Enum):
    VALUE = "value"
    DOLLAR = "dollar"
    HEADER = "header"
    TEXT = "text"
    NOISE = "noise"


@dataclass(frozen=True)
class Cell:
    """One short paragraph of the source (lines joined): its text and 0-based first line."""

    text: str
    line: int


@dataclass
class Found:
    """Paragraphs `start`..`end` (exclusive, indices into the run) become `blocks`."""

    start: int
    end: int
    blocks: list[Block] = field(default_factory=list)


def _kind(text: str) -> _Kind:
    stripped = text.strip()
    if stripped == "$":
        return _Kind.DOLLAR
    if stripped == _SPENT:
        return _Kind.NOISE
    if _NOISE.match(stripped):
        return _Kind.NOISE
    if is_header_text(stripped) and (is_year(stripped) or value_text(stripped) is None):
        return _Kind.HEADER
    if value_text(stripped) is not None:
        return _Kind.VALUE
    return _Kind.TEXT


def is_cell(lines: list[str]) -> bool:
    """Whether a paragraph is short enough to be one table cell (a label may wrap)."""
    return (
        len(lines) <= _MAX_CELL_LINES and len(" ".join(line.strip() for line in lines)) <= _MAX_CELL
    )


def is_cell_column(lines: list[str]) -> bool:
    """Whether a block of lines is cells printed one per line, blank lines left out.

    Every line is short, and at least a third of them are numbers or the marks printed
    beside numbers (`$`, a bracket); hard-wrapped prose has few lines that are a number.
    """
    if len(lines) <= _MAX_CELL_LINES or any(len(line.strip()) > _MAX_CELL for line in lines):
        return False
    marks = sum(1 for line in lines if line.strip() in ("$", "(", ")", "%") or _is_value(line))
    return 3 * marks >= len(lines)


def _is_value(line: str) -> bool:
    return value_text(line.strip()) is not None


def _header_end(kinds: list[_Kind], start: int) -> int:
    end = start
    while end < len(kinds) and kinds[end] in (_Kind.HEADER, _Kind.NOISE):
        end += 1
    return end


def _is_header_run(kinds: list[_Kind], start: int, end: int) -> bool:
    """Two or more header cells, then a label or a number."""
    heads = sum(1 for k in kinds[start:end] if k is _Kind.HEADER)
    return heads >= 2 and end < len(kinds) and kinds[end] in (_Kind.TEXT, _Kind.VALUE)


def _body_end(cells: list[Cell], kinds: list[_Kind], start: int) -> int:
    """Index after the last number of the body that starts at `start`.

    In a body a year after a label or a number is a value ("Founded 1998"), so it is
    marked as one here; a run of header cells that is not such a value starts the next
    table, and a long stretch of labels without numbers ends this one.
    """
    last_value = start
    since_value = 0
    index = start
    while index < len(kinds):
        kind = kinds[index]
        after_row = index > start and kinds[index - 1] in (_Kind.TEXT, _Kind.VALUE, _Kind.DOLLAR)
        if kind is _Kind.HEADER and is_year(cells[index].text) and after_row:
            kinds[index] = kind = _Kind.VALUE
        if kind is _Kind.VALUE:
            last_value, since_value = index + 1, 0
        elif kind is _Kind.TEXT:
            since_value += 1
            if since_value > _MAX_LABELS_WITHOUT_NUMBERS:
                break
        elif kind is _Kind.HEADER and _is_header_run(kinds, index, _header_end(kinds, index)):
            break
        index += 1
    return last_value


_Group = LabelledRun[Cell]


def _groups(cells: list[Cell], kinds: list[_Kind]) -> list[_Group]:
    """Label paragraphs each followed by the run of numbers after them (maybe none); a `$`
    printed as a cell of its own stays with the number after it."""
    signed = list(cells)
    for index in range(len(cells) - 1):
        if kinds[index] is _Kind.DOLLAR and kinds[index + 1] is _Kind.VALUE:
            signed[index + 1] = Cell(f"${cells[index + 1].text.strip()}", cells[index + 1].line)
    printed = zip(signed, kinds, strict=True)
    skipped = (_Kind.DOLLAR, _Kind.NOISE)
    return labelled_runs((c, k is _Kind.VALUE) for c, k in printed if k not in skipped)


def _width(groups: list[_Group]) -> int:
    counts = Counter(len(g.values) for g in groups if g.values)
    if not counts:
        return 0
    top = max(counts.values())
    return max(n for n, c in counts.items() if c == top)


def _labels(cells: list[Cell]) -> list[Cell]:
    """Label paragraphs with wrapped tails joined to their heads."""
    joined: list[Cell] = []
    for cell in cells:
        text = cell.text.strip()
        if joined and continues(joined[-1].text, text):
            joined[-1] = Cell(f"{joined[-1].text} {text}", joined[-1].line)
        else:
            joined.append(Cell(text, cell.line))
    return joined


def _signed(text: str) -> str:
    """A value cell as printed, a `$` before it kept (the table's currency)."""
    value = value_text(text) or ""
    return f"${value}" if value and text.lstrip().startswith("$") else value


def _rows(group: _Group, width: int) -> list[BodyRow]:
    labels = _labels(group.labels)
    rows = [BodyRow(label.text, (), label.line + 1) for label in labels[:-1]]
    label = labels[-1] if labels else None
    values = [_signed(v.text) for v in group.values]
    if not values:
        return rows + ([BodyRow(label.text, (), label.line + 1)] if label else [])
    for start in range(0, len(values), width):
        chunk = values[start : start + width]
        # A short run fills the first columns: one-cell-per-paragraph prints carry no
        # positions, and a cell left empty in the source leaves no paragraph behind.
        chunk += [""] * (width - len(chunk))
        line = label.line if label and start == 0 else group.values[start].line
        text = label.text if label and start == 0 else ""
        rows.append(BodyRow(text, tuple(chunk), line + 1))
    return rows


def _table(cells: list[Cell], kinds: list[_Kind], head: int, body: int, end: int) -> Found | None:
    groups = _groups(cells[body:end], kinds[body:end])
    width = _width(groups)
    rows = [row for g in groups for row in _rows(g, width)] if width else []
    if sum(1 for r in rows if any(r.values)) < _MIN_ROWS:
        return None
    texts = [
        c for c, k in zip(cells[head:body], kinds[head:body], strict=True) if k is _Kind.HEADER
    ]
    header_rows = []
    position = 0
    for stacked in stack_headers([unglue(c.text.strip()) for c in texts], width):
        header_rows.append(header_row(stacked, texts[position].line + 1))
        position += len(stacked)
    noise = [
        Paragraph(text=c.text.strip(), line=c.line + 1)
        for c, k in zip(cells[head:end], kinds[head:end], strict=True)
        if k is _Kind.NOISE
    ]
    table = make_table(header_rows, rows, cells[head].line + 1)
    return Found(head, end, [table, *noise])


def _is_caps_title(text: str, words: int) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(text.split()) >= words


def _title_join(cells: list[Cell], start: int, head: int) -> Found | None:
    """An upper-case title wrapped onto a second paragraph of one or two words, rejoined."""
    for index in range(max(start, head - 3), head - 1):
        first, second = cells[index].text.strip(), cells[index + 1].text.strip()
        if (
            _is_caps_title(first, 3)
            and not first.endswith((".", ":", ";", ","))
            and _is_caps_title(second, 1)
            and len(second.split()) <= 2
        ):
            heading = Heading(text=f"{first} {second}", line=cells[index].line + 1)
            return Found(index, index + 2, [heading])
    return None


def _closed_brackets(cells: list[Cell]) -> list[Cell]:
    """A negative printed over two or three cells ("(2,935,708" and ")", or "(" or "$(",
    "640" and ")") rejoined, the opening marks as every reader joins them
    (`joins_forward`): the number takes the brackets, the bracket cells become spent marks,
    skipped. The list keeps its length, so indices still name paragraphs."""
    out = list(cells)
    for index, cell in enumerate(out):
        text = cell.text.strip()
        after = out[index + 1].text.strip() if index + 1 < len(out) else ""
        if "(" in text and joins_forward(text, after):
            out[index] = Cell(_SPENT, cell.line)
            out[index + 1] = Cell(text + after, out[index + 1].line)
            continue
        closes = "(" in text and ")" not in text and after == ")"
        if closes and value_text(text + ")") is not None:
            out[index] = Cell(text + ")", cell.line)
            out[index + 1] = Cell(_SPENT, out[index + 1].line)
    return out


def _glued_titles(cells: list[Cell], kinds: list[_Kind]) -> dict[int, str]:
    """A title run into the first header cell where a line break was lost ("Earnings
    SummaryThree Months Ended December 31,"): the cell becomes the header, the title is
    kept apart (by index). Only before another header cell, and only where the title is
    two or more words, so that a name such as "PepsiCo" is never cut."""
    titles: dict[int, str] = {}
    for index, cell in enumerate(cells[:-1]):
        if kinds[index] is not _Kind.TEXT or kinds[index + 1] is not _Kind.HEADER:
            continue
        for match in GLUED_WORDS.finditer(cell.text):
            title, header = cell.text[: match.start()].strip(), cell.text[match.start() :]
            if len(title.split()) >= 2 and _kind(header) is _Kind.HEADER:
                titles[index] = title
                cells[index] = Cell(header, cell.line)
                kinds[index] = _Kind.HEADER
                break
    return titles


def _attached_marks(cells: list[Cell]) -> list[Cell]:
    """A percent sign printed as a cell of its own after a number ("2.65" then "%") joins
    the number; a lone footnote mark ("*") is spent, skipped. The list keeps its
    length, as in `_closed_brackets`."""
    out = list(cells)
    for index, cell in enumerate(out):
        text = cell.text.strip()
        if text and not strip_footnote_marks(text):
            out[index] = Cell(_SPENT, cell.line)
        elif text == "%" and index and _is_value(out[index - 1].text):
            out[index - 1] = Cell(out[index - 1].text.strip() + "%", out[index - 1].line)
            out[index] = Cell(_SPENT, cell.line)
    return out


def find_cell_tables(cells: list[Cell]) -> list[Found]:
    """Tables (and rejoined titles) found in a run of short paragraphs, in order."""
    cells = _attached_marks(_closed_brackets(cells))
    kinds = [_kind(c.text) for c in cells]
    titles = _glued_titles(cells, kinds)
    found: list[Found] = []
    index = previous_end = 0
    while index < len(cells):
        if kinds[index] is not _Kind.HEADER:
            index += 1
            continue
        body = _header_end(kinds, index)
        end = _body_end(cells, kinds, body) if _is_header_run(kinds, index, body) else body
        table = _table(cells, kinds, index, body, end) if end > body else None
        if table is None:
            index = max(body, index + 1)
            continue
        title = _title_join(cells, previous_end, index)
        if title is not None:
            found.append(title)
        if index in titles:
            glued = Heading(text=titles[index], line=cells[index].line + 1)
            table = Found(table.start, table.end, [glued, *table.blocks])
        found.append(table)
        index = previous_end = end
    return found
