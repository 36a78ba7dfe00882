"""Plain-text reader: tab-separated tables, paragraphs, headings, Markdown residue cleaned.

A run of lines that contain tabs is a table; blank lines inside the run are kept as blank
rows (they separate row groups and stacked sub-tables). Any other run of non-blank lines
is text: a short line without a full stop is a heading, the rest are paragraphs; a line
that opens with "(" or a bullet starts a new paragraph, so a caption printed right under
a title stays apart from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exporter.document import Block, Cell, Document, Heading, Paragraph, Row, Table

_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$%&|<>~])")
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25cf\u25aa]|\d+\.)\s+")
_HEADING_MAX = 120


def clean_line(line: str) -> str:
    """Undo Markdown escapes and bold marks; normalise non-breaking spaces."""
    line = _MARKDOWN_ESCAPE.sub(r"\1", line)
    line = _MARKDOWN_BOLD.sub(r"\1", line)
    return line.replace("\u00a0", " ").rstrip("\r\n")


def read_text(text: str, source: str) -> Document:
    """Split `text` into headings, paragraphs and tab-separated tables."""
    lines = [clean_line(line) for line in text.splitlines()]
    return Document(source=source, format="text", blocks=tuple(_blocks(lines)))


def _is_table_line(line: str) -> bool:
    return "\t" in line and bool(line.replace("\t", "").strip())


def _blocks(lines: list[str]) -> Iterator[Block]:
    index = 0
    table_count = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
        elif _is_table_line(lines[index]):
            end = _table_end(lines, index)
            table_count += 1
            yield _table(lines, index, end, table_count)
            index = end
        else:
            end = index
            while end < len(lines) and lines[end].strip() and not _is_table_line(lines[end]):
                end += 1
            yield from _text_blocks(lines, index, end)
            index = end


def _table_end(lines: list[str], start: int) -> int:
    """Index after the last tab line of the run that begins at `start`."""
    end = start
    probe = start
    while probe < len(lines) and (not lines[probe].strip() or _is_table_line(lines[probe])):
        if _is_table_line(lines[probe]):
            end = probe + 1
        probe += 1
    return end


def _table(lines: list[str], start: int, end: int, index: int) -> Table:
    rows = []
    for number in range(start, end):
        parts = lines[number].split("\t")
        cells = tuple(Cell(text=part.strip(), column=i) for i, part in enumerate(parts))
        rows.append(Row(cells=cells, line=number + 1))
    return Table(index=index, rows=tuple(rows), line=start + 1)


def _text_blocks(lines: list[str], start: int, end: int) -> Iterator[Heading | Paragraph]:
    group: list[str] = []
    group_line = start
    for number in range(start, end):
        line = lines[number].strip()
        if group and (line.startswith("(") or _BULLET.match(line)) and _closes(group[-1]):
            yield _text_block(group, group_line)
            group = []
        if not group:
            group_line = number
        group.append(line)
    if group:
        yield _text_block(group, group_line)


def _closes(previous: str) -> bool:
    """A new block may start after a line that ends a title, sentence or bullet."""
    return not previous.endswith((",", "(", "-", "and", "or", "of"))


def _text_block(group: list[str], start: int) -> Heading | Paragraph:
    text = " ".join(group)
    single = len(group) == 1
    if single and len(text) <= _HEADING_MAX and not _BULLET.match(text) and _looks_like_title(text):
        return Heading(text=text, line=start + 1)
    return Paragraph(text=text, line=start + 1)


def _looks_like_title(text: str) -> bool:
    return not text.endswith((".", ",", ";", ":")) and not text.startswith("(")
