"""Statements flattened onto one physical line (Markdown copies of some newswire releases).

The HTML table was turned into text cell after cell on a single line: the title, the
header cells, then rows that run into each other ("6,042,986Marketable securities"), cells
apart by runs of no-break spaces, by one space, by a `$` or by nothing at all; one line may
hold several statements. `glued` cuts the line into text and number tokens; here the
tokens become tables:

- a statement starts at a run of header tokens that names at least two periods (two
  years, or two dates); the text before it is the statement's title. Without one, a
  shorter header run, or header cells printed as paragraphs just above the line (passed
  in by the caller), head the table;
- a label is the text before a run of numbers. A number followed by text in lower case,
  a number between clauses ("Common Stock; 95,000,000 Shares authorized; ..."), or a year
  after a date, is part of the label ("... ($6,000,000 in principal is held by a
  related party)", "... as of December 31, 2023");
- the number of value columns is the most common count of numbers after a label. A row's
  numbers are read to fill the columns: a glued run of digits is cut where that gives the
  column count (or a multiple of it: unlabelled subtotal rows), and a number one space
  after its label joins the label when the row has one number too many (a footnote mark);
- when several cuts fit the columns, the table's arithmetic decides: the cut under which
  the row and its neighbours add up to a total printed below it. When nothing decides,
  the row's numbers are put outside the value columns, so they are reported as not
  understood rather than guessed;
- a row with fewer numbers than columns is placed by what follows its last number: glued
  to the next label, the numbers fill the last columns; followed by padding (the empty
  cells), they fill the first ones. A gap of three or more padded cells after a full row is
  a blank row of the source and is kept as one;
- text after the last row of the line is not a row: it is a title or a paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise, product

from exporter.document import Block
from exporter.ingest.text.glued import Token, readings, scan_line, value
from exporter.ingest.text.grid import (
    BodyRow,
    Kind,
    LabelledRun,
    continues,
    header_kind,
    header_row,
    is_header_text,
    is_year,
    labelled_runs,
    make_table,
    stack_headers,
    text_block,
    unglue,
)

_NBSP = "\u00a0"
_DATE_END = re.compile(r"\b\d{1,2},$")
_PERIOD_CUT = re.compile(r"(?<=\d,)\s+(?=[A-Z])")
_DATE_YEAR = re.compile(r"(\b[A-Z][a-z]{2,8}\.? \d{1,2}),(?=(?:19|20)\d\d\b)")
_SPLIT_BRACKET = re.compile(r"\([ \u00a0$]+(\d[\d,.]*)[ \u00a0]*\)|\((\d[\d,.]*)[ \u00a0]+\)")
_DATE_WORD_CUT = re.compile(r"\s+(?=\d{1,2}-[A-Za-z]{3,9}-\d{2,4}\b)")
_SPACED_PERCENT = re.compile(r"(?<=\d) (?=%)")
_TAIL_START = re.compile(r"(?<=\s)[A-Z(]|(?<=[a-z])[A-Z]")
_TITLE_SPLIT = re.compile(r"(?<=\.)(?=[A-Z]{2,})|(?<=[A-Za-z])(?=\()")
_MIN_LENGTH = 200
_FOOTNOTE_MARK = re.compile(r"\(\d\)|\d")
_MIN_VALUES = 6
_MIN_ROWS = 3
_MAX_LABEL_WORDS = 20
_MIN_PERIODS = 2
_BLANK_ROW_CELLS = 3
_MAX_COMBINATIONS = 256
_SUM_REACH = 8


def _years(token: Token) -> tuple[str, ...] | None:
    """The years a number token prints ("2025202420252024" is four), or None."""
    for reading in token.readings:
        if reading and all(is_year(part) for part in reading):
            return reading
    return None


def _is_header(token: Token) -> bool:
    return _years(token) is not None if token.number else _is_header_text(token.text)


def _is_header_text(text: str) -> bool:
    """Header text, words glued across lines ("Three Months EndedJune 30,") included."""
    return is_header_text(text)


def _is_value(token: Token) -> bool:
    return token.number and _years(token) is None


def _is_label(token: Token) -> bool:
    """Text that can head a row: not a sentence (prose holds numbers too)."""
    text = token.text
    return (
        not token.number
        and len(text.split()) <= _MAX_LABEL_WORDS
        and ". " not in text
        and not text.endswith((".", ","))
    )


def _data_rows(tokens: tuple[Token, ...]) -> int:
    """Labels followed by a run of numbers that ends where the next label starts."""
    rows = 0
    index = 0
    while index < len(tokens) - 1:
        if _is_label(tokens[index]) and _is_value(tokens[index + 1]):
            end = index + 1
            while end < len(tokens) and tokens[end].number:
                end += 1
            ends = end == len(tokens) or not tokens[end].text[:1].islower()
            if ends and (end == len(tokens) or _is_label(tokens[end])):
                rows += 1
            index = end
        else:
            index += 1
    return rows


def is_flat_line(line: str) -> bool:
    """A long line holding a statement: many numbers, each run of them after a label."""
    if len(line) < _MIN_LENGTH or "\t" in line:
        return False
    tokens = _tokens(_normalised(line))
    values = [t for t in tokens if _is_value(t)]
    return len(values) >= _MIN_VALUES and _data_rows(tokens) >= _MIN_ROWS


def _normalised(line: str) -> str:
    """A year glued to its date set apart ("June 30,2025"); a negative whose brackets
    stand apart from it in padded cells ("( 640 )"), and a per cent sign one space after
    its number ("114 %"), closed up."""
    line = _SPLIT_BRACKET.sub(lambda m: f"({m[1] or m[2]})", _DATE_YEAR.sub(r"\1, ", line))
    return _SPACED_PERCENT.sub("", line)


def _tokens(line: str) -> tuple[Token, ...]:
    return _split_headers(scan_line(line))


def _split_headers(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Header text glued to the text beside it cut off, so header runs are whole.

    A title glued to the header after it ("BALANCE SHEET December 31,"): where a header
    token follows, the longest tail of the text that reads as header text, starting with a
    capital after a word that is not in lower case (a label that ends "... outstanding as
    of September 30," is not cut). The first label glued to the header before it ("Period %
    Unaudited Change Revenue"): where a year precedes and a number follows, the longest
    head that reads as header text, when a capitalised word starts what is left. A period
    phrase before the stub column's heading ("For the years ended December 31, EBITDA
    Calculation" and then the years) or before the first label ("As of 31-Dec-24 31-Dec-23
    Revenue" and then a number): the phrase is cut off.
    """
    out: list[Token] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        previous = out[-1] if out else None
        if token.number or following is None:
            out.append(token)
            continue
        cut = _header_tail(token.text) if _is_header(following) else None
        if cut is None and previous is not None and _years(previous) and _is_value(following):
            cut = _header_head(token.text)
        if cut is None and following.number:  # a period phrase, then a heading or label
            head = _header_head(token.text)
            periodic = (Kind.DURATION, Kind.DATE, Kind.LINK)
            if head is not None and header_kind(token.text[:head]) in periodic:
                cut = head
        if cut is None:
            out.append(token)
            continue
        label, tail = token.text[:cut].rstrip(), token.text[cut:].lstrip()
        out.append(Token(label, token.start, token.start + len(label), " "))
        out.append(Token(tail, token.end - len(tail), token.end, token.after))
    return tuple(out)


def _header_head(text: str) -> int | None:
    """Where the label starts after the longest head of `text` that reads as header text."""
    if _is_header_text(text):
        return None
    for match in reversed(list(re.finditer(r"(?<=\s)[A-Z]", text))):
        if _is_header_text(text[: match.start()]):
            return match.start()
    return None


def _header_tail(text: str) -> int | None:
    """Where the longest tail of `text` that reads as header text starts, if it does.

    A tail starts at a capital, after a space or glued to a word ("ItemsFor the years
    ended December 31,"), never after a word in lower case unless padding or a bracket
    stands between them.
    """
    if _is_header_text(text):
        return None
    for match in _TAIL_START.finditer(text):
        cut = match.start()
        words = text[:cut].split()
        padded = text[:cut].endswith(("  ", _NBSP)) or text[:cut].rstrip().endswith(")")
        if words and words[-1][:1].islower() and not padded:
            continue
        if _is_header_text(text[cut:]):
            return cut
    return None


@dataclass
class _Statement:
    title: list[Token]
    header: list[Token]
    body: list[Token] = field(default_factory=list)


def _closes_label(tokens: tuple[Token, ...], index: int) -> bool:
    """A year one space after a label that ends on a date: the label's, not a header."""
    previous = tokens[index - 1] if index else None
    return (
        previous is not None
        and not previous.number
        and tokens[index].spaced
        and not _is_header_text(previous.text)
        and _DATE_END.search(previous.text) is not None
    )


def _header_runs(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    runs = []
    index = 0
    heads = [_is_header(t) and not _closes_label(tokens, i) for i, t in enumerate(tokens)]
    while index < len(tokens):
        if not heads[index]:
            index += 1
            continue
        end = index
        while end < len(tokens) and heads[end]:
            end += 1
        runs.append((index, end))
        index = end
    return runs


def _periods(tokens: list[Token]) -> int:
    years = sum(len(_years(t) or ()) for t in tokens if t.number)
    dates = sum(1 for t in tokens if not t.number and _DATE_END.search(t.text))
    return max(years, dates)


def _statements(tokens: tuple[Token, ...]) -> list[_Statement]:
    """The line cut at each header run that names two periods or more."""
    runs = [
        (s, e)
        for s, e in _header_runs(tokens)
        if _periods(list(tokens[s:e])) >= _MIN_PERIODS and e < len(tokens)
    ]
    if not runs:
        first = next((r for r in _header_runs(tokens) if r[1] < len(tokens)), None)
        if first is None or not any(_is_value(t) for t in tokens[first[1] :]):
            return [_Statement([], [], list(tokens))]
        runs = [first]
    statements: list[_Statement] = []
    position = 0
    for start, end in runs:
        before = list(tokens[position:start])
        header = list(tokens[start:end])
        stub = _stub_heading(tokens, position, start)
        if stub is not None:  # "For the years ended December 31, EBITDA Calculation 2024 2023"
            before = [*tokens[position:stub], tokens[start - 1]]
            header = [*tokens[stub : start - 1], *header]
        if statements:
            last = max((i for i, t in enumerate(before) if t.number), default=-1)
            statements[-1].body.extend(before[: last + 1])
            before = before[last + 1 :]
        elif before and any(_is_value(t) for t in before):
            statements.append(_Statement([], [], before))
            before = []
        statements.append(_Statement(before, header))
        position = end
    statements[-1].body.extend(tokens[position:])
    return statements


def _stub_heading(tokens: tuple[Token, ...], position: int, start: int) -> int | None:
    """Where a header run begins that the stub column's heading split from its years.

    A run of years alone, with one text token before it ("EBITDA Calculation") and a
    header run naming periods before that: the header is both runs, the text is a title.
    """
    if start - 2 < position or any(not t.number for t in tokens[start : start + 1]):
        return None
    if tokens[start - 1].number or _is_header(tokens[start - 1]):
        return None
    first = start - 2
    while first - 1 >= position and _is_header(tokens[first - 1]):
        first -= 1
    named = [t for t in tokens[first : start - 1] if not t.number and _is_header(t)]
    return first if named and _is_header(tokens[start - 2]) else None


def _header_texts(tokens: list[Token], above: list[str] | None = None) -> list[str]:
    """Header cells: period phrases, dates with their years, or years on a row of their own.

    A `$` standing alone between two header cells is a cell ("Change" over "$" and "%").

    When two or more years stand together they are the years row, and a date before them
    keeps no year ("Year Ended December 31," / "2024" / "2023"); otherwise each year
    closes the header text before it ("December 31, 2024", "Q3 2025"). Paragraphs printed
    above the line (`above`) are one cell each.
    """
    items: list[tuple[str, bool]] = [(unglue(text).strip(), is_year(text)) for text in above or []]
    for index, token in enumerate(tokens):
        if token.number:
            items.extend((year, True) for year in _years(token) or ())
        else:
            items.extend((part, False) for part in _period_cells(token.text))
        if index + 1 < len(tokens) and _lone_dollar(token.after):
            items.append(("$", False))  # "2023  $  %": the amount column of a change pair
    together = any(a[1] and b[1] for a, b in pairwise(items))
    texts: list[str] = []
    for text, year in items:
        if year and not together and texts and not is_year(texts[-1]):
            texts[-1] = f"{texts[-1]} {text}"
        else:
            texts.append(text)
    return texts


def _lone_dollar(gap: str) -> bool:
    """A gap between two header cells that holds only a `$`: a header cell of its own."""
    return gap.strip(" \t" + _NBSP) == "$"


def _period_cells(text: str) -> list[str]:
    """A run of header text cut into cells: after a day ("June 30, Six months ended"),
    before each day-month-year date ("31-Dec-24 31-Dec-23"), and where one phrase is
    printed again and again ("As of As of")."""
    cells: list[str] = []
    for part in _PERIOD_CUT.split(unglue(text)):
        for piece in _DATE_WORD_CUT.split(part):
            words = piece.split()
            for size in range(1, len(words) // 2 + 1):
                count, rest = divmod(len(words), size)
                if not rest and count > 1 and words == words[:size] * count:
                    cells.extend([" ".join(words[:size])] * count)
                    break
            else:
                if words:
                    cells.append(" ".join(words))
    return cells


def _glue_labels(tokens: list[Token], line: str) -> list[Token]:
    """Numbers that belong to a label put back into it (see the module docstring)."""
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        previous = out[-1] if out else None
        inside = (
            following is not None
            and not following.number
            and (
                following.text[:1].islower()
                or (previous is not None and not previous.number and previous.text.endswith(";"))
            )
        )
        dated = (
            token.number
            and previous is not None
            and not previous.number
            and token.spaced
            and _years(token) is not None
            and _DATE_END.search(previous.text) is not None
        )
        if token.number and (inside or dated):
            start = previous.start if previous is not None and not previous.number else token.start
            if previous is not None and not previous.number:
                out.pop()
            last = following if inside and following is not None else token
            text = re.sub(r"[\s\u00a0]+", " ", line[start : last.end]).strip()
            out.append(Token(text, start, last.end, last.after))
            index += 2 if inside else 1
            continue
        out.append(token)
        index += 1
    return out


_Group = LabelledRun[Token]


def _groups(tokens: list[Token]) -> list[_Group]:
    return labelled_runs((token, token.number) for token in tokens)


def _width(groups: list[_Group], periods: int) -> int:
    """The most common count of numbers after a label, each run read its plainest way
    (a glued dash as a minus sign, digits run together as one number).

    On a tie, the header's count of periods, else the largest count.
    """
    counts = Counter(
        sum(len(v.readings[0]) for v in g.values if v.readings) for g in groups if g.values
    )
    counts.pop(0, None)
    if not counts:
        return periods
    top = max(counts.values())
    best = [n for n, c in counts.items() if c == top]
    return periods if periods in best else max(best)


def _labels(tokens: list[Token]) -> list[str]:
    labels: list[str] = []
    for token in tokens:
        text = re.sub(r"[\s\u00a0]+", " ", token.text).strip()
        if labels and continues(labels[-1], text):
            labels[-1] = f"{labels[-1]} {text}"
        elif text:
            labels.append(text)
    return labels


@dataclass
class _Reading:
    """How a group's numbers fill the columns: cells, and numbers moved into the label."""

    cells: tuple[str, ...]
    moved: int
    fit: int  # 0: the column count; 1: a multiple of it; 2: fewer; 3: more


def _fit(count: int, width: int) -> int:
    if count == width:
        return 0
    if count > width and count % width == 0:
        return 1
    return 2 if count < width else 3


def _readings(values: list[Token], width: int) -> list[_Reading]:
    """The group's best readings (one when the print is clear, several when not)."""
    options: list[_Reading] = []
    for moved in range(len(values)):
        if moved and not values[moved - 1].spaced and moved > 1:
            break
        if moved and not values[0].spaced:
            break
        rest = values[moved:]
        for combinations, choice in enumerate(product(*(v.readings or ((),) for v in rest))):
            if combinations >= _MAX_COMBINATIONS:
                break
            cells = tuple(c for part in choice for c in part)
            if cells:
                options.append(_Reading(cells, moved, _fit(len(cells), width)))
    if not options:
        return []
    best = min((o.fit, o.moved) for o in options)
    chosen = [o for o in options if (o.fit, o.moved) == best]
    if best[0] == 2:  # fewer numbers than columns: the fewest cuts
        fewest = min(len(o.cells) for o in chosen)
        chosen = [o for o in chosen if len(o.cells) == fewest]
    unique: dict[tuple[str, ...], _Reading] = {o.cells: o for o in chosen}
    return list(unique.values())


@dataclass
class _Row:
    """A body row under construction; `options` are kept while the print is ambiguous."""

    label: str
    values: tuple[str, ...]
    line: int
    options: list[tuple[str, ...]] = field(default_factory=list)
    printed: str = ""  # the row's numbers as printed, while the print is ambiguous
    notes: tuple[str, ...] = ()


def _place(values: tuple[str, ...], width: int, glued: bool) -> tuple[str, ...]:
    padding = ("",) * (width - len(values))
    return padding + values if glued else values + padding


def _rows(group: _Group, width: int, line: int) -> list[_Row]:
    labels = _labels(group.labels)
    rows = [_Row(text, (), line) for text in labels[:-1]]
    label = labels[-1] if labels else ""
    if not group.values:
        return [*rows, _Row(label, (), line)] if label else rows
    if any(not v.readings for v in group.values):  # digits no cut makes numbers of
        return [*rows, _Row(label, ("",) * width + tuple(v.text for v in group.values), line)]
    found = _readings(group.values, width)
    if not found:
        return [*rows, _Row(label, (), line)]
    moved = found[0].moved
    if moved:
        label = f"{label} {' '.join(v.text for v in group.values[:moved])}".strip()
    if len(found) > 1:
        printed = " ".join(v.text for v in group.values[moved:])
        return [*rows, _Row(label, (), line, [o.cells for o in found], printed)]
    cells = found[0].cells
    glued = group.values[-1].after == ""
    for start in range(0, len(cells), width):
        chunk = _place(cells[start : start + width], width, glued)
        rows.append(_Row(label if start == 0 else "", chunk, line))
    if len(re.findall(r"\u00a0+", group.values[-1].after)) >= _BLANK_ROW_CELLS:
        rows.append(_Row("", (), line))
    return rows


def _amounts(values: tuple[str, ...]) -> list[Decimal] | None:
    amounts = [value(v) for v in values]
    return None if any(a is None for a in amounts) else [a for a in amounts if a is not None]


def _adds_up(rows: list[_Row], index: int, cells: tuple[str, ...]) -> bool:
    """Whether `cells` in row `index` make a run of rows add up to a row printed below it.

    The run may start up to a few rows above and end just before the total; rows without
    numbers (sections) are skipped. The sum is taken as printed, or as the first row less
    the others (expenses printed without brackets).
    """
    width = len(cells)
    table = [
        _amounts(cells) if i == index else (_amounts(r.values) if r.values else [])
        for i, r in enumerate(rows)
    ]
    for total in range(index + 1, min(len(rows), index + 4)):
        target = table[total]
        if not target or len(target) != width:
            continue
        for start in range(max(0, index - _SUM_REACH), index + 1):
            run = [table[i] for i in range(start, total) if table[i] != []]
            if len(run) < 2 or any(r is None or len(r) != width for r in run):
                continue
            rows_ = [r for r in run if r is not None]
            plain = [sum((r[c] for r in rows_), Decimal(0)) for c in range(width)]
            less = [rows_[0][c] - sum((r[c] for r in rows_[1:]), Decimal(0)) for c in range(width)]
            if plain == target or less == target:
                return True
    return False


def _decimals(cell: str) -> int:
    digits = cell.strip("()%-")
    return len(digits.split(".")[1]) if "." in digits else 0


def _one_precision(cells: tuple[str, ...]) -> bool:
    """Whether every cell prints the same number of decimal places, at least one: a row of
    a table is typeset to one precision ("15.7  15.0  60.6  32.1"), so a cut that gives
    "15.06" and "0.6" beside them is not how the row was printed."""
    places = {_decimals(c) for c in cells if any(ch.isdigit() for ch in c)}
    return len(places) == 1 and places != {0}


def _resolve(rows: list[_Row], width: int) -> None:
    """Ambiguous rows settled by the arithmetic, else by the one precision of the row's
    cells, or their numbers put outside the columns."""
    for index, row in enumerate(rows):
        if not row.options:
            continue
        passing = [cells for cells in row.options if _adds_up(rows, index, cells)]
        why = "the only cut under which the rows add up to the total printed below"
        if len(passing) != 1:
            passing = [cells for cells in row.options if _one_precision(cells)]
            why = "the only cut that gives every cell of the row the same decimal places"
        if len(passing) == 1:
            row.values = passing[0]
            cut = " | ".join(passing[0])
            row.notes = (f"digits run together in {row.printed!r} read as {cut}: {why}",)
        else:
            fewest = min(row.options, key=len)
            row.values = ("",) * width + fewest
        row.options = []


def _titles(tokens: list[Token], line: int) -> list[Block]:
    blocks: list[Block] = []
    for token in tokens:
        for part in _TITLE_SPLIT.split(token.text):
            text = re.sub(r"[\s\u00a0]+", " ", part).strip()
            if text:
                blocks.append(text_block([text], line))
    return blocks


def _table(statement: _Statement, header: list[str], line: str, index: int) -> list[Block]:
    body = _glue_labels(statement.body, line)
    last = max((i for i, t in enumerate(body) if t.number), default=-1)
    if last > 0 and _opens_note(body, last):
        last = max((i for i in range(last) if body[i].number), default=-1)
    body, trailing = body[: last + 1], body[last + 1 :]
    groups = _groups(body)
    width = _width(groups, _periods(statement.header))
    if not width:
        return []
    rows = [row for group in groups for row in _rows(group, width, index + 1)]
    _resolve(rows, width)
    while rows and not rows[-1].label and not any(rows[-1].values):
        rows.pop()
    texts = header or _header_texts(statement.header)
    if header and not statement.header and len(texts) == width:
        # One paragraph above the line per column: the paragraphs are the columns.
        plan = [[(text, column, 1) for column, text in enumerate(texts)]]
    else:
        plan = stack_headers(texts, width)
    header_rows = [header_row(cells, index + 1) for cells in plan]
    body_rows = [BodyRow(r.label, r.values, r.line, r.notes) for r in rows]
    table = make_table(header_rows, body_rows, index + 1)
    return [*_titles(statement.title, index), table, *_titles(trailing, index)]


def _opens_note(body: list[Token], index: int) -> bool:
    """A footnote's mark after the last row, its sentence after it ("(1) Non-cash
    depreciation of purchased assets. These are ..."): the notes, not a cell."""
    mark = body[index]
    following = body[index + 1] if index + 1 < len(body) else None
    return (
        _FOOTNOTE_MARK.fullmatch(mark.text) is not None
        and following is not None
        and not _is_label(following)
    )


def header_above(texts: list[str]) -> tuple[int, list[str], str]:
    """Header cells printed as paragraphs just above a flattened line (mixed prints).

    Returns how many of the last paragraphs hold them, the cells in print order, and the
    head of the first of those paragraphs when only its tail is header text (a title with
    the first period glued on: "...Information(amounts in thousands)  Three Months Ended").
    """
    count = 0
    while count < len(texts) and _is_header_text(_DATE_YEAR.sub(r"\1, ", texts[-1 - count])):
        count += 1
    cells = list(texts[len(texts) - count :])
    head = ""
    if count < len(texts):
        text = texts[-1 - count]
        cut = _header_tail(text)
        if cut is not None:
            head, count = text[:cut].strip(), count + 1
            cells.insert(0, text[cut:])
    return count, [_DATE_YEAR.sub(r"\1, ", c.strip()) for c in cells], head


def _with_header_above(statement: _Statement, above: list[str]) -> list[str]:
    """The header cells of a statement whose own header names no date and no duration, or
    starts with a cell of the same kind as those above (their siblings in one header row:
    "Three Months Ended June 30," above, "Six Months Ended June 30," on the line)."""
    own = [t for t in statement.header if not t.number]
    named = any(_DATE_END.search(t.text) or header_kind(t.text) is Kind.DURATION for t in own)
    siblings = bool(own) and header_kind(own[0].text) is header_kind(above[-1])
    if named and not siblings:
        return []
    return _header_texts(statement.header, above)


@dataclass(frozen=True)
class FlatRead:
    """What a flattened line became: its blocks, whether the header paragraphs above it
    were used, and how many of the value paragraphs after it complete its last row."""

    blocks: list[Block]
    above: bool
    after: int


def _continued(statement: _Statement, after: list[str], periods: int) -> int:
    """How many value paragraphs after the line complete its last row (a wrapped cell)."""
    body = statement.body
    if not after or not body or not body[-1].number:
        return 0
    groups = _groups(list(body))
    width = _width(groups, periods)
    printed = sum(len(v.readings[0]) for v in groups[-1].values if v.readings)
    return max(0, min(len(after), width - printed))


def read_flat_line(
    line: str, index: int, above: list[str] | None = None, after: list[str] | None = None
) -> FlatRead | None:
    """Title blocks and the tables of one flattened line (`index` is 0-based), or None.

    `above` holds header cells printed as paragraphs just above the line (`header_above`),
    used when the line's first statement has no header of its own, or only its years.
    `after` holds the value paragraphs just below it: as many as the last row lacks
    complete it (its last cell was wrapped onto a paragraph of its own).
    """
    line = _normalised(line)
    tokens = _tokens(line)
    blocks: list[Block] = []
    used = False
    statements = _statements(tokens)
    last = statements[-1]
    wrapped = _continued(last, after or [], _periods(last.header))
    for text in (after or [])[:wrapped]:
        last.body.append(Token(text, len(line), len(line), "", True, readings(text)))
    for number, statement in enumerate(statements):
        given = _with_header_above(statement, above) if number == 0 and above else []
        if not statement.header and not given:
            blocks.extend(_titles(statement.title + statement.body, index))
            continue
        found = _table(statement, given, line, index)
        used = used or bool(found and given)
        blocks.extend(found or _titles(statement.title + statement.body, index))
    if not any(block.kind == "table" for block in blocks):
        return None
    return FlatRead(blocks, used, wrapped)
