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
from exporter.periods import Period
from exporter.tables.model import StatementTable, TableRow, ValueCell
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
    for concept, _, cell, period in _mapped_cells(table, by_row, concepts):
        if concept.type is ConceptType.MONETARY and cell.number.value:
            yield (concept.name, period.start, period.end, cell.number.value)


def _mapped_cells(
    table: StatementTable,
    by_row: dict[tuple[int, int, int], RowMapping],
    concepts: dict[str, Concept],
) -> Iterator[tuple[Concept, TableRow, ValueCell, Period]]:
    """Each cell of a row mapped to its own concept (no member), in a dated column that
    keeps the row's concept (not a change or per-share column of it)."""
    for b, block in enumerate(table.blocks):
        for r, row in enumerate(block.rows):
            mapping = by_row.get((table.index, b, r))
            if mapping is None or mapping.concept is None or mapping.member:
                continue
            concept = concepts.get(mapping.concept)
            if concept is None:
                continue
            overridden = {column for column, _ in mapping.overrides}
            for cell in row.cells:
                period = block.columns[cell.column].period
                if period is not None and cell.column not in overridden:
                    yield concept, row, cell, period


# Powers of ten a share count may be printed in, and how near earnings over shares must
# come to the printed earnings per share to show one of them.
_SHARE_EXPONENTS = (0, 3, 6)
_EPS_TOLERANCE = Decimal("0.1")


@dataclass(frozen=True)
class ShareScale:
    """The power of ten a table's share counts are printed in, as its own earnings per
    share show it, and in how many periods."""

    exponent: int
    periods: int


def share_scales(
    tables: tuple[StatementTable, ...],
    by_row: dict[tuple[int, int, int], RowMapping],
    concepts: dict[str, Concept],
    families: tuple[tuple[frozenset[str], frozenset[str]], ...],
) -> dict[int, ShareScale]:
    """Table index -> the scale its share counts are in, where it differs from the caption's
    and the table's own arithmetic shows it: earnings divided by the share count is the
    earnings per share printed beside them, in every period that prints all three (shares
    printed in units under "(in thousands, except per share data)"). `families` pairs the
    amount concepts with their per-share concepts (the taxonomy's `per_share_of`)."""
    found: dict[int, ShareScale] = {}
    for table in tables:
        votes = [
            exponent
            for earnings, per_share, shares in _per_period(table, by_row, concepts, families)
            if (exponent := _shown_exponent(earnings, per_share, shares)) is not None
        ]
        if votes and len(set(votes)) == 1 and votes[0] != table.scale.shares:
            found[table.index] = ShareScale(votes[0], len(votes))
    return found


def _shown_exponent(earnings: Decimal, per_share: Decimal, shares: Decimal) -> int | None:
    """The exponent that makes earnings / (shares x 10^exponent) the printed per share."""
    if not per_share or not shares:
        return None
    for exponent in _SHARE_EXPONENTS:
        implied = earnings / shares.scaleb(exponent)
        if abs(implied - per_share) <= _EPS_TOLERANCE * abs(per_share):
            return exponent
    return None


def _per_period(
    table: StatementTable,
    by_row: dict[tuple[int, int, int], RowMapping],
    concepts: dict[str, Concept],
    families: tuple[tuple[frozenset[str], frozenset[str]], ...],
) -> Iterator[tuple[Decimal, Decimal, Decimal]]:
    """(earnings in full units, per-share amount, first share count as printed) for each
    period of the table that prints all three in one family."""
    money: dict[tuple[str, date], Decimal] = {}
    per_share: dict[tuple[str, date], Decimal] = {}
    shares: dict[date, Decimal] = {}
    for concept, row, cell, period in _mapped_cells(table, by_row, concepts):
        if period.start is None:
            continue
        value = cell.number.value
        if concept.type is ConceptType.MONETARY:
            money.setdefault((concept.name, period.end), value.scaleb(table.scale.money))
        elif concept.type is ConceptType.PER_SHARE and row.scale is None:
            per_share.setdefault((concept.name, period.end), value)
        elif concept.type is ConceptType.SHARES and row.scale is None:
            shares.setdefault(period.end, value)
    for amounts, per in families:
        for end, count in shares.items():
            earned = next((money[(a, end)] for a in amounts if (a, end) in money), None)
            each = next((per_share[(p, end)] for p in per if (p, end) in per_share), None)
            if earned is not None and each is not None:
                yield earned, each, count
