"""The sample release as a model the renderings print from: prose and statements.

Read from the tab-separated text by a parser of its own (not the exporter's text reader),
so a rendering prints what the text says, not what the exporter understood of it. A
statement keeps its title, its caption, and its parts: a part is a group of header rows
(period, year, currency) and the rows under it; a statement with two stacked sub-tables
(three months, then the year) has two parts. Header rows are aligned on the value columns
and each header cell knows how many value columns it covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SAMPLE = Path(__file__).parent / "fixtures" / "qifu-2024q4.txt"

_HEADER_CELL = re.compile(r"^(?:\d{4}|RMB|USD|.*\bended\b.*|[A-Z][a-z]+ \d{1,2}, \d{4})$")
_MARKDOWN_ESCAPE = re.compile(r"\\([$*_\[\]()#])")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_HEADING_MAX = 120


@dataclass(frozen=True)
class Prose:
    """A paragraph; `kind` is "heading", "paragraph" or "bullet".

    The text is the sample's with Markdown escapes and bold marks undone; `^{*1}`
    footnote markers and `<https://...>` links are left for each rendering to print.
    """

    kind: str
    text: str


@dataclass(frozen=True)
class HeaderCell:
    text: str
    span: int = 1


@dataclass(frozen=True)
class Line:
    """A table row: a label and one printed value per value column ("" where none).

    A row with neither is a blank separator; a row with a label and no values is a
    section row ("Current assets:").
    """

    label: str
    values: tuple[str, ...]

    @property
    def blank(self) -> bool:
        return not self.label and not any(self.values)

    @property
    def section(self) -> bool:
        return bool(self.label) and not any(self.values)


@dataclass(frozen=True)
class Part:
    """Header rows (each a tuple of cells over the value columns) and the rows under them.

    `new_page` asks a paged rendering to start the part on a new page (a part split in
    two, the second half under the same headers, is a statement continued on the next
    page); the text and HTML renderings ignore it.
    """

    headers: tuple[tuple[HeaderCell, ...], ...]
    lines: tuple[Line, ...]
    new_page: bool = False


@dataclass(frozen=True)
class Statement:
    title: str
    caption: str
    width: int
    parts: tuple[Part, ...]

    @property
    def numbers(self) -> list[str]:
        """Every printed value, in reading order."""
        return [v for p in self.parts for line in p.lines for v in line.values if v]


@dataclass(frozen=True)
class Release:
    items: tuple[Prose | Statement, ...]

    @property
    def statements(self) -> list[Statement]:
        return [item for item in self.items if isinstance(item, Statement)]


def load_release(path: Path = SAMPLE) -> Release:
    """The sample, parsed into prose and statements."""
    lines = path.read_text(encoding="utf-8").splitlines()
    items: list[Prose | Statement] = []
    index = 0
    while index < len(lines):
        if "\t" in lines[index]:
            end = _table_end(lines, index)
            caption = _pop_caption(items)
            title = items.pop().text if items and items[-1].kind == "heading" else ""
            items.append(_statement(title, caption, lines[index:end]))
            index = end
        elif lines[index].strip():
            end = index
            while end < len(lines) and lines[end].strip() and "\t" not in lines[end]:
                end += 1
            items.extend(_prose(lines[index:end]))
            index = end
        else:
            index += 1
    return Release(tuple(items))


def _table_end(lines: list[str], start: int) -> int:
    """After the table that starts at `start`: tab lines, blanks and lone section lines.

    A short line without tabs between two runs of tab lines ("ASSETS") belongs to the
    table when the run after it starts with data, not with column headers.
    """
    end = index = start
    while index < len(lines):
        line = lines[index]
        if "\t" in line:
            end = index = index + 1
        elif not line.strip():
            index += 1
        else:
            after = next((x for x in lines[index + 1 :] if x.strip()), "")
            if "\t" not in after or _is_header(after.split("\t")) or len(line) > 40:
                break
            index += 1
    return end


def _pop_caption(items: list[Prose | Statement]) -> str:
    if items and isinstance(items[-1], Prose) and items[-1].text.startswith("(Amounts"):
        return items.pop().text
    return ""


def _is_header(cells: list[str]) -> bool:
    texts = [c.strip() for c in cells if c.strip()]
    return bool(texts) and all(_HEADER_CELL.match(t) for t in texts)


def _statement(title: str, caption: str, lines: list[str]) -> Statement:
    rows = [line.split("\t") for line in lines]
    width = max(len(r) for r in rows if not _is_header(r)) - 1
    parts: list[Part] = []
    headers: list[tuple[HeaderCell, ...]] = []
    body: list[Line] = []
    for cells in rows:
        if _is_header(cells):
            if body:
                parts.append(Part(tuple(headers), _trimmed(body)))
                headers, body = [], []
            headers.append(_header_row(cells, width))
        elif any(c.strip() for c in cells):
            values = tuple(c.strip() for c in cells[1:]) + ("",) * (width + 1 - len(cells))
            body.append(Line(cells[0].strip(), values))
        elif body:
            body.append(Line("", ("",) * width))
    parts.append(Part(tuple(headers), _trimmed(body)))
    return Statement(title, caption, width, tuple(parts))


def _header_row(cells: list[str], width: int) -> tuple[HeaderCell, ...]:
    """Header cells over the value columns: a row without its label cell is right-aligned,
    and a cell followed by empty cells spans them."""
    values = ([""] * (width + 1 - len(cells)) + cells)[1:]
    result: list[HeaderCell] = []
    for text in values:
        if text.strip() or not result:
            result.append(HeaderCell(text.strip()))
        else:
            result[-1] = HeaderCell(result[-1].text, result[-1].span + 1)
    return tuple(result)


def _trimmed(body: list[Line]) -> tuple[Line, ...]:
    while body and body[-1].blank:
        body = body[:-1]
    return tuple(body)


def _clean(text: str) -> str:
    return _BOLD.sub(r"\1", _MARKDOWN_ESCAPE.sub(r"\1", text)).strip()


def _prose(lines: list[str]) -> list[Prose]:
    """A run of text lines: each bullet its own item, a line opening with "(" starts a new
    one (a caption under its title), other lines are joined."""
    groups: list[list[str]] = []
    for line in lines:
        if line.startswith(("- ", "(")) or not groups or groups[-1][0].startswith("- "):
            groups.append([])
        groups[-1].append(_clean(line))
    items = []
    for group in groups:
        text = " ".join(group)
        if text.startswith("- "):
            items.append(Prose("bullet", text[2:]))
        elif len(group) == 1 and len(text) <= _HEADING_MAX and not text.endswith((".", ":")):
            items.append(Prose("heading", text))
        else:
            items.append(Prose("paragraph", text))
    return items
