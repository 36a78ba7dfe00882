"""Shared by the plain-text layouts that must rebuild a grid: cells, labels, header rows.

The fixed-width, cell-per-paragraph and flattened readers recover the same thing from
different prints: a label, value cells in known columns, and stacked header lines. They
hand it over in the shape a tab-separated table has (label in column 0, value columns
from 1, header cells over the value columns with a span), so table understanding sees
one kind of grid whatever the print.

Stacked headers printed one cell after another ("Year ended" / "Three months ended" /
"December 31," / "December 31," / "2023" / "2022" / ...) carry no positions, so which
cells share a header row, and how many columns each covers, is chosen by a small search:
fewer rows, rows of one kind of text, and columns whose joined header reads as one period.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from itertools import pairwise
from typing import Generic, TypeVar

from exporter.document import Cell, Heading, Paragraph, Row, Table
from exporter.labels import starts_with_item_mark
from exporter.numbers import MINUS_MARKS, reads_as_number
from exporter.numbers import is_year as year
from exporter.period_phrases import parse_phrase
from exporter.vocabulary import MONTH_NAMES, vocabulary

_DOLLAR = re.compile(r"^\s*\$\s*|(?<=[(\-])\s*\$\s*")
_MARKDOWN_FOOTNOTE = re.compile(r"\^\{[^}]*\}")
_SPACES = re.compile(r"[\s\u00a0]+")
_NUMERIC_HINT = re.compile(rf"[\d\-\u2012-\u2015\u2212{MINUS_MARKS}]")
_MONTH = MONTH_NAMES
# The words of counts and ordinals ("fifty-two" is two words to `_WORD`).
_COUNT_WORDS = "|".join(sorted({w for c in vocabulary().counts for w in re.split(r"[- ]", c)}))
_ORDINALS = "|".join(re.escape(o) for o in vocabulary().ordinals)
# The words of an outlook column printing one end of a range ("Low", "High end").
_RANGE_ENDS = "|".join(
    sorted(
        {w for g in ("range_low", "range_high") for p in vocabulary().words[g] for w in p.split()}
    )
)
_WORD = re.compile(r"\b(?:[1-4][QqHh]|[369][Mm])(?:'?\d{2})?\b|[A-Za-z]+\d*|\d+|%")
# Words a column header is made of; a cell of only these words (and at least one strong
# one) is header text. Kept to layout vocabulary: periods, dates, audit and change marks.
_STRONG = re.compile(
    rf"^(?:{_MONTH}|ended|ending|{vocabulary().units_of()}|period|periods|fiscal|ytd|{_RANGE_ENDS}"
    r"|unaudited|audited|change|changes|variance|var|chg|q[1-4]|[1-4]q(?:'?\d{2})?|fy\d{0,4}"
    r"|h[12]|[12]h(?:'?\d{2})?|[369]m(?:'?\d{2})?|%|(?:19|20)\d\d)$",
    re.IGNORECASE,
)
_WEAK = re.compile(
    r"^(?:for|the|as|of|at|to|and|through|from|over|vs|versus|half|restated|reported|actual"
    rf"|increase|decrease|percent|pct|in|on|\d{{1,2}}|{_COUNT_WORDS}|{_ORDINALS})$",
    re.IGNORECASE,
)
_CURRENCY_CODE = re.compile(r"^(?:US\$|RMB|USD|EUR|GBP|JPY|HKD|CNY|CAD|AUD|CHF|NIS|ILS)$")
_AS_OF = re.compile(r"\bas\s+(?:of|at)\b", re.IGNORECASE)
_CONNECTOR_END = re.compile(
    r"(?:[,(&/\-–]|\b(?:and|or|of|in|for|to|the|from|by|on|with|at|as|a|an|per|net of))$",
    re.IGNORECASE,
)
_TOTAL = re.compile(r"^total\b", re.IGNORECASE)
_SEARCH_LIMIT = 2000
# A period phrase that a date must close ("Three Months Ended", "As of").
_OPEN_PHRASE = re.compile(r"\b(?:ended|ending|as\s+of|as\s+at)\s*$", re.IGNORECASE)
_MARKS = r"[-*\u2022\u25cf\u25aa]"
BULLET = re.compile(rf"^\s*(?:{_MARKS}|\d+\.)\s+")
# A list item's mark alone ("* ", "- ", "\u2022 "), numbered items ("1.") aside.
LIST_MARK = re.compile(rf"^\s*{_MARKS}\s+")
_HEADING_MAX = 120
T = TypeVar("T")
# Where a line break between two words was lost ("EndedSeptember", "SummaryThree").
GLUED_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z])")
_MARKDOWN_LINK = re.compile(r"^!?\[[^\]]*\]\([^)]*\)?$")


def text_block(group: list[str], start: int) -> Heading | Paragraph:
    """A heading for a single short title-like line, else a paragraph; `start` is 0-based."""
    text = " ".join(group)
    single = len(group) == 1
    if single and len(text) <= _HEADING_MAX and not BULLET.match(text) and _looks_like_title(text):
        return Heading(text=text, line=start + 1)
    return Paragraph(text=text, line=start + 1)


def _looks_like_title(text: str) -> bool:
    """Not a sentence, not a caption, not a bare Markdown link (a newswire's footer)."""
    if _MARKDOWN_LINK.match(text):
        return False
    return not text.endswith((".", ",", ";", ":")) and not text.startswith("(")


def clean_cell(text: str) -> str:
    """Cell text with no-break spaces and runs of spaces made single, ends trimmed."""
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def value_text(text: str) -> str | None:
    """The cell as a number would be printed without its `$` mark, or None if not a number."""
    if not _NUMERIC_HINT.search(text):
        return None
    cleaned = clean_cell(_MARKDOWN_FOOTNOTE.sub("", text))
    if not cleaned or cleaned == "$":
        return None
    bare = clean_cell(_DOLLAR.sub("", cleaned))
    if not reads_as_number(bare):
        return None
    return bare


def is_year(text: str) -> bool:
    """A four-digit year, bracketed or not (a column header, or a year-like value)."""
    return year(text.strip().strip("()"))


def unglue(text: str) -> str:
    """Words run together where a line break was lost ("Three Months EndedSeptember 30,")
    set apart; used on header text only, where such words are period words."""
    return GLUED_WORDS.sub(" ", text)


@lru_cache(maxsize=65536)
def is_header_text(text: str) -> bool:
    """Whether a cell reads like column-header text: periods, dates, audit or change marks.

    Words run together ("EndedSeptember") are read apart when each is a header word.
    """
    cleaned = clean_cell(_MARKDOWN_FOOTNOTE.sub("", unglue(text)))
    if not cleaned or len(cleaned) > 80:
        return False
    if _CURRENCY_CODE.match(cleaned):
        return True
    words = _WORD.findall(cleaned)
    if _names_trailing_year(cleaned):
        return True
    if not words or any(not (_STRONG.match(w) or _WEAK.match(w)) for w in words):
        return False
    if re.search(r"[^\w\s,.%()\-–/:]", cleaned):
        return False
    return any(_STRONG.match(w) for w in words) or bool(_AS_OF.search(cleaned))


def _names_trailing_year(text: str) -> bool:
    """A cell the period grammar reads to its last word as the twelve months to a date
    ("Rolling 12 months", "LTM Q3 2025", "R12M", "TTM"): a column header, whose words
    (`trailing_year` in periods.toml) are no layout vocabulary of their own."""
    phrase = parse_phrase(text)
    return phrase.trailing and not phrase.words


@lru_cache(maxsize=65536)
def is_header_vocabulary(text: str) -> bool:
    """Whether every word of a cell is a column-header word, strong or weak ("First",
    "Second"): one such cell says little, several side by side over the columns are a
    header line whose other half is on the next line ("Quarter")."""
    words = _WORD.findall(clean_cell(text))
    return bool(words) and all(_STRONG.match(w) or _WEAK.match(w) for w in words)


def continues(first: str, second: str) -> bool:
    """Whether label text `second` is the wrapped tail of label-only text `first`.

    A wrapped label shows it: its words do (`wraps`), or the head is a total (a total row
    without numbers does not exist).
    """
    return wraps(first, second) or (_may_join(first, second) and bool(_TOTAL.match(first.strip())))


def wraps(first: str, second: str) -> bool:
    """Whether label text `second` reads as the wrapped tail of label-only text `first` by
    the words at the break: the tail starts in lower case, or the head ends on a word that
    cannot end a label ("Effect of exchange rate changes on cash and")."""
    if not _may_join(first, second):
        return False
    return second.strip()[0].islower() or bool(_CONNECTOR_END.search(first.strip()))


def _may_join(first: str, second: str) -> bool:
    """Neither is empty, the head closes no heading with a colon, and the tail is no item
    of its own ("a) Cost of materials consumed")."""
    first, second = first.strip(), second.strip()
    return bool(first and second) and not first.endswith(":") and not starts_with_item_mark(second)


@dataclass
class LabelledRun(Generic[T]):
    """Label cells and the run of value cells printed after them (either may be empty)."""

    labels: list[T]
    values: list[T]


def labelled_runs(items: Iterable[tuple[T, bool]]) -> list[LabelledRun[T]]:
    """Items in print order, each marked a value or not, cut into label runs each followed
    by its values: how the flattened and the cell-per-line prints both hold their rows."""
    runs: list[LabelledRun[T]] = []
    current: LabelledRun[T] = LabelledRun([], [])
    for item, is_value in items:
        if is_value:
            current.values.append(item)
            continue
        if current.values:
            runs.append(current)
            current = LabelledRun([], [])
        current.labels.append(item)
    if current.labels or current.values:
        runs.append(current)
    return runs


@dataclass(frozen=True)
class BodyRow:
    """A data, section or blank row: label and one text per value column ("" when empty)."""

    label: str
    values: tuple[str, ...]
    line: int
    notes: tuple[str, ...] = ()


def body_row(row: BodyRow) -> Row:
    """A document `Row` in the tab-separated shape: label in column 0, values from 1."""
    cells = [Cell(text=row.label, column=0)]
    if any(row.values):
        cells.extend(Cell(text=v, column=i + 1) for i, v in enumerate(row.values))
    return Row(cells=tuple(cells), line=row.line, notes=row.notes)


def header_row(cells: list[tuple[str, int, int]], line: int) -> Row:
    """A header `Row` from (text, first value column, span) triples; column 0 stays empty.
    Distinct cells a reader placed in one column are named in the row's clashes: only one
    of them can head it, and which one is not the reader's to guess silently."""
    out = [Cell(text="", column=0)]
    out.extend(Cell(text=text, column=start + 1, span=span) for text, start, span in cells)
    return Row(cells=tuple(out), line=line, clashes=_clashes(cells))


def _clashes(cells: list[tuple[str, int, int]]) -> tuple[str, ...]:
    by_column: dict[int, list[str]] = {}
    for text, start, _ in cells:
        by_column.setdefault(start, []).append(text)
    return tuple(
        f"header cells {' and '.join(repr(t) for t in texts)} all stand over value column "
        f"{start + 1}; the line could not be placed over the columns"
        for start, texts in sorted(by_column.items())
        if len(set(texts)) > 1
    )


def make_table(header: list[Row], body: list[BodyRow], line: int) -> Table:
    """A `Table` (numbered later, in document order) from header rows and body rows."""
    rows = [*header, *(body_row(r) for r in body)]
    return Table(index=0, rows=tuple(rows), line=line, positional=True)


class Kind(Enum):
    """What a header cell names; a column should get at most one of the period kinds."""

    YEAR = "year"
    DATE = "date"
    DURATION = "duration"
    LINK = "link"
    AUDIT = "audit"
    CHANGE = "change"
    CURRENCY = "currency"
    OTHER = "other"


# Two years compared ("2024 to 2023", "2024 vs 2023") head a change column.
_YEARS_COMPARED = r"(?:19|20)\d\d\s*(?:to|vs\.?|versus|[-\u2013])\s*(?:19|20)\d\d"
_KIND_TESTS = (
    (
        Kind.CHANGE,
        re.compile(rf"%|\bchange|\bvariance|\bover\b|\bvs\b|\bversus\b|{_YEARS_COMPARED}", re.I),
    ),
    (Kind.CURRENCY, _CURRENCY_CODE),
    (Kind.AUDIT, re.compile(r"\b(?:un)?audited\b", re.I)),
    (
        Kind.DURATION,
        re.compile(
            r"\b(?:months?|weeks?|quarters?|years?|period|ytd|fiscal)\b"
            r"|\b[qh][1-4]\b|\b[1-4][qh](?:\s*'?\d{2})?\b|\bfy\s*'?\d{2}(?:\d{2})?\b",
            re.I,
        ),
    ),
    (Kind.DATE, re.compile(rf"\b(?:{_MONTH})\b", re.I)),
    (Kind.YEAR, re.compile(r"^\(?(?:19|20)\d\d\)?$")),
    (Kind.LINK, re.compile(r"\b(?:ended|ending|as\s+of|as\s+at)\b", re.I)),
)


def header_kind(text: str) -> Kind:
    for kind, pattern in _KIND_TESTS:
        if pattern.search(text.strip()):
            return kind
    return Kind.OTHER


def _has_year(text: str) -> bool:
    return re.search(r"\b(?:19|20)\d\d\b", text) is not None


@dataclass
class _Search:
    """Branch and bound over header-row plans; each column keeps the kinds put over it."""

    kinds: list[Kind]
    years: list[bool]
    width: int
    columns: list[list[Kind]] = field(default_factory=list)
    column_years: list[int] = field(default_factory=list)
    best_cost: float = float("inf")
    best: tuple[tuple[int, tuple[int, ...]], ...] = ()
    visited: int = 0

    def __post_init__(self) -> None:
        self.columns = [[] for _ in range(self.width)]
        self.column_years = [0] * self.width


def _span_options(count: int, width: int) -> list[tuple[int, ...]]:
    """Ways `count` cells cover `width` columns: equal spans, else the remainder put first
    or last, spread or on one cell (a spanning cell beside single columns)."""
    if count > width:
        return []
    base, rest = divmod(width, count)
    if not rest:
        return [(base,) * count]
    spread = tuple(base + (1 if i < rest else 0) for i in range(count))
    options = {
        spread,
        spread[::-1],
        (base + rest, *([base] * (count - 1))),
        (*([base] * (count - 1)), base + rest),
    }
    return sorted(options)


def _column_penalty(kinds: list[Kind], years: int) -> int:
    """A column's joined header should name one period: one date, one duration, one year."""
    penalty = 0
    for kind in (Kind.DURATION, Kind.DATE, Kind.LINK):
        penalty += 5 * max(0, kinds.count(kind) - 1)
    penalty += 5 * max(0, years - 1)
    periodic = any(k in (Kind.DURATION, Kind.DATE, Kind.YEAR) for k in kinds)
    if Kind.CHANGE in kinds and periodic:
        penalty += 5
    return penalty


def _row_cost(kinds: list[Kind], spans: tuple[int, ...]) -> int:
    changes = sum(1 for a, b in pairwise(kinds) if a is not b)
    return 1 + 3 * changes + (1 if len(set(spans)) > 1 else 0)


def _cover(search: _Search, start: int, spans: tuple[int, ...], sign: int) -> int:
    """Put a row's cells over their columns (or take them off); the penalty it adds."""
    added = 0
    column = 0
    for offset, span in enumerate(spans):
        kind, year = search.kinds[start + offset], search.years[start + offset]
        for c in range(column, column + span):
            before = _column_penalty(search.columns[c], search.column_years[c])
            if sign > 0:
                search.columns[c].append(kind)
            else:
                search.columns[c].pop()
            search.column_years[c] += sign * year
            added += _column_penalty(search.columns[c], search.column_years[c]) - before
        column += span
    return added


def _explore(
    search: _Search, start: int, rows: list[tuple[int, tuple[int, ...]]], cost: int
) -> None:
    """Penalties only grow as rows are added, so a partial cost bounds every completion."""
    rows_left = -(-(len(search.kinds) - start) // search.width)
    if cost + rows_left >= search.best_cost or search.visited > _SEARCH_LIMIT:
        return
    if start == len(search.kinds):
        search.best_cost, search.best = cost, tuple(rows)
        return
    for count in range(min(search.width, len(search.kinds) - start), 0, -1):
        kinds = search.kinds[start : start + count]
        for spans in _span_options(count, search.width):
            search.visited += 1
            added = _cover(search, start, spans, 1) + _row_cost(kinds, spans)
            rows.append((count, spans))
            _explore(search, start + count, rows, cost + added)
            rows.pop()
            _cover(search, start, spans, -1)


def _by_kind(search: _Search) -> None:
    """A first plan to bound the search: runs of one kind, each run a row (or rows)."""
    rows: list[tuple[int, tuple[int, ...]]] = []
    cost = start = 0
    while start < len(search.kinds):
        count = 1
        while (
            start + count < len(search.kinds)
            and count < search.width
            and search.kinds[start + count] is search.kinds[start]
        ):
            count += 1
        spans = _span_options(count, search.width)[0]
        cost += _cover(search, start, spans, 1) + _row_cost(
            search.kinds[start : start + count], spans
        )
        rows.append((count, spans))
        start += count
    search.best_cost, search.best = cost, tuple(rows)
    for count, spans in reversed(rows):
        start -= count
        _cover(search, start, spans, -1)


def _kind_at(texts: list[str], index: int) -> Kind | None:
    return header_kind(texts[index]) if index < len(texts) else None


def _open_phrases_closed(texts: list[str]) -> list[str]:
    """A period phrase left open ("Three Months Ended") joined to the date that closes it
    ("September 30,") and to a lone audit mark after it: one header cell, as printed.

    Only where the date is not one of a row of dates ("Three Months Ended" over "June 30,"
    and "June 30,": each date heads its own column) and the mark not one of a row of marks.
    """
    out: list[str] = []
    index = 0
    while index < len(texts):
        text = texts[index]
        closes = (
            _OPEN_PHRASE.search(text) is not None
            and _kind_at(texts, index + 1) is Kind.DATE
            and not _has_year(texts[index + 1])
            and _kind_at(texts, index + 2) is not Kind.DATE
        )
        if not closes:
            out.append(text)
            index += 1
            continue
        text, index = f"{text} {texts[index + 1]}", index + 2
        if _kind_at(texts, index) is Kind.AUDIT and _kind_at(texts, index + 1) is not Kind.AUDIT:
            text, index = f"{text} {texts[index]}", index + 1
        out.append(text)
    return out


def _dates_joined_to_years(texts: list[str]) -> list[str]:
    """Dates printed column after column ("December 31," / "2025" / "September 30," /
    "2026"): each date without its year joined to the year after it, one header cell per
    column, where two or more such pairs follow each other. Printed row after row, the
    dates stand together ("June 30," / "June 30," / "2024" / "2023") and are left alone."""

    def pair(index: int) -> bool:
        return (
            _kind_at(texts, index) is Kind.DATE
            and not _has_year(texts[index])
            and _kind_at(texts, index + 1) is Kind.YEAR
        )

    out: list[str] = []
    index, in_run = 0, False
    while index < len(texts):
        in_run = pair(index) and (in_run or pair(index + 2))
        if in_run:
            out.append(f"{texts[index]} {texts[index + 1]}")
            index += 2
        else:
            out.append(texts[index])
            index += 1
    return out


def stack_headers(texts: list[str], width: int) -> list[list[tuple[str, int, int]]]:
    """Header cells printed one after another, grouped into rows of (text, column, span).

    Each row covers all `width` value columns. The search starts from the plan that makes
    each run of one kind of text a row, and stops after a fixed number of steps with the
    best plan seen, so a very long header run costs little and still loses no cell.
    """
    if not texts or width < 1:
        return []
    texts = _open_phrases_closed(_dates_joined_to_years(texts))
    search = _Search(
        kinds=[header_kind(t) for t in texts], years=[_has_year(t) for t in texts], width=width
    )
    _by_kind(search)
    _explore(search, 0, [], 0)
    plan = search.best
    result: list[list[tuple[str, int, int]]] = []
    cell = 0
    for _count, spans in plan:
        row, column = [], 0
        for span in spans:
            row.append((texts[cell], column, span))
            column += span
            cell += 1
        result.append(row)
    return result
