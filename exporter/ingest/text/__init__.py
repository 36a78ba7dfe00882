"""Plain-text reader: headings, paragraphs and tables in the layouts real releases use.

The text is cut into units, in this order of precedence:

- a `<TABLE>` ... `</TABLE>` region of an SEC plain-text exhibit, or a run of space-aligned
  lines, is a fixed-width table (`fixed`);
- a run of lines that contain tabs is a tab-separated table; blank lines inside the run are
  kept as blank rows (they separate row groups and stacked sub-tables);
- a run of lines with two or more `|` is a Markdown pipe table (`columns`);
- a long line holding one or more statements, rows run together, is a flattened table
  (`flat`);
- any other run of non-blank lines is text: a short line without a full stop is a heading,
  the rest are paragraphs; a line that opens with "(" or a bullet starts a new paragraph,
  so a caption printed right under a title stays apart from it, and a centred line (SEC
  exhibits centre their titles) stands alone.

Runs of short paragraphs are then searched for tables printed one cell per paragraph
(`cells`); a run of lines printed one cell per line, without blank lines between,
counts as a run of paragraphs of one line each. Markdown residue is cleaned before any of
this: escapes, bold and heading marks are undone, and image lines and horizontal rules
carry no text, so they count as blank lines; a bare Markdown link is never a heading. The
layout is always read from the text, never from a file name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from exporter.document import Block, Cell, Document, Heading, Paragraph, Row, Table
from exporter.ingest.text.cells import Cell as CellParagraph
from exporter.ingest.text.cells import Found, find_cell_tables, is_cell, is_cell_column
from exporter.ingest.text.columns import (
    SignColumns,
    is_pipe_line,
    merged_signs,
    pipe_rows,
    sign_columns,
)
from exporter.ingest.text.fixed import fixed_regions, read_fixed
from exporter.ingest.text.flat import header_above, is_flat_line, read_flat_line
from exporter.ingest.text.grid import BULLET, text_block, value_text
from exporter.ingest.text.narrow import widened

_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$%&|<>~])")
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*")
# An image line, or a thematic break (three or more of one of - * _, at most 3 spaces in).
_MARKDOWN_NOISE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$|^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_CENTRED = 8
_MAX_WRAPPED = 4
# Wider than text wrapped by hand (72 to 80 characters, at most 100).
_WRAP_WIDTH = 100
_SENTENCE_WORDS = 8


def clean_markup(line: str) -> str:
    """Undo Markdown escapes, bold marks and heading marks; spacing is left as it is."""
    if "\\" in line:
        line = _MARKDOWN_ESCAPE.sub(r"\1", line)
    if "**" in line:
        line = _MARKDOWN_BOLD.sub(r"\1", line)
    return _MARKDOWN_HEADING.sub("", line) if "#" in line else line


def clean_line(line: str) -> str:
    """Undo Markdown escapes, bold and heading marks; normalise non-breaking spaces."""
    return _spaced(line, clean_markup(line))


def _spaced(line: str, cleaned: str) -> str:
    """The cleaned line with plain spaces, or nothing for an image line or a rule."""
    if _MARKDOWN_NOISE.match(line):
        return ""
    return cleaned.replace("\u00a0", " ").rstrip("\r\n")


def read_text(text: str, source: str) -> Document:
    """Split `text` into headings, paragraphs and tables."""
    original = text.splitlines()
    raw = [clean_markup(line) for line in original]
    lines = widened([_spaced(line, cleaned) for line, cleaned in zip(original, raw, strict=True)])
    blocks = _number_tables(_blocks(raw, lines))
    return Document(source=source, format="text", blocks=tuple(blocks))


@dataclass(frozen=True)
class _Unit:
    kind: str  # "text", "tab", "pipe", "flat" or "fixed"
    start: int
    end: int


def _is_table_line(line: str) -> bool:
    return "\t" in line and bool(line.replace("\t", "").strip())


def _units(raw: list[str], lines: list[str]) -> Iterator[_Unit]:
    """The text cut into text runs and tables of each layout, in order."""
    tab = [_is_table_line(line) for line in lines]
    pipe = [not t and is_pipe_line(line) for t, line in zip(tab, lines, strict=True)]
    flat = [not t and not p and is_flat_line(r) for t, p, r in zip(tab, pipe, raw, strict=True)]
    other = [t or p or f for t, p, f in zip(tab, pipe, flat, strict=True)]
    regions = fixed_regions(lines, other)
    index = 0
    while index < len(lines):
        if index in regions:
            yield _Unit("fixed", index, regions[index])
            index = regions[index]
        elif not lines[index].strip():
            index += 1
        elif tab[index]:
            end = _table_end(lines, index)
            yield _Unit("tab", index, end)
            index = end
        elif pipe[index]:
            end = _run_end(pipe, index)
            yield _Unit("pipe", index, end)
            index = end
        elif flat[index]:
            yield _Unit("flat", index, index + 1)
            index += 1
        else:
            end = index + 1
            while end < len(lines) and lines[end].strip() and not other[end]:
                if end in regions:
                    break
                end += 1
            yield _Unit("text", index, end)
            index = end


def _blocks(raw: list[str], lines: list[str]) -> Iterator[Block]:
    paragraphs: list[_Unit] = []
    units = list(_units(raw, lines))
    skip = 0
    # The sign columns of the last tab-separated table: a table that continues it after a
    # section name may print no sign of its own.
    signs: SignColumns | None = None
    for position, unit in enumerate(units):
        if skip:
            skip -= 1
            continue
        if unit.kind == "text" and is_cell(lines[unit.start : unit.end]):
            paragraphs.append(unit)
            continue
        if unit.kind == "text" and is_cell_column(lines[unit.start : unit.end]):
            paragraphs.extend(_Unit("text", i, i + 1) for i in range(unit.start, unit.end))
            continue
        if unit.kind == "flat":
            after = _values_after(units[position + 1 :], lines)
            read = _read_flat(raw, lines, unit, paragraphs, after)
            yield from read.blocks
            skip = read.after
            paragraphs = []
            continue
        yield from _paragraph_run(paragraphs, lines)
        paragraphs = []
        if unit.kind == "text":
            yield from _text_blocks(lines, unit.start, unit.end)
        elif unit.kind == "tab":
            rows = _tab_rows(lines, unit.start, unit.end)
            yield Table(index=0, rows=tuple(merged_signs(rows, signs)), line=unit.start + 1)
            signs = sign_columns(rows, signs)
        elif unit.kind == "pipe":
            rows = merged_signs(pipe_rows(lines[unit.start : unit.end], unit.start))
            yield Table(index=0, rows=tuple(rows), line=unit.start + 1)
        else:
            yield from read_fixed(lines, unit.start, unit.end)
    yield from _paragraph_run(paragraphs, lines)


def _values_after(units: list[_Unit], lines: list[str]) -> list[str]:
    """The one-line value paragraphs that follow a unit (a wrapped last cell, maybe)."""
    values: list[str] = []
    for unit in units[:_MAX_WRAPPED]:
        text = _joined(lines, unit)
        if unit.kind != "text" or unit.end - unit.start != 1 or value_text(text) is None:
            break
        values.append(text)
    return values


@dataclass
class _FlatBlocks:
    blocks: list[Block]
    after: int


def _read_flat(
    raw: list[str], lines: list[str], unit: _Unit, before: list[_Unit], after: list[str]
) -> _FlatBlocks:
    """A flattened line, with header cells printed as paragraphs just above it and a
    wrapped last cell just below it, if any."""
    count, header, head = header_above([_joined(lines, u) for u in before])
    read = read_flat_line(raw[unit.start], unit.start, header if count else None, after)
    if read is None:
        blocks = [*_paragraph_run(before, lines), *_text_blocks(lines, unit.start, unit.end)]
        return _FlatBlocks(blocks, 0)
    if not read.above:
        count = 0
    blocks = list(_paragraph_run(before[: len(before) - count], lines))
    if read.above and head:
        blocks.append(text_block([head], before[len(before) - count].start))
    return _FlatBlocks([*blocks, *read.blocks], read.after)


def _paragraph_run(units: list[_Unit], lines: list[str]) -> Iterator[Block]:
    """Short paragraphs, with any tables printed one cell per paragraph rebuilt."""
    cells = [CellParagraph(_joined(lines, u), u.start) for u in units]
    found: list[Found] = find_cell_tables(cells) if len(cells) >= 4 else []
    index = 0
    for item in found:
        for unit in units[index : item.start]:
            yield from _text_blocks(lines, unit.start, unit.end)
        yield from item.blocks
        index = item.end
    for unit in units[index:]:
        yield from _text_blocks(lines, unit.start, unit.end)


def _joined(lines: list[str], unit: _Unit) -> str:
    return " ".join(line.strip() for line in lines[unit.start : unit.end])


def _number_tables(blocks: Iterator[Block]) -> list[Block]:
    """Tables numbered from 1 in document order, whatever layout they came from."""
    result: list[Block] = []
    count = 0
    for block in blocks:
        if isinstance(block, Table):
            count += 1
            if block.index != count:
                block = block.model_copy(update={"index": count})
        result.append(block)
    return result


def _table_end(lines: list[str], start: int) -> int:
    """Index after the last tab line of the run that begins at `start`."""
    end = start
    probe = start
    while probe < len(lines) and (not lines[probe].strip() or _is_table_line(lines[probe])):
        if _is_table_line(lines[probe]):
            end = probe + 1
        probe += 1
    return end


def _tab_rows(lines: list[str], start: int, end: int) -> list[Row]:
    rows = []
    for number in range(start, end):
        parts = lines[number].split("\t")
        cells = tuple(Cell(text=part.strip(), column=i) for i, part in enumerate(parts))
        rows.append(Row(cells=cells, line=number + 1))
    return rows


def _run_end(marks: list[bool], start: int) -> int:
    """Index after the run of marked lines that begins at `start`."""
    end = start
    while end < len(marks) and marks[end]:
        end += 1
    return end


def _text_blocks(lines: list[str], start: int, end: int) -> Iterator[Heading | Paragraph]:
    """Lines joined into blocks; a centred line (as SEC exhibits print titles) stands alone.

    Text wrapped by hand breaks its lines before a fixed width; a run with a line far
    longer than any such width is not wrapped, so each of its lines is a block of its own
    (a newswire copy's bullets that lost their marks), unless it ends mid-phrase; such a
    line that reads as a sentence is a paragraph, whatever its last character."""
    group: list[str] = []
    group_line = start
    unwrapped = max((len(lines[n].strip()) for n in range(start, end)), default=0) > _WRAP_WIDTH
    block = _sentence_block if unwrapped else text_block
    for number in range(start, end):
        line = lines[number].strip()
        centred = len(lines[number]) - len(lines[number].lstrip(" ")) >= _CENTRED
        opens = line.startswith("(") or BULLET.match(line) or unwrapped
        if group and (centred or (opens and _closes(group[-1]))):
            yield block(group, group_line)
            group = []
        if not group:
            group_line = number
        group.append(line)
        if centred:
            yield block(group, group_line)
            group = []
    if group:
        yield block(group, group_line)


def _sentence_block(group: list[str], start: int) -> Heading | Paragraph:
    """A block of unwrapped text: a paragraph where it has a sentence's length."""
    text = " ".join(group)
    if len(text.split()) >= _SENTENCE_WORDS:
        return Paragraph(text=text, line=start + 1)
    return text_block(group, start)


def _closes(previous: str) -> bool:
    """A new block may start after a line that ends a title, sentence or bullet."""
    return not previous.endswith((",", "(", "-", "and", "or", "of"))
