"""Signs by arithmetic: which printed rows to negate so the taxonomy's calculations hold.

Releases print signs for readers: "Income taxes expense (223,237)" is a deduction, not a
negative expense; "Net loss attributable to noncontrolling interests 4,052" is a loss,
so the fact is -4,052. XBRL wants the concept's sign. Instead of guessing from words, we
look for the fewest row negations under which the calculation relationships the table
prints (net income = income before tax - tax; total = parent + noncontrolling) hold in
every column. A row no relationship touches keeps its printed sign.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations

from exporter.models import Frozen
from exporter.taxonomy import Taxonomy

_PAIR_SEARCH_LIMIT = 24


class RowValues(Frozen):
    """A mapped row's printed numbers by column, with their fraction digits."""

    concept: str
    values: dict[int, Decimal]
    digits: dict[int, int]


class RelationInstance(Frozen):
    """A taxonomy relation found among a block's rows: total row, (item row, weight) pairs."""

    role: str
    total: int
    items: tuple[tuple[int, int], ...]


def find_relations(rows: list[RowValues], taxonomy: Taxonomy) -> list[RelationInstance]:
    """Every taxonomy relation whose total and at least one item are rows of the block."""
    by_concept: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        by_concept.setdefault(row.concept, []).append(index)
    # A chosen concept (net sales as RevenueFromContractWithCustomer...) takes its general
    # concept's places in the trees, where the block prints no row of the general one.
    printed = set(by_concept)
    for index, row in enumerate(rows):
        general = taxonomy.general(row.concept)
        if general is not None and general not in printed:
            by_concept.setdefault(general, []).append(index)
    found: list[RelationInstance] = []
    for _, network in taxonomy.networks():
        for relation in network.relations:
            for total in by_concept.get(relation.total, []):
                items = []
                for concept, weight in relation.items:
                    rows_of = [i for i in by_concept.get(concept, []) if i != total]
                    if rows_of:
                        items.append(
                            (min(rows_of, key=lambda i: (abs(i - total), i > total)), weight)
                        )
                if items:
                    found.append(
                        RelationInstance(role=network.role, total=total, items=tuple(items))
                    )
    return found


def holds(
    instance: RelationInstance, rows: list[RowValues], signs: list[int], column: int
) -> bool | None:
    """Whether the relation holds in `column` within rounding; None when it cannot be tested."""
    total_row = rows[instance.total]
    if column not in total_row.values:
        return None
    present = [(i, w) for i, w in instance.items if column in rows[i].values]
    if not present:
        return None
    computed = sum((w * signs[i] * rows[i].values[column] for i, w in present), Decimal(0))
    total = signs[instance.total] * total_row.values[column]
    slack = _half_unit(total_row, column) + sum(
        (_half_unit(rows[i], column) for i, _ in present), Decimal(0)
    )
    return abs(total - computed) <= slack


def _half_unit(row: RowValues, column: int) -> Decimal:
    return _HALF_UNITS[row.digits.get(column, 0)]


_HALF_UNITS = {d: Decimal(5).scaleb(-(d + 1)) for d in range(-12, 13)}


def _failures(instance: RelationInstance, rows: list[RowValues], signs: list[int]) -> int:
    columns = rows[instance.total].values
    return sum(1 for c in columns if holds(instance, rows, signs, c) is False)


def violations(instances: list[RelationInstance], rows: list[RowValues], signs: list[int]) -> int:
    """How many (relation, column) pairs fail under `signs`."""
    return sum(_failures(instance, rows, signs) for instance in instances)


def solve_signs(
    rows: list[RowValues], instances: list[RelationInstance], start: list[int] | None = None
) -> list[int]:
    """+1 or -1 per row: the fewest flips from `start` (the print's own reading; default
    all +1) that make the most relations hold."""
    signs = list(start) if start is not None else [1] * len(rows)
    touching: dict[int, list[int]] = {}
    for k, instance in enumerate(instances):
        for index in {instance.total, *(i for i, _ in instance.items)}:
            touching.setdefault(index, []).append(k)
    failures = [_failures(instance, rows, signs) for instance in instances]
    while sum(failures):
        best = _best_flip(instances, rows, signs, touching, failures)
        if best is None:
            break
        for index in best:
            signs[index] = -signs[index]
        for k in {k for index in best for k in touching[index]}:
            failures[k] = _failures(instances[k], rows, signs)
    return signs


def _gain(
    flip: tuple[int, ...],
    instances: list[RelationInstance],
    rows: list[RowValues],
    signs: list[int],
    touching: dict[int, list[int]],
    failures: list[int],
) -> int:
    """How many failures flipping the rows in `flip` removes (negative: adds)."""
    affected = {k for index in flip for k in touching[index]}
    for index in flip:
        signs[index] = -signs[index]
    after = sum(_failures(instances[k], rows, signs) for k in affected)
    for index in flip:
        signs[index] = -signs[index]
    return sum(failures[k] for k in affected) - after


def _best_flip(
    instances: list[RelationInstance],
    rows: list[RowValues],
    signs: list[int],
    touching: dict[int, list[int]],
    failures: list[int],
) -> tuple[int, ...] | None:
    """The single (else pair of) row flips that removes the most failures."""
    totals = {inst.total for inst in instances}
    candidates = sorted({i for k, f in enumerate(failures) if f for i in _members(instances[k])})
    options: list[tuple[int, bool, tuple[int, ...]]] = []
    for index in candidates:
        gain = _gain((index,), instances, rows, signs, touching, failures)
        if gain > 0:
            options.append((-gain, index in totals, (index,)))
    if not options and len(candidates) <= _PAIR_SEARCH_LIMIT:
        for pair in combinations(candidates, 2):
            gain = _gain(pair, instances, rows, signs, touching, failures)
            if gain > 0:
                options.append((-gain, any(i in totals for i in pair), pair))
    return min(options)[2] if options else None


def _members(instance: RelationInstance) -> tuple[int, ...]:
    return (instance.total, *(i for i, _ in instance.items))
