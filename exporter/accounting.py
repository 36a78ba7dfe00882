"""Nothing lost: every number the tables stage placed ends up a fact, a duplicate, or reported.

The facts stage accounts for the numbers it uses (a fact's source, its consistent
duplicates) and for those it cannot use (unmapped, with a reason). This check runs after
it and reports whatever it neither used nor reported, so a number can never vanish
without a line in the report, whichever stage let it go.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from exporter.document import Document, Row
from exporter.errors import Location
from exporter.facts.model import FactSet, UnmappedNumber
from exporter.findings import Finding, Severity
from exporter.numbers import is_year, parse_number, unread_mark, unreadable_number
from exporter.tables.model import StatementTable

UNACCOUNTED = "no fact was made from it: its row has no concept for this column"

Place = tuple[int | None, int, str]  # page, line, printed text


def account_for_numbers(tables: tuple[StatementTable, ...], facts: FactSet) -> FactSet:
    """`facts` with every placed number it does not account for added as unmapped."""
    placed: Counter[Place] = Counter()
    origin: dict[Place, tuple[int, str]] = {}
    for table in tables:
        for row in (r for block in table.blocks for r in block.rows):
            for cell in row.cells:
                place = (row.page, row.line, cell.number.text)
                placed[place] += 1
                origin.setdefault(place, (table.index, row.label))
        for number in table.unplaced:
            place = (number.page, number.line, number.text)
            placed[place] += 1
            origin.setdefault(place, (table.index, number.label))
    missing = placed - accounted(facts)
    if not missing:
        return facts
    extra = tuple(
        UnmappedNumber(
            text=text,
            table=origin[(page, line, text)][0],
            line=line,
            page=page,
            label=origin[(page, line, text)][1],
            reason=UNACCOUNTED,
        )
        for (page, line, text), count in sorted(missing.items(), key=_order)
        for _ in range(count)
    )
    return facts.model_copy(update={"unmapped": facts.unmapped + extra})


def accounted(facts: FactSet) -> Counter[Place]:
    """Where each number the facts stage used or reported was printed."""
    counts: Counter[Place] = Counter()
    for fact in facts.facts:
        for source in (fact.source, *fact.duplicates):
            counts[(source.page, source.line, source.printed)] += 1
    for number in facts.unmapped:
        counts[(number.page, number.line, number.text)] += 1
    return counts


def _order(item: tuple[Place, int]) -> tuple[int, int, str]:
    (page, line, text), _ = item
    return (page or 0, line, text)


# A run of digits, grouping and point in running text (`unreadable_number` judges it).
_PROSE_NUMBER = re.compile(r"[(\-]?\d[\d,.]*%?\)?")


def unread_numbers(document: Document) -> tuple[Finding, ...]:
    """A warning for every number printed so that no stage reads it (another script's
    digits, more digits than are read exactly), with its place.

    See `exporter.numbers.unreadable_number`: without this they would vanish into a row
    label or a sentence without a word in the report. Years are left alone: a column
    header's year is read as a date, whatever its digits.
    """
    found: list[Finding] = []
    for table in document.tables:
        for row in table.rows:
            numbered = any(parse_number(cell.text) for cell in row.cells if cell.column > 0)
            for cell in row.cells:
                found.extend(_unread(document.source, cell.text, row.line, row.page))
                if numbered and cell.column > 0:
                    found.extend(_unread_mark(document.source, cell.text, row.line, row.page))
    for block in document.text_blocks:
        for match in _PROSE_NUMBER.finditer(block.text):
            found.extend(_unread(document.source, match.group(), block.line, block.page))
    return tuple(found)


def reading_notes(document: Document) -> tuple[Finding, ...]:
    """A note for every row a reader read by judgement where the print left a choice
    (digits run together cut into cells by the table's arithmetic or its precision), and a
    warning for every header line whose cells it could not place one to a column, with
    its place: the user can check the reading against the release."""
    return _row_findings(
        document, "input.digits-cut", Severity.INFO, lambda row: row.notes
    ) + _row_findings(document, "input.header-clash", Severity.WARNING, lambda row: row.clashes)


def _row_findings(
    document: Document, code: str, severity: Severity, said: Callable[[Row], tuple[str, ...]]
) -> tuple[Finding, ...]:
    """A finding `code` for each thing a reader `said` of a table row, at the row."""
    return tuple(
        Finding(
            code=code,
            severity=severity,
            message=message,
            location=Location(file=document.source, page=row.page, line=row.line),
        )
        for table in document.tables
        for row in table.rows
        for message in said(row)
    )


def _unread_mark(source: str, text: str, line: int, page: int | None) -> list[Finding]:
    """A value cell of a row of figures that prints a figure with a mark no format reads."""
    mark = unread_mark(text)
    if mark is None:
        return []
    why = f"its digits end in {mark!r}, which no number format here reads"
    return [
        Finding(
            code="input.unreadable-number",
            severity=Severity.WARNING,
            message=f"{text.strip()!r} is not read as a number: {why}; no fact was made from it",
            location=Location(file=source, page=page, line=line),
        )
    ]


def _unread(source: str, text: str, line: int, page: int | None) -> list[Finding]:
    text = text.strip()
    why = unreadable_number(text)
    if why is None or is_year(text):
        return []
    shown = text if len(text) <= 40 else text[:40] + "..."
    return [
        Finding(
            code="input.unreadable-number",
            severity=Severity.WARNING,
            message=f"{shown!r} is not read as a number: {why}; no fact was made from it",
            location=Location(file=source, page=page, line=line),
        )
    ]
