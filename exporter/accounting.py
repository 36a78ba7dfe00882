"""Nothing lost: every number the tables stage placed ends up a fact, a duplicate, or reported.

The facts stage accounts for the numbers it uses (a fact's source, its consistent
duplicates) and for those it cannot use (unmapped, with a reason). This check runs after
it and reports whatever it neither used nor reported, so a number can never vanish
without a line in the report, whichever stage let it go.
"""

from __future__ import annotations

from collections import Counter

from exporter.facts.model import FactSet, UnmappedNumber
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
