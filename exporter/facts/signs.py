"""Signs by arithmetic: which printed rows to negate so the taxonomy's calculations hold.

Releases print signs for readers: "Income taxes expense (223,237)" is a deduction, not a
negative expense; "Net loss attributable to noncontrolling interests 4,052" is a loss,
so the fact is -4,052. XBRL wants the concept's sign. Instead of guessing from words, we
look for the fewest row negations under which the calculation relationships the table
prints (net income = income before tax - tax; total = parent + noncontrolling) hold in
every column. A row no relationship touches keeps its printed sign.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from itertools import combinations, product

from exporter.models import Frozen
from exporter.taxonomy import Balance, Taxonomy

_PAIR_SEARCH_LIMIT = 24
# The most lines a statement prints between a total and the one before it (or its first
# line), as a trust's statement of operations does with no subtotal at all.
_MAX_LINES = 12
_MIN_LINES = 2
# The most lines without a balance (extensions) a total's lines may hold, each added or
# subtracted as the sum needs: beyond that too many sums are tried for one to say much.
_MAX_FREE = 4


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


def printed_negative(row: RowValues) -> bool | None:
    """Whether the row's nonzero numbers are printed negative (None: all zero)."""
    nonzero = [v for v in row.values.values() if v]
    if not nonzero:
        return None
    return sum(v < 0 for v in nonzero) > len(nonzero) / 2


def deducted_by_printed_total(
    rows: list[RowValues],
    signs: list[int],
    fixed: set[int],
    balances: Mapping[str, Balance | None],
) -> set[int]:
    """The rows printed in brackets that the total printed below them deducts, where no
    relation of the taxonomy ties them: "Interest expense (9,176)" between "Gain on sale
    of real estate" and "Net income", in a statement whose other costs are printed
    positive under "Expenses:" and which prints no subtotal.

    The lines just above a total add up to it by their concepts' balances (a credit total
    adds credit lines and subtracts debit ones; a line without a balance, an extension,
    either) only when its bracketed lines of the other balance are read as amounts the
    total deducts, positive in XBRL. Where the lines add up as printed, a bracketed cost
    is a reversal the release states, and keeps its sign; a bracketed line of the total's
    own balance (a loss on a gain's concept) is negative whatever the sum says.
    """
    found: set[int] = set()
    for total, row in enumerate(rows):
        balance = balances.get(row.concept)
        if balance is None:
            continue
        for start in range(total - _MIN_LINES, max(total - _MAX_LINES, 0) - 1, -1):
            run = range(start, total)
            if not all(set(row.values) <= set(rows[i].values) for i in run):
                break
            weighings = _weighings(rows, run, balances, balance)
            if weighings is None:
                break
            if any(_holds_everywhere(total, w, rows, signs) for w in weighings):
                break
            deducted = {
                i
                for i in run
                if i not in fixed
                and balances.get(rows[i].concept) not in (None, balance)
                and signs[i] > 0
                and printed_negative(rows[i])
            }
            trial = [-s if i in deducted else s for i, s in enumerate(signs)]
            if deducted and any(_holds_everywhere(total, w, rows, trial) for w in weighings):
                found |= deducted
                break
    return found


def _weighings(
    rows: list[RowValues], run: range, balances: Mapping[str, Balance | None], total: Balance
) -> list[tuple[tuple[int, int], ...]] | None:
    """The ways the lines of `run` may add up to a total of balance `total`: a line of the
    same balance adds, one of the other subtracts, one with none (an extension) either;
    None when too many lines have none for the sum to say anything."""
    known = {i: 1 if balances.get(rows[i].concept) is total else -1 for i in run}
    free = [i for i in run if balances.get(rows[i].concept) is None]
    if len(free) > _MAX_FREE:
        return None
    weighings = []
    for chosen in product((1, -1), repeat=len(free)):
        weights = known | dict(zip(free, chosen, strict=True))
        weighings.append(tuple((i, weights[i]) for i in run))
    return weighings


def _holds_everywhere(
    total: int, items: tuple[tuple[int, int], ...], rows: list[RowValues], signs: list[int]
) -> bool:
    instance = RelationInstance(role="", total=total, items=items)
    results = [holds(instance, rows, signs, c) for c in rows[total].values]
    return bool(results) and all(results)
