"""A table that prints no scale, read in the scale of a table whose amounts it repeats.

A segment table or a page of highlights often prints no "(in millions)" of its own while
its totals are the statements' own figures: "Total operating revenues | 1,284.6" under no
caption, and "Operating revenues | $ 1,284.6" in the income statement "(In millions)".
Read as whole dollars, every amount of that table would be a million times too small. The
evidence is the release's own arithmetic of identity: where at least two of the table's
amounts equal, digit for digit, amounts of the same line item and period in one table that
states its scale (and none disagrees with that scale), the table is in that scale; the
report says so. Without such evidence the table keeps the scale it prints (none: units).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from exporter.mapping import RowMapping
from exporter.tables.model import StatementTable
from exporter.taxonomy import Concept, ConceptType

_MIN_MATCHES = 2

# (concept, period start, period end, printed value) of one money cell
_Key = tuple[str, date | None, date, Decimal]


@dataclass(frozen=True)
class InheritedScale:
    """The money scale a scale-less table takes, the table whose amounts show it, and how
    many of its amounts do."""

    exponent: int
    source: int
    matches: int


def inherited_scales(
    tables: tuple[StatementTable, ...],
    by_row: dict[tuple[int, int, int], RowMapping],
    concepts: dict[str, Concept],
) -> dict[int, InheritedScale]:
    """Table index -> the scale it takes, for each table without a scale of its own whose
    money amounts repeat those of a table that states one."""
    stated: dict[_Key, tuple[int, int]] = {}
    for table in tables:
        if table.scale.money > 0:
            for key in _money_cells(table, by_row, concepts):
                stated.setdefault(key, (table.scale.money, table.index))
    found: dict[int, InheritedScale] = {}
    for table in tables:
        if table.scale.money or table.scale.text:
            continue
        hits = [stated[key] for key in _money_cells(table, by_row, concepts) if key in stated]
        scales = {exponent for exponent, _ in hits}
        if len(hits) >= _MIN_MATCHES and len(scales) == 1:
            exponent, source = hits[0]
            found[table.index] = InheritedScale(exponent, source, len(hits))
    return found


def _money_cells(
    table: StatementTable,
    by_row: dict[tuple[int, int, int], RowMapping],
    concepts: dict[str, Concept],
) -> Iterator[_Key]:
    """The table's money amounts that are not zero, by line item and period."""
    for b, block in enumerate(table.blocks):
        for r, row in enumerate(block.rows):
            mapping = by_row.get((table.index, b, r))
            if mapping is None or mapping.concept is None or mapping.member:
                continue
            concept = concepts.get(mapping.concept)
            if concept is None or concept.type is not ConceptType.MONETARY:
                continue
            overridden = {column for column, _ in mapping.overrides}
            for cell in row.cells:
                period = block.columns[cell.column].period
                if period is None or cell.column in overridden or not cell.number.value:
                    continue
                yield (concept.name, period.start, period.end, cell.number.value)
