"""The sample's text with its tab-separated statements printed as Markdown newswire copies.

Two prints seen in newswire copies saved as text, made from the sample's own lines (the
prose stays as it is):

- `flattened`: each statement (a run of tab lines, blank lines inside it included) on
  one physical line: the header cells apart by padding, then each row's label and its
  cells, every cell preceded by a run of no-break spaces, the next label glued to the
  last number, a blank row printed as padding, `$` before the first row's numbers;
- `cell_per_line`: every cell a paragraph of its own, blank lines between, `$` a cell of
  its own before the first row's numbers; empty cells leave nothing behind.
"""

from __future__ import annotations

import re
from collections.abc import Callable

NBSP = "\u00a0"
_NUMBER = re.compile(r"^\(?-?[\d,]*\d(?:\.\d+)?\)?%?$|^-$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _inside(lines: list[str], index: int) -> bool:
    """A tab line, a blank line, or a section label standing alone between them."""
    line = lines[index]
    if "\t" in line or not line.strip():
        return True
    around = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return all("\t" in a or not a.strip() for a in around)


def _runs(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each statement: tab lines, with the blank lines and lone section
    labels ("ASSETS") between them."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if "\t" not in lines[index]:
            index += 1
            continue
        end = probe = index
        while probe < len(lines) and _inside(lines, probe):
            if "\t" in lines[probe]:
                end = probe + 1
            probe += 1
        runs.append((index, end))
        index = end
    return runs


def _rows(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Each line as (label, cells); a blank line is ("", [])."""
    rows = []
    for line in lines:
        if not line.strip():
            rows.append(("", []))
            continue
        label, *cells = line.split("\t")
        rows.append((label.strip(), [c.strip() for c in cells]))
    return rows


def _is_header(label: str, cells: list[str]) -> bool:
    """Periods, years and currencies: no number other than a year, something printed."""
    texts = [t for t in (label, *cells) if t]
    return bool(texts) and not any(_NUMBER.match(t) and not _YEAR.match(t) for t in texts)


def _flat_line(rows: list[tuple[str, list[str]]]) -> str:
    parts: list[str] = []
    first = True
    for label, cells in rows:
        if not label and not cells:
            parts.append((NBSP + " ") * 4)
            continue
        if _is_header(label, cells) or all(not c for c in cells):
            texts = [label] if label else []
            texts += [c for c in cells if c]
            parts.append(" " + f"{NBSP} ".join(texts) + f"{NBSP} {NBSP} ")
            continue
        row = label
        for cell in cells:
            mark = "$" if first and cell else ""
            row += f" {mark}{NBSP * 6} {cell}" if cell else f" {NBSP * 8}"
        first = False
        parts.append(row)
    return "".join(parts).rstrip() + " "


def _cell_lines(rows: list[tuple[str, list[str]]]) -> list[str]:
    paragraphs: list[str] = []
    first = True
    for label, cells in rows:
        if not label and not cells:
            continue
        numbers = not _is_header(label, cells)
        if label:
            paragraphs.append(label)
        for cell in cells:
            if not cell:
                continue
            if numbers and first:
                paragraphs.append("$")
            paragraphs.append(cell)
        if numbers and any(cells):
            first = False
    return paragraphs


def _rewrite(text: str, render: Callable[[list[tuple[str, list[str]]]], list[str]]) -> str:
    lines = text.splitlines()
    out: list[str] = []
    position = 0
    for start, end in _runs(lines):
        out.extend(lines[position:start])
        for paragraph in render(_rows(lines[start:end])):
            out.extend([paragraph, ""])
        position = end
    out.extend(lines[position:])
    return "\n".join(out) + "\n"


def flattened(text: str) -> str:
    """The text with each statement flattened onto one line."""
    return _rewrite(text, lambda rows: [_flat_line(rows)])


def cell_per_line(text: str) -> str:
    """The text with each statement printed one cell per paragraph."""
    return _rewrite(text, _cell_lines)


def _ragged_lines(rows: list[tuple[str, list[str]]]) -> list[str]:
    lines: list[str] = []
    first = True
    for label, cells in rows:
        numbers = not _is_header(label, cells) and any(cells)
        texts = [label] if label else []
        for cell in cells:
            if cell:
                texts += ["$", cell] if numbers and first else [cell]
        first = first and not numbers
        lines.append(_GAP.join(texts))
    return lines


_GAP = " " * 4


def ragged(text: str) -> str:
    """The text with each statement printed one row per line, the cells set apart by four
    spaces whatever their width (so no column lines up), `$` a cell of its own before the
    first row's numbers; empty cells leave nothing behind."""
    lines = text.splitlines()
    out: list[str] = []
    position = 0
    for start, end in _runs(lines):
        out.extend(lines[position:start])
        out.extend(_ragged_lines(_rows(lines[start:end])))
        position = end
    out.extend(lines[position:])
    return "\n".join(out) + "\n"


def _narrow_lines(rows: list[tuple[str, list[str]]]) -> list[str]:
    lines: list[str] = []
    first = True
    for label, cells in rows:
        numbers = not _is_header(label, cells) and any(cells)
        texts = [label] if label else []
        for cell in cells:
            if cell:
                texts += ["$", cell] if numbers and first else [cell]
        first = first and not numbers
        if texts:
            lines += [" ".join(texts), ""]
    return lines


def narrow(text: str) -> str:
    """The text with each statement printed one row per paragraph, the cells set apart by
    a single space (as some newswire copies print them), `$` a word of its own before the
    first row's numbers; empty cells leave nothing behind."""
    lines = text.splitlines()
    out: list[str] = []
    position = 0
    for start, end in _runs(lines):
        out.extend(lines[position:start])
        out.extend(_narrow_lines(_rows(lines[start:end])))
        position = end
    out.extend(lines[position:])
    return "\n".join(out) + "\n"
