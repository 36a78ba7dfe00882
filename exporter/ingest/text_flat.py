"""Statements flattened onto one physical line (Markdown copies of some newswire releases).

The HTML table was turned into text cell after cell on a single line: the title, the
header cells, then rows that run into each other ("6,042,986Marketable securities"), with
runs of no-break spaces where cells were padded or empty. The line is cut back into cells:

- a gap is a run of spaces holding a no-break space, or two or more spaces; a lone `$`
  counts as part of a gap;
- a number glued to the text after it ends a row; a number after a single space at the end
  of a piece is a value too (share counts are printed without padding), unless the row then
  has more numbers than the table has columns: then it was the end of the label ("...
  outstanding as of December 31, 2023").

The number of value columns is the most common count of numbers after a label. A row with
fewer numbers is placed by what follows its last number: glued to the next label, the
numbers fill the last columns; followed by padding (the empty cells), they fill the first
ones. That is all the print tells; a gap in the middle of a row cannot be seen and the
numbers then stay in order from the first column. A gap of three or more padded cells
after a full row is a blank row of the source and is kept as one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from exporter.document import Block
from exporter.ingest.text_grid import (
    BodyRow,
    Kind,
    continues,
    header_kind,
    header_row,
    is_header_text,
    is_year,
    make_table,
    stack_headers,
    text_block,
    value_text,
)

_NBSP = "\u00a0"
_LONE_DOLLAR = re.compile(r"(?<![^\s\u00a0])\$(?![^\s\u00a0])")
_GAP = re.compile(r"[ \u00a0]*\u00a0[ \u00a0]*| {2,}")
_NUMBER = r"\(?[-\u2212\u2013\u2014]?\d[\d,]*(?:\.\d+)?\)?%?|[-\u2013\u2014]"
_GLUED = re.compile(rf"^({_NUMBER})(?=[A-Z(\u201c\"'])")
_TRAILING = re.compile(rf"^(.*[A-Za-z].*?) ({_NUMBER})$")
_TITLE_SPLIT = re.compile(r"(?<=\.)(?=[A-Z]{2,})|(?<=[A-Za-z])(?=\()")
_MIN_LENGTH = 200
_MIN_VALUES = 6
_MIN_ROWS = 3
_BLANK_ROW_CELLS = 3


@dataclass(frozen=True)
class _Token:
    text: str
    number: bool
    after: str  # the gap that follows ("" when the next token is glued on)
    from_label: bool = False


def _piece_tokens(piece: str, after: str) -> list[_Token]:
    piece = piece.strip()
    tokens: list[_Token] = []
    while True:
        glued = _GLUED.match(piece)
        if not glued or value_text(glued[1]) is None:
            break
        tokens.append(_Token(glued[1], True, ""))
        piece = piece[glued.end() :]
    if not piece:
        return tokens
    if re.fullmatch(_NUMBER, piece) and value_text(piece) is not None:
        return [*tokens, _Token(piece, True, after)]
    trailing = _TRAILING.match(piece)
    if trailing and value_text(trailing[2]) is not None:
        text, number = trailing[1].strip(), trailing[2]
        return [*tokens, _Token(text, False, " "), _Token(number, True, after, from_label=True)]
    return [*tokens, _Token(piece.strip(), False, after)]


@lru_cache(maxsize=256)
def _tokens(line: str) -> tuple[_Token, ...]:
    """The line as text and number tokens, each with the gap that follows it."""
    line = _LONE_DOLLAR.sub(_NBSP, line)
    tokens: list[_Token] = []
    position = 0
    for gap in [*_GAP.finditer(line), None]:
        end = gap.start() if gap else len(line)
        piece = line[position:end]
        after = gap.group() if gap else "\n"
        if piece.strip():
            tokens.extend(_piece_tokens(piece, after))
        elif tokens:
            tokens[-1] = _Token(
                tokens[-1].text,
                tokens[-1].number,
                tokens[-1].after + piece + after,
                tokens[-1].from_label,
            )
        position = gap.end() if gap else len(line)
    return tuple(tokens)


def _data_rows(tokens: tuple[_Token, ...]) -> int:
    return sum(1 for a, b in pairwise(tokens) if not a.number and b.number)


def is_flat_line(line: str) -> bool:
    """A long line holding a statement: many padded numbers, labels between them."""
    if len(line) < _MIN_LENGTH or "\t" in line:
        return False
    if line.count(_NBSP) < _MIN_VALUES and not re.search(r"\d\)?[A-Z][a-z]", line):
        return False
    tokens = _tokens(line)
    values = sum(1 for t in tokens if t.number and not t.from_label)
    return values >= _MIN_VALUES and _data_rows(tokens) >= _MIN_ROWS


def _is_header(token: _Token) -> bool:
    return is_year(token.text) if token.number else is_header_text(token.text)


def _header_span(tokens: tuple[_Token, ...]) -> tuple[int, int] | None:
    """The first run of header tokens that names a period, leading audit marks left out."""
    index = 0
    while index < len(tokens):
        if not _is_header(tokens[index]):
            index += 1
            continue
        end = index
        while end < len(tokens) and _is_header(tokens[end]):
            end += 1
        start = index
        while start < end and header_kind(tokens[start].text) is Kind.AUDIT:
            start += 1
        if end - start >= 1 and end < len(tokens):
            return start, end
        index = end
    return None


@dataclass
class _Group:
    labels: list[_Token]
    values: list[_Token]


def _groups(tokens: tuple[_Token, ...]) -> list[_Group]:
    groups: list[_Group] = []
    current = _Group([], [])
    for token in tokens:
        if token.number:
            current.values.append(token)
            continue
        if current.values:
            groups.append(current)
            current = _Group([], [])
        current.labels.append(token)
    if current.labels or current.values:
        groups.append(current)
    return groups


def _width(groups: list[_Group]) -> int:
    counts = Counter(len([v for v in g.values if not v.from_label]) for g in groups if g.values)
    if not counts:
        return 0
    top = max(counts.values())
    return max(n for n, c in counts.items() if c == top)


def _labels(tokens: list[_Token]) -> list[str]:
    labels: list[str] = []
    for token in tokens:
        text = re.sub(r"[\s\u00a0]+", " ", token.text).strip()
        if labels and continues(labels[-1], text):
            labels[-1] = f"{labels[-1]} {text}"
        elif text:
            labels.append(text)
    return labels


def _place(values: list[str], width: int, glued: bool) -> tuple[str, ...]:
    padding = [""] * (width - len(values))
    return tuple(padding + values) if glued else tuple(values + padding)


def _rows(group: _Group, width: int, line: int) -> list[BodyRow]:
    labels = _labels(group.labels)
    rows = [BodyRow(text, (), line) for text in labels[:-1]]
    label = labels[-1] if labels else ""
    values = list(group.values)
    while len(values) > width and values[0].from_label:
        label = f"{label} {values.pop(0).text}".strip()
    if not values:
        return [*rows, BodyRow(label, (), line)] if label else rows
    texts = [value_text(v.text) or v.text for v in values]
    for start in range(0, len(texts), width):
        chunk = texts[start : start + width]
        glued = values[min(start + width, len(values)) - 1].after == ""
        rows.append(BodyRow(label if start == 0 else "", _place(chunk, width, glued), line))
    if len(re.findall(r"\u00a0+", values[-1].after)) >= _BLANK_ROW_CELLS:
        rows.append(BodyRow("", (), line))
    return rows


def _titles(tokens: tuple[_Token, ...], line: int) -> list[Block]:
    blocks: list[Block] = []
    for token in tokens:
        for part in _TITLE_SPLIT.split(token.text):
            text = re.sub(r"[\s\u00a0]+", " ", part).strip()
            if text:
                blocks.append(text_block([text], line))
    return blocks


def read_flat_line(line: str, index: int) -> list[Block] | None:
    """Title blocks and the table of one flattened line (`index` is 0-based), or None."""
    tokens = _tokens(line)
    span = _header_span(tokens)
    if span is None:
        return None
    start, end = span
    groups = _groups(tokens[end:])
    width = _width(groups)
    if not width:
        return None
    body = [row for group in groups for row in _rows(group, width, index + 1)]
    while body and not body[-1].label and not any(body[-1].values):
        body.pop()
    header = [
        header_row(cells, index + 1)
        for cells in stack_headers([tokens[i].text for i in range(start, end)], width)
    ]
    return [*_titles(tokens[:start], index), make_table(header, body, index + 1)]
