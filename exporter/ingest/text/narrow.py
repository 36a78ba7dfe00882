"""Statements whose cells are set apart by single spaces (narrow gutters).

Some newswire copies print a statement one row per line (often one line per paragraph)
with the cells one space apart, `$` a word of its own before a number:

    Three Months Ended September 30, Nine Months Ended September 30,
    2025 2024 2025 2024
    Grant revenue $ 412 $ 655 $ 1,386 $ 1,742
    General and administrative 2,305 2,118 7,046 6,590

It is the ragged print (`ragged`) with gutters too narrow for the fixed-width reader,
which cuts cells at two spaces or more. Such lines are printed again here with gutters of
two spaces, so that the fixed-width reader reads them as it reads any ragged table:

- a row is a label followed by a run of numbers (each maybe after a lone `$`, brackets,
  dashes and percentages included). The number of value columns is the count most rows
  of the table share; a row with that count or fewer (two or more) is cut after its label;
  a row with more keeps the first of its numbers in its label ("Notes due 2028"). A
  single number is never cut from its label, and a table of one column is left alone
  (prose lines that end on a year look like one);
- a header line of period phrases one space apart is cut where each phrase starts (see
  `phrases.period_pieces`), so each phrase heads its own columns; a line of words each a
  header cell alone ("RMB RMB USD") is cut at every word;
- the lines of one table are the rows, the header lines above and between them and the
  short label lines among them (sections), blank lines aside. A table is printed again
  only when some row has a narrow gutter and enough rows agree on the column count;
  tables already set apart by wider gutters are left as printed;
- rows already set apart by wide gutters into columns that end at one position in a run
  of rows keep those cells: a space inside such a cell groups thousands ("Net sales
  5 873     5 610"), as Nordic and French releases print them, and each row counts the
  cells so cut when the table's column count is chosen;
- a list item ("* Net sales amounted to SEK 5 873 m (5 610)") opens no table: it is a
  sentence whose figures end the line, over a table or not.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from exporter.ingest.text.fixed import cut
from exporter.ingest.text.grid import LIST_MARK, is_header_text, is_year, value_text
from exporter.period_phrases import period_pieces

_GUTTER = "  "
_MAX_LABEL_WORDS = 20
_MAX_LABEL_LINE = 120
_MIN_AGREEING = 2
_MIN_ROWS = 3
_MIN_WIDTH = 2


@dataclass(frozen=True)
class _Row:
    """A line read as a label and the cells after it (each as printed, `$` included)."""

    label: str
    cells: tuple[str, ...]


def _row(line: str) -> _Row | None:
    """The line as a label and a run of numbers at its end, or None."""
    words = line.split()
    cells: list[str] = []
    index = len(words)
    while index > 0:
        word = words[index - 1]
        if word == "%" and index > 1 and value_text(words[index - 2]) is not None:
            cells.insert(0, f"{words[index - 2]}%")
            index -= 2
        elif value_text(word) is not None:
            cells.insert(0, word)
            index -= 1
        elif word == "$" and cells and not cells[0].startswith("$"):
            cells[0] = f"$ {cells[0]}"
            index -= 1
        else:
            break
    label = " ".join(words[:index])
    if not cells or not _is_label(label):
        return None
    return _Row(label, tuple(cells))


def _is_label(text: str) -> bool:
    """Text that can head a row: words, not a sentence, not a header."""
    return (
        any(c.isalpha() for c in text)
        and len(text.split()) <= _MAX_LABEL_WORDS
        and ". " not in text
        and not text.endswith(".")
        and not is_header_text(text)
    )


def _header_cells(line: str) -> list[str] | None:
    """The cells of a column-header line (years, or period phrases), or None."""
    text = line.strip()
    words = text.split()
    if not words or not (is_header_text(text) or all(is_header_text(w) for w in words)):
        return None
    if all(is_year(w) for w in words):
        return words
    return [piece for chunk in text.split(_GUTTER) if chunk.strip() for piece in _pieces(chunk)]


def _pieces(chunk: str) -> list[str]:
    """A run of header text one space apart cut into cells: at its period phrases, else
    at every word when each word is a header cell of its own ("RMB RMB USD")."""
    pieces = period_pieces(chunk.strip())
    words = chunk.split()
    if len(pieces) == 1 and len(words) > 1 and all(is_header_text(w) for w in words):
        return words
    return pieces


def _is_section(line: str) -> bool:
    """A short line of words standing alone among the rows ("Operating expenses:")."""
    text = line.strip().removesuffix(".")  # "... of Acme, Inc."
    return len(text) <= _MAX_LABEL_LINE and _is_label(text) and _row(line) is None


def _narrow(line: str, row: _Row) -> bool:
    """Whether the fixed-width reader would miss some of the row's cells: no gutter of two
    spaces or a leader sets any cell apart, or some cell is one space from the next."""
    text = line.strip()
    if "  " not in text and "..." not in text:
        return True
    return len(cut(line).values) < len(row.cells)


@dataclass
class _Table:
    """Line indices of one table: its rows and its header lines."""

    rows: list[int]
    headers: list[int]


def _tables(lines: list[str]) -> list[_Table]:
    """Runs of rows, header lines and section lines (blank lines aside); a header line
    after rows starts the next table."""
    tables: list[_Table] = []
    current: _Table | None = None
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if "\t" in line or "|" in line:  # a tab-separated or pipe table's line
            current = None
            continue
        if _row(line) is not None and _header_cells(line) is None:
            if LIST_MARK.match(line) and (current is None or not current.rows):
                # A list item ("* Net sales amounted to SEK 5 873 m (5 610)") opens no
                # table: it is prose, its figures a sentence's, over a table or not.
                current = None
                continue
            if current is None:
                current = _Table([], [])
                tables.append(current)
            current.rows.append(index)
        elif _header_cells(line) is not None:
            if current is None or current.rows:
                current = _Table([], [])
                tables.append(current)
            current.headers.append(index)
        elif not _is_section(line):
            current = None
    return tables


def _width(rows: list[_Row], headers: list[list[str]]) -> int:
    """The count of cells most rows share; on a tie, the header's count, else the largest."""
    counts = Counter(len(r.cells) for r in rows)
    top = max(counts.values())
    best = [n for n, c in counts.items() if c == top]
    printed = max((len(h) for h in headers), default=0)
    return printed if printed in best else max(best)


def _printed(row: _Row, width: int) -> str | None:
    """The row printed again with wide gutters, or None where it is not to be cut."""
    cells = list(row.cells)
    label = row.label
    if len(cells) > width:
        label = " ".join([label, *cells[: len(cells) - width]])
        cells = cells[len(cells) - width :]
    if len(cells) < 2 and width > 1:
        return None
    return _GUTTER.join([label, *cells])


def _rewritten(lines: list[str], table: _Table) -> dict[int, str]:
    """New text for the lines of one table, or nothing when it needs none."""
    rows = {i: _row(lines[i]) for i in table.rows}
    found = {i: r for i, r in rows.items() if r is not None}
    headers = [_header_cells(lines[i]) or [] for i in table.headers]
    if not found:
        return {}
    printed = max((len(h) for h in headers), default=0)
    if printed >= _MIN_WIDTH and all(len(cut(lines[i]).values) == printed for i in found):
        # Set apart by wide gutters into the header's columns already: a space inside a
        # cell groups its digits ("Revenue     24 318     22 647").
        return {}
    # Rows whose block the wide gutters cut already count the cells so cut.
    apart = _cut_by_gutters(lines, list(found))
    found = {i: _as_cut(lines[i]) if i in apart else r for i, r in found.items()}
    width = _width(list(found.values()), headers)
    if width < _MIN_WIDTH:
        return {}
    agreeing = sum(1 for r in found.values() if len(r.cells) == width)
    if agreeing < (_MIN_AGREEING if table.headers else _MIN_ROWS):
        return {}
    if not any(_narrow(lines[i], r) for i, r in found.items()):
        return {}
    out: dict[int, str] = {}
    for index, row in found.items():
        text = _printed(row, width)
        if text is not None and _narrow(lines[index], row):
            out[index] = _indent(lines[index]) + text
    for index, cells in zip(table.headers, headers, strict=True):
        if len(cells) > 1:
            out[index] = _indent(lines[index]) + _GUTTER.join(cells)
    return out


def _cut_by_gutters(lines: list[str], rows: list[int]) -> set[int]:
    """The rows whose cells wide gutters set apart already, as their block shows: runs of
    rows (two or more) that, cut at two spaces, give the same count of values (two or
    more), each column ending at one position in every row (a bracket one off). A single
    space left inside such a cell groups its digits ("Net sales     5 873     5 610");
    read one space apart, each group would be a cell of its own."""
    apart: set[int] = set()
    run: list[int] = []
    for index in [*rows, -1]:
        if run and index >= 0 and _same_columns(lines[run[-1]], lines[index]):
            run.append(index)
            continue
        if len(run) >= _MIN_AGREEING:
            apart.update(run)
        run = [index] if index >= 0 and len(cut(lines[index]).values) >= _MIN_WIDTH else []
    return apart


def _as_cut(line: str) -> _Row:
    """The line as the fixed-width reader cuts it: at two spaces or more."""
    parts = cut(line)
    return _Row(" ".join(t.text for t in parts.label), tuple(t.text for t in parts.values))


def _same_columns(line: str, other: str) -> bool:
    """Two lines cut at two spaces into values ending at the same positions."""
    ends = [t.end for t in cut(line).values]
    other_ends = [t.end for t in cut(other).values]
    return len(ends) == len(other_ends) and all(
        abs(a - b) <= 1 for a, b in zip(ends, other_ends, strict=True)
    )


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" "))]


def widened(lines: list[str]) -> list[str]:
    """The lines with every table printed with narrow gutters printed again with gutters
    of two spaces; all other lines as they are."""
    out = list(lines)
    for table in _tables(lines):
        for index, text in _rewritten(lines, table).items():
            out[index] = text
    return out
