"""Tables laid out without table markup: rows of <div>s (or <p>s, <li>s) whose children
are the cells, drawn as a table by CSS (`display:table-row`, `flex`, `grid`) or by
nothing but widths.

Nothing in the markup says "table", so the structure has to: a run of sibling elements
of one tag that each hold nothing but child elements (no text of their own between them), at least
two of which print a label followed by numbers in the same number of cells. A row that
is one text alone (a section heading, "Operating expenses:") or an empty spacer may sit
inside the run. Inline CSS display values are extra evidence (one such data row is
enough), never needed: a page may style its grid from a <style> block, or not at all.

A currency sign or a closing bracket in a child of its own, present only in the rows
that print one, is folded into the number beside it so that the rows keep the same
cells. Cells carry no span unless the page states one (`grid-column: span 2`, `a / b`,
a `colspan` attribute): like tab-separated text, a header cell's reach is left to the
tables stage. A CSS grid may also write its cells one after another in one container:
its inline `grid-template-columns` says how many make a row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from exporter.ingest.text.columns import joins_forward, opening_mark
from exporter.numbers import is_year, reads_as_number

# Elements that are never a row of a grid: they carry structure of their own.
_NOT_ROWS = frozenset(
    {"table", "pre", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "img"}
)
_GRID_DISPLAY = re.compile(r"display:(?:table|table-row|table-cell|flex|inline-flex|grid)\b")
_GRID_SPAN = re.compile(r"grid-column:(?:span(\d+)|(\d+)/(\d+))")
_TEMPLATE = re.compile(r"grid-template-columns:([^;]+)")
_REPEAT = re.compile(r"repeat\((\d+),((?:[^()]|\([^()]*\))+)\)")
_TRACK = re.compile(r"(?:minmax|fit-content)\([^()]*\)|[^\s()]+")
_MAX_SPAN = 100
_SUFFIXES = frozenset({")", "%", ")%"})


@dataclass(frozen=True, slots=True)
class GridCell:
    """One cell of a row: its text and the columns it spans."""

    text: str
    span: int = 1


@dataclass(frozen=True, slots=True)
class GridRow:
    line: int
    cells: tuple[GridCell, ...]


def _style(element: etree._Element) -> str:
    return (element.get("style") or "").lower().replace(" ", "")


def _has_own_text(element: etree._Element) -> bool:
    """Text directly in `element`, outside its children (prose with inline markup)."""
    if (element.text or "").strip():
        return True
    return any((child.tail or "").strip() for child in element)


def _children(
    element: etree._Element, keep: Callable[[etree._Element], bool]
) -> list[etree._Element]:
    """The shown child elements (comments and processing instructions are not)."""
    return [c for c in element if isinstance(c.tag, str) and keep(c)]


def _row_cells(
    row: etree._Element, keep: Callable[[etree._Element], bool]
) -> list[etree._Element] | None:
    """The cell elements of a candidate row, or None when it is not one.

    A row holds only child elements; a leaf holding text is a row of one cell (a section
    heading in the grid); an element that holds nothing is an empty row."""
    if row.tag in _NOT_ROWS:
        return None
    children = _children(row, keep)
    if not children:
        return [row]
    if _has_own_text(row) or any(c.tag in _NOT_ROWS - {"br"} for c in children):
        return None
    return children


def _span(cell: etree._Element) -> int:
    match = _GRID_SPAN.search(_style(cell))
    if match:
        span = int(match.group(1)) if match.group(1) else int(match.group(3)) - int(match.group(2))
    else:
        digits = re.match(r"\s*(\d+)", cell.get("colspan") or "")
        span = int(digits.group(1)) if digits else 1
    return min(max(span, 1), _MAX_SPAN)


def _folded(cells: list[GridCell]) -> list[GridCell]:
    """Lone opening marks ("$", "(") joined to the number after it, a lone `)` or `%` to the
    number before it; the cell it stood in goes."""
    folded: list[GridCell] = []
    for cell in cells:
        previous = folded[-1] if folded else None
        # The first cell is the row's label, even when it is a code ("USD" in a table of rates).
        if previous is not None and len(folded) > 1 and _joins(previous.text, cell.text):
            folded[-1] = GridCell(previous.text + cell.text, previous.span + cell.span - 1)
        else:
            folded.append(cell)
    return folded


def _joins(previous: str, text: str) -> bool:
    if opening_mark(previous):
        return joins_forward(previous, text)
    return text in _SUFFIXES and reads_as_number(previous + text)


def _is_data(cells: list[GridCell]) -> bool:
    """A label and then mostly numbers (dashes and empty cells aside)."""
    if len(cells) < 2 or reads_as_number(cells[0].text) or not cells[0].text:
        return False
    rest = [c.text for c in cells[1:] if c.text and c.text.strip("-–—") != ""]
    numbers = [t for t in rest if reads_as_number(t) and not is_year(t)]
    return bool(numbers) and 2 * len(numbers) > len(rest)


@dataclass(frozen=True, slots=True)
class _Candidate:
    element: etree._Element
    cells: list[GridCell]
    folded: list[GridCell]
    styled: bool


def grid_runs(
    container: etree._Element,
    keep: Callable[[etree._Element], bool],
    cell_text: Callable[[etree._Element], str],
) -> list[tuple[int, int, list[GridRow]]]:
    """Runs of the container's children that lay out a table, as (first child index,
    last child index, rows); `keep` says which elements are shown, `cell_text` reads a
    cell."""
    children = _children(container, keep)
    flat = _flat_grid(container, children, cell_text)
    if flat:
        return [(0, len(children) - 1, flat)]
    if sum(len(_children(c, keep)) >= 2 for c in children) < 1:
        return []
    runs: list[tuple[int, int, list[GridRow]]] = []
    start = 0
    while start < len(children):
        end = start
        candidates: list[_Candidate] = []
        # The rows of one grid are one kind of element: a <p> between <div> rows is prose.
        while end < len(children) and children[end].tag == children[start].tag:
            candidate = _candidate(children[end], keep, cell_text)
            if candidate is None:
                break
            candidates.append(candidate)
            end += 1
        found = _grid(candidates, styled=_styled(container)) if candidates else None
        if found is not None:
            first, last, rows = found
            runs.append((start + first, start + last, rows))
        start = max(end, start + 1)
    return runs


def _tracks(element: etree._Element) -> int:
    """The number of columns an inline `grid-template-columns` lays out, 0 if none."""
    style = (element.get("style") or "").lower()
    match = _TEMPLATE.search(style)
    if not match or "display:grid" not in _style(element):
        return 0
    template = _REPEAT.sub(
        lambda m: " ".join([m.group(2).strip()] * int(m.group(1))), match.group(1)
    )
    return len(_TRACK.findall(template.replace(", ", ",")))


def _flat_grid(
    container: etree._Element,
    children: list[etree._Element],
    cell_text: Callable[[etree._Element], str],
) -> list[GridRow]:
    """The cells of a CSS grid written one after another in the container, cut into rows
    by the grid's number of columns; empty unless they hold a label-and-numbers row."""
    width = _tracks(container)
    if width < 2 or len(children) < 2 * width:
        return []
    rows: list[GridRow] = []
    cells: list[GridCell] = []
    used = 0
    line = 1
    for child in children:
        if not cells:
            line = child.sourceline or 1
        cell = GridCell(cell_text(child), min(_span(child), width - used))
        cells.append(cell)
        used += cell.span
        if used >= width:
            rows.append(GridRow(line, tuple(cells)))
            cells, used = [], 0
    if cells:
        rows.append(GridRow(line, tuple(cells)))
    return rows if any(_is_data(list(r.cells)) for r in rows) else []


def _styled(element: etree._Element) -> bool:
    return bool(_GRID_DISPLAY.search(_style(element)))


def _candidate(
    element: etree._Element,
    keep: Callable[[etree._Element], bool],
    cell_text: Callable[[etree._Element], str],
) -> _Candidate | None:
    cells = _row_cells(element, keep)
    if cells is None:
        return None
    read = [GridCell(cell_text(c), _span(c)) for c in cells]
    styled = _styled(element) or any(_styled(c) for c in cells if c is not element)
    return _Candidate(element, read, _folded(read), styled)


def _grid(candidates: list[_Candidate], styled: bool) -> tuple[int, int, list[GridRow]] | None:
    """The rows of the candidates from the first to the last of two cells or more, when
    enough of them print a label and numbers in the same number of cells, else None."""
    wide = [i for i, c in enumerate(candidates) if len(c.cells) >= 2]
    if not wide:
        return None
    first, last = wide[0], wide[-1]
    kept = candidates[first : last + 1]
    data = [c for c in kept if _is_data(c.folded)]
    if not data:
        return None
    width = Counter(len(c.cells) for c in data).most_common(1)[0][0]
    count = sum(width in (len(c.cells), len(c.folded)) for c in data)
    evidence = styled or any(c.styled for c in kept)
    if count < (1 if evidence else 2):
        return None
    rows: list[GridRow] = []
    for candidate in kept:
        fits = len(candidate.cells) == width or len(candidate.folded) != width
        cells = candidate.cells if fits else candidate.folded
        rows.append(GridRow(candidate.element.sourceline or 1, tuple(cells)))
    return first, last, rows
