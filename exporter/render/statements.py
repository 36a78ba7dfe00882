"""The release's statements as they read, each printed number tied to the fact it states.

The Inline XBRL view, the xBRL-CSV tables and the review page all show the statements
the way the release prints them: title, caption, column headers, rows in order with
their section depth, and in each cell the printed text. `statement_views` builds that
once from the `StatementTable`s and the `FactSet`.

A printed number is a *printing* of a fact when the fact (or one of its duplicates) was
read from that cell. A printing states the fact's sign and its own precision: a fact
printed twice, once in thousands and once in millions, is two printings with different
`decimals`. The first printing (the fact's source) carries the fact's id; the others
`<id>-2`, `<id>-3`, ... Facts no cell prints are listed as `hidden`.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum

from exporter.facts.model import Fact, FactSet, Source
from exporter.labels import label_tokens
from exporter.models import Frozen
from exporter.numbers import GROUPING_MARKS, PrintedNumber
from exporter.periods import Period
from exporter.tables.model import Column, ColumnBlock, RowRole, StatementTable, TableRow

# The digits of a printed number: what Inline XBRL tags; signs, brackets, currency
# marks and percent signs around them stay outside the tag, as printed. Thousands grouped
# by any of a number's grouping marks ("5 873", "17\u00a0640", "1'234.5") stay one run of
# digits.
_DIGITS = re.compile(
    rf"\d{{1,3}}(?:[{re.escape(GROUPING_MARKS)}]\d{{3}})+(?![\d,])(?:\.\d+)?"
    r"|\d[\d,]*(?:\.\d+)?|\.\d+"
)
_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?![\d,])")


class Printing(Frozen):
    """One printed occurrence of a fact, with the value and precision this print states."""

    tag_id: str
    fact: Fact
    value: Decimal
    decimals: int | None
    scale: int
    primary: bool


class Cell(Frozen):
    """A printed number: its text split around the digits, and the printing it is (if any)."""

    anchor: str
    text: str
    before: str
    digits: str
    after: str
    dash: bool
    printing: Printing | None = None


class RowKind(StrEnum):
    HEADING = "heading"
    ITEM = "item"
    TOTAL = "total"
    GRAND_TOTAL = "grand-total"


class Row(Frozen):
    anchor: str
    label: str
    line: int
    page: int | None
    depth: int
    kind: RowKind
    sections: tuple[str, ...]
    cells: tuple[Cell | None, ...]


class HeaderCell(Frozen):
    text: str
    span: int


class Block(Frozen):
    """Rows under one set of column headers; `header` holds the header lines, top first."""

    columns: tuple[Column, ...]
    header: tuple[tuple[HeaderCell, ...], ...]
    rows: tuple[Row, ...]


class Statement(Frozen):
    table: int
    anchor: str
    title: str
    caption: str
    kind: str
    blocks: tuple[Block, ...]


class StatementViews(Frozen):
    """The statements, and the facts no statement cell prints."""

    statements: tuple[Statement, ...]
    hidden: tuple[Fact, ...]

    def printings(self) -> Iterable[Printing]:
        for statement in self.statements:
            for block in statement.blocks:
                for row in block.rows:
                    yield from (c.printing for c in row.cells if c and c.printing)

    def cells(self) -> Iterable[tuple[Statement, Row, Cell]]:
        for statement in self.statements:
            for block in statement.blocks:
                for row in block.rows:
                    yield from ((statement, row, c) for c in row.cells if c)


CellKey = tuple[int, int | None, int, int, str, str]


def source_key(source: Source) -> CellKey:
    """Where a fact was printed: table, page, line, column position, row label, text.

    Lines alone do not identify a row (an HTML table may be one "line"), so the label
    and the printed text take part; what still collides is paired in order.
    """
    return (source.table, source.page, source.line, source.position, source.label, source.printed)


def row_anchor(table: int, page: int | None, line: int) -> str:
    """The element id of a statement row in the Inline XBRL view."""
    return f"r{table}-p{page}-{line}" if page is not None else f"r{table}-{line}"


def cell_anchor(table: int, page: int | None, line: int, position: int) -> str:
    """The element id of a statement cell in the Inline XBRL view."""
    return (
        f"c{table}-p{page}-{line}-{position}" if page is not None else f"c{table}-{line}-{position}"
    )


def split_printed(text: str) -> tuple[str, str, str]:
    """(before, digits, after): "(1,885,694)" -> ("(", "1,885,694", ")")."""
    match = _DIGITS.search(text)
    if match is None:
        return "", text, ""
    return text[: match.start()], match.group(), text[match.end() :]


def header_lines(columns: tuple[Column, ...]) -> tuple[tuple[HeaderCell, ...], ...]:
    """Column headers as stacked lines: each header is cut before and after its year
    ("Three months ended December 31," / "2024" / "RMB"), lines are aligned at the bottom,
    and equal neighbours that share everything above them are merged into one cell."""
    chunks = [[p.strip() for p in _YEAR.split(c.header) if p.strip()] for c in columns]
    depth = max((len(c) for c in chunks), default=0)
    padded = [[""] * (depth - len(c)) + c for c in chunks]
    lines = []
    for level in range(depth):
        line: list[HeaderCell] = []
        previous: list[str] | None = None
        for column in padded:
            prefix = column[: level + 1]
            if line and prefix == previous and column[level]:
                line[-1] = HeaderCell(text=line[-1].text, span=line[-1].span + 1)
            else:
                line.append(HeaderCell(text=column[level], span=1))
            previous = prefix
        lines.append(tuple(line))
    return tuple(lines)


def _consistent(a: Decimal, b: Decimal, decimals: int | None) -> bool:
    if decimals is None:
        return a == b
    quantum = Decimal(1).scaleb(-decimals)
    return a.quantize(quantum, ROUND_HALF_EVEN) == b.quantize(quantum, ROUND_HALF_EVEN)


def _printing(
    fact: Fact, number: PrintedNumber, occurrence: int, scales: tuple[int, ...]
) -> Printing:
    """What one print of `fact` states: the fact's sign, the print's own magnitude."""
    if occurrence == 0:
        scale = 0 if fact.decimals is None else number.fraction_digits - fact.decimals
        return Printing(
            tag_id=fact.id,
            fact=fact,
            value=fact.value,
            decimals=fact.decimals,
            scale=scale,
            primary=True,
        )
    negative = fact.value < 0
    source = (fact.source, *fact.duplicates)[occurrence]
    if source.exponent is not None:
        # As the facts stage read this print: the scale it applied, never a guess.
        scales = (source.exponent,)
    for scale in scales:
        magnitude = abs(number.value).scaleb(scale)
        decimals = number.fraction_digits - scale
        precision = decimals if fact.decimals is None else min(decimals, fact.decimals)
        if _consistent(magnitude, abs(fact.value), precision):
            break
    return Printing(
        tag_id=f"{fact.id}-{occurrence + 1}",
        fact=fact,
        value=-magnitude if negative else magnitude,
        decimals=decimals,
        scale=scale,
        primary=False,
    )


def _scales(table: StatementTable, row: TableRow, number: PrintedNumber) -> tuple[int, ...]:
    """Powers of ten a number in this row may be printed in, most likely first."""
    candidates = [number.rate_exponent] if number.rate else []
    if number.scale is not None:
        candidates.append(number.scale)
    if row.scale is not None:
        candidates.append(row.scale)
    candidates += [table.scale.money, table.scale.shares, table.scale.per_share, 0]
    return tuple(dict.fromkeys(candidates))


class _Builder:
    def __init__(self, facts: FactSet) -> None:
        self.facts = facts
        self.printed: dict[CellKey, deque[tuple[Fact, int]]] = {}
        for fact in facts.facts:
            for occurrence, source in enumerate((fact.source, *fact.duplicates)):
                self.printed.setdefault(source_key(source), deque()).append((fact, occurrence))
        self.items: dict[str, set[str]] = {}
        for arc in facts.calculations:
            self.items.setdefault(arc.total, set()).add(arc.item)
        self.used: set[str] = set()
        self.shown: set[str] = set()

    def unique(self, anchor: str) -> str:
        candidate, n = anchor, 1
        while candidate in self.used:
            n += 1
            candidate = f"{anchor}-{n}"
        self.used.add(candidate)
        return candidate

    def cell(
        self, table: StatementTable, row: TableRow, column: Column, number: PrintedNumber
    ) -> Cell:
        place = (table.index, row.page, row.line, column.position)
        key = (*place, row.label, number.text)
        before, digits, after = split_printed(number.text)
        printing = None
        if self.printed.get(key):
            fact, occurrence = self.printed[key].popleft()
            printing = _printing(fact, number, occurrence, _scales(table, row, number))
            if printing.primary:
                self.shown.add(fact.id)
        return Cell(
            anchor=self.unique(cell_anchor(*place)),
            text=number.text,
            before=before,
            digits=digits,
            after=after,
            dash=number.dash,
            printing=printing,
        )

    def row(self, table: StatementTable, block: ColumnBlock, row: TableRow, above: set[str]) -> Row:
        by_column = {c.column: c.number for c in row.cells}
        cells = tuple(
            self.cell(table, row, column, by_column[i]) if i in by_column else None
            for i, column in enumerate(block.columns)
        )
        concepts = {c.printing.fact.concept for c in cells if c and c.printing}
        kind = self.kind(row, concepts, above)
        above.update(concepts)
        return Row(
            anchor=self.unique(row_anchor(table.index, row.page, row.line)),
            label=row.label,
            line=row.line,
            page=row.page,
            depth=len(row.sections),
            kind=kind,
            sections=row.sections,
            cells=cells,
        )

    def kind(self, row: TableRow, concepts: set[str], above: set[str]) -> RowKind:
        """Totals are ruled: rows whose label starts with "total", and rows that close a
        calculation of this release (some of its items are printed above them)."""
        if row.role is RowRole.SECTION:
            return RowKind.HEADING
        closes = any(self.items.get(c, set()) & above for c in concepts) and not row.sum_of
        if label_tokens(row.label)[:1] == ("total",) or closes:
            return RowKind.TOTAL
        return RowKind.ITEM

    def block(self, table: StatementTable, block: ColumnBlock) -> Block:
        above: set[str] = set()
        rows = [self.row(table, block, row, above) for row in block.rows]
        return Block(
            columns=block.columns, header=header_lines(block.columns), rows=grand_totals(rows)
        )

    def statement(self, table: StatementTable) -> Statement:
        blocks = tuple(self.block(table, block) for block in table.blocks)
        return Statement(
            table=table.index,
            anchor=self.unique(f"t{table.index}"),
            title=table.title,
            caption=table.caption,
            kind=table.kind,
            blocks=blocks,
        )


def grand_totals(rows: list[Row]) -> tuple[Row, ...]:
    """A total that ends the statement, or a top-level section, is double-ruled."""
    result = []
    for i, row in enumerate(rows):
        after = rows[i + 1] if i + 1 < len(rows) else None
        ends = after is None or (after.kind is RowKind.HEADING and after.depth == 0)
        if row.kind is RowKind.TOTAL and ends:
            row = row.model_copy(update={"kind": RowKind.GRAND_TOTAL})
        result.append(row)
    return tuple(result)


def statement_views(tables: tuple[StatementTable, ...], facts: FactSet) -> StatementViews:
    """The statements with every printed number tied to its fact; unprinted facts apart."""
    builder = _Builder(facts)
    statements = tuple(builder.statement(t) for t in tables if t.blocks)
    hidden = tuple(f for f in facts.facts if f.id not in builder.shown)
    return StatementViews(statements=statements, hidden=hidden)


def period_text(period: Period) -> str:
    """A period for people: "2024-12-31" or "2024-10-01 to 2024-12-31"."""
    if period.start is None:
        return period.end.isoformat()
    return f"{period.start.isoformat()} to {period.end.isoformat()}"
