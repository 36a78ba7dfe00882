"""Per block: row signs, and the calculation relationships this release prints.

The taxonomy's relations found among a block's rows decide the row signs (`signs`);
those that then hold become this document's calculation arcs. When several decompositions
of one total are present, only those that hold are published; when none holds, the
fullest is published anyway (and reported), so a processor sees the release's own
inconsistency rather than a silently dropped check. A relation that fails only because
lines printed among its items are not in the taxonomy's tree (an extension concept, or a
concept the taxonomy places elsewhere) is completed with those lines when that makes it
hold: that is where the release's subtotal shows they belong.
"""

from __future__ import annotations

import re
from itertools import combinations, product

from exporter.facts.signs import (
    RelationInstance,
    RowValues,
    deducted_by_printed_total,
    find_relations,
    holds,
    printed_negative,
    solve_signs,
)
from exporter.models import Frozen
from exporter.tables.model import ColumnBlock, TableRow
from exporter.taxonomy import Balance, Taxonomy

_MAX_ADDED = 3
_MAX_RUN = 5
# A reconciliation adds up to a dozen adjustments to the measure it starts from.
_MAX_ADJUSTMENTS = 16
# A measure and at least two adjustments: a reconciliation rather than a subtotal.
_MIN_ADJUSTED = 2
# A word of a label, and the words a label prints in brackets: "(income)", "(provision
# for)".
_WORD = re.compile(r"[A-Za-z]+")
_BRACKETED = re.compile(r"\(([^()]*)\)")
Balances = dict[str, Balance | None]


class BlockCalc(Frozen):
    """What the calculations of one block decided."""

    signs: dict[int, int]
    # Rows whose sign a holding calculation fixes.
    anchored: frozenset[int]
    # Relations to publish: role, total row, (item row, weight) pairs, by the block's row
    # index (a concept may name two rows: each relation is about its own rows).
    kept: tuple[tuple[str, int, tuple[tuple[int, int], ...]], ...]
    broken: tuple[tuple[int, str, tuple[str, ...]], ...]


def _status(instance: RelationInstance, rows: list[RowValues], signs: list[int]) -> list[bool]:
    columns = rows[instance.total].values
    results = (holds(instance, rows, signs, c) for c in columns)
    return [r for r in results if r is not None]


def _good(instance: RelationInstance, rows: list[RowValues], signs: list[int]) -> bool:
    status = _status(instance, rows, signs)
    return bool(status) and all(status)


def _legal(total: RowValues, item: RowValues, weight: int, balances: Balances) -> bool:
    """XBRL 2.1 5.1.1.2: equal balances need a positive weight, opposite ones a negative."""
    total_balance, item_balance = balances.get(total.concept), balances.get(item.concept)
    if total_balance is None or item_balance is None:
        return True
    return (total_balance == item_balance) == (weight > 0)


def _complete(
    instance: RelationInstance,
    rows: list[RowValues],
    signs: list[int],
    totals: set[int],
    balances: Balances,
    deduct_printed: bool = False,
    gains: frozenset[int] = frozenset(),
) -> tuple[RelationInstance, list[int]] | None:
    """The relation with up to a few more rows printed among its items added, and the
    signs under which it holds: `signs`, or with `deduct_printed` an added row the relation
    must subtract (by the balances) that is printed in brackets stored positive.

    Candidates are the rows after the previous printed total and before this one, but for
    a reconciliation's `gains`: its measure deducts a gain, which XBRL's balance rule lets
    no relation of two credit items do, so a relation that holds with the gain added as
    printed would store a gain of 11.2 as -11.2.
    """
    taken = {instance.total, *(i for i, _ in instance.items), *gains}
    first = min(i for i, _ in instance.items)
    start = max((t + 1 for t in totals if t < min(first, instance.total)), default=0)
    nearby = [i for i in range(start, instance.total) if i not in taken]

    def holding(pairs: tuple[tuple[int, int], ...]) -> tuple[RelationInstance, list[int]] | None:
        if not all(_legal(rows[instance.total], rows[i], w, balances) for i, w in pairs):
            return None
        trial = instance.model_copy(update={"items": (*instance.items, *pairs)})
        trial_signs = _subtracted_as_printed(trial, rows, signs) if deduct_printed else signs
        return (trial, trial_signs) if _good(trial, rows, trial_signs) else None

    for count in range(1, min(_MAX_ADDED, len(nearby)) + 1):
        for added in combinations(nearby, count):
            for weights in product((1, -1), repeat=count):
                found = holding(tuple(zip(added, weights, strict=True)))
                if found is not None:
                    return found
    # A subtotal of every line printed since the previous total ("Total non-current
    # assets" under six lines the taxonomy relates only two of), each added as its
    # balance allows: more lines than the few tried one by one above.
    if len(nearby) > _MAX_ADDED:
        return holding(tuple((i, _weight(rows[instance.total], rows[i], balances)) for i in nearby))
    return None


def _weight(total: RowValues, item: RowValues, balances: Balances) -> int:
    """The weight XBRL's balance rule gives `item` under `total` (+1 where either has none)."""
    return 1 if _legal(total, item, 1, balances) else -1


def _select(
    instances: list[RelationInstance],
    rows: list[RowValues],
    signs: list[int],
    balances: Balances,
    reconciliation: tuple[int | None, frozenset[int]] = (None, frozenset()),
) -> tuple[list[RelationInstance], list[RelationInstance], list[int]]:
    """Relations to publish (those that hold, as printed or completed), broken ones, and
    the signs under which they hold.

    A relation that does not hold is reported, not published: more often a line was read
    or mapped differently than the release is wrong, and a processor should not be told
    the release is inconsistent on our guess. One whose total ends the printed sum of a
    reconciliation (`reconciliation`: that total and the gains it deducts) is neither: the
    release adds up, the relation only cannot deduct its gains.
    """
    reconciled, gains = reconciliation
    by_total: dict[int, list[RelationInstance]] = {}
    for instance in instances:
        by_total.setdefault(instance.total, []).append(instance)
    totals = set(by_total)
    kept: list[RelationInstance] = []
    unresolved: list[list[RelationInstance]] = []
    for group in by_total.values():
        good = [i for i in group if _good(i, rows, signs)]
        if not good:
            good = [
                c[0]
                for i in group
                if (c := _complete(i, rows, signs, totals, balances, gains=gains)) is not None
            ]
        if good:
            kept.extend(good)
        else:
            unresolved.append(group)
    broken: list[RelationInstance] = []
    for group in unresolved:
        found = _held_as_printed_deductions(group, rows, signs, totals, balances, kept, gains)
        if found is not None:
            kept.append(found[0])
            signs = found[1]
            continue
        fullest = max(group, key=lambda i: len(i.items))
        if fullest.total == reconciled:
            continue
        if len(fullest.items) >= 2 and _status(fullest, rows, signs):
            broken.append(fullest)
    return kept, broken, signs


def _held_as_printed_deductions(
    group: list[RelationInstance],
    rows: list[RowValues],
    signs: list[int],
    totals: set[int],
    balances: Balances,
    kept: list[RelationInstance],
    gains: frozenset[int] = frozenset(),
) -> tuple[RelationInstance, list[int]] | None:
    """A relation of `group` that holds, completed if need be, once the items it subtracts
    that are printed in brackets are read as the release prints them: deducted, positive
    ("Net income attributable to noncontrolling interests (1,206)" and "Preferred share
    dividends (2,813)" between net income and the common shareholders' share). Only where
    every relation already kept still holds with those signs."""
    for instance in group:
        trial = _subtracted_as_printed(instance, rows, signs)
        found = (instance, trial) if _good(instance, rows, trial) else None
        found = found or _complete(
            instance, rows, trial, totals, balances, deduct_printed=True, gains=gains
        )
        if found is None or found[1] == signs:
            continue
        if all(_good(k, rows, found[1]) for k in kept):
            return found
    return None


def _subtracted_as_printed(
    instance: RelationInstance, rows: list[RowValues], signs: list[int]
) -> list[int]:
    """`signs` with the items the relation subtracts that are printed negative stored
    positive: the printed bracket is the subtraction."""
    trial = list(signs)
    for index, weight in instance.items:
        if weight < 0 and printed_negative(rows[index]) and trial[index] > 0:
            trial[index] = -1
    return trial


def expenses_as_printed_deductions(
    rows: list[RowValues], signs: list[int], fixed: set[int], expenses: frozenset[str]
) -> list[int]:
    """Signs with the block's convention for costs applied where no calculation decides.

    A statement that prints its costs in parentheses (most of its expense rows negative)
    deducts them: an expense row no printed calculation ties takes the sign its printed
    siblings show, so "(342)" is an expense of 342 and "104" on such a row a gain (a
    negative expense). Where costs are printed positive, a negative one is a reversal the
    release states, and stays.
    """
    printed = [(i, printed_negative(r)) for i, r in enumerate(rows) if r.concept in expenses]
    negative = sum(1 for _, n in printed if n)
    positive = sum(1 for _, n in printed if n is False)
    if negative <= positive:
        return signs
    return [
        -1 if i not in fixed and rows[i].concept in expenses else s for i, s in enumerate(signs)
    ]


def label_sign(label: str, concept: str, balance: Balance | None, taxonomy: Taxonomy) -> int:
    """-1 where the label names both directions and puts first (unbracketed) the one
    against the concept's own ("Other (income) expense, net" for other income), else 1.

    A concept's direction is the one its standard label names ("Net income attributable
    to noncontrolling interests" is income, though a debit), else its balance. See the
    taxonomy's `debit_directions` and `credit_directions`.
    """
    bare, bracketed = _directions(label, taxonomy)
    if len(bare) != 1 or len(bracketed) != 1 or bare == bracketed:
        return 1
    direction = _concept_direction(concept, balance, taxonomy)
    return -1 if direction and bare != direction else 1


def _section_sign(
    sections: tuple[str, ...], row: RowValues, balance: Balance | None, taxonomy: Taxonomy
) -> int:
    """-1 for a row with a bracketed figure under a section heading that names both directions
    and puts first the one against the concept's: "Interest expense (158)" under "Other
    income (expense):" prints an expense in the section's income direction, a deduction;
    an income row printed negative there is a loss and keeps its sign. Under a heading
    that only deducts ("Less:"), brackets say the row is subtracted, not that it is
    negative. A total printed after the section ("Loss before income taxes") is not one
    of its lines."""
    if all(v >= 0 for v in row.values.values()) or row.concept in taxonomy.calculation_totals():
        return 1
    if sections and _deducts(sections[-1], taxonomy):
        return -1
    for section in reversed(sections):
        bare, bracketed = _directions(section, taxonomy)
        if len(bare) == 1 and len(bracketed) == 1 and bare != bracketed:
            direction = _concept_direction(row.concept, balance, taxonomy)
            return -1 if direction and bare != direction else 1
    return 1


def _deducts(heading: str, taxonomy: Taxonomy) -> bool:
    """Whether a heading only says the rows below are subtracted ("Less:", "Deduct:")."""
    words = " ".join(heading.lower().rstrip(" :").split())
    return words in taxonomy.row_kinds.get("deduction_connectives", ())


def _concept_direction(concept: str, balance: Balance | None, taxonomy: Taxonomy) -> set[Balance]:
    known = taxonomy.concepts.get(concept)
    own = _directions(known.label, taxonomy)[0] if known else set()
    return own if len(own) == 1 else ({balance} if balance else set())


def _expense_extensions(
    block: ColumnBlock, concepts: dict[int, str], taxonomy: Taxonomy
) -> frozenset[str]:
    """Extension concepts whose printed label names a cost and nothing else ("Finance
    costs", "Impairment losses on receivables"): deducted as the statement's expenses are."""
    found = set()
    for row, concept in concepts.items():
        if concept in taxonomy.concepts or any(c.number.rate for c in block.rows[row].cells):
            continue
        bare, _ = _directions(block.rows[row].label, taxonomy)
        if bare == {Balance.DEBIT}:
            found.add(concept)
    return frozenset(found)


def _outflow_extensions(
    block: ColumnBlock, concepts: dict[int, str], taxonomy: Taxonomy
) -> frozenset[str]:
    """Extension concepts of a cash flow statement whose label starts by paying cash out
    ("Repayment of term loan", "Payment of contingent consideration", "Cash payments for
    restructuring charges")."""
    phrases = [w.lower().split() for w in taxonomy.row_kinds.get("outflow_words", ())]
    return frozenset(
        concept
        for row, concept in concepts.items()
        if concept not in taxonomy.concepts
        and (words := block.rows[row].label.lower().split())
        and any(p and words[: len(p)] == p for p in phrases)
    )


def _bracketed_increase_extensions(
    block: ColumnBlock, concepts: dict[int, str], taxonomy: Taxonomy
) -> frozenset[str]:
    """Extension concepts of a cash flow statement whose label prints an increase in
    brackets ("(Increase) decrease in contract assets"): an asset's increase printed as its
    effect on cash, reversed like the standard changes in assets."""
    openings = [w.lower().split() for w in taxonomy.row_kinds.get("bracketed_increase", ())]
    return frozenset(
        concept
        for row, concept in concepts.items()
        if concept not in taxonomy.concepts
        and (words := block.rows[row].label.lower().split())
        and any(p and words[: len(p)] == p for p in openings)
    )


def _deducted_extensions(
    block: ColumnBlock, concepts: dict[int, str], taxonomy: Taxonomy
) -> frozenset[str]:
    """Extension concepts of the section a deduction's total closes ("Trade and other
    payables" under "Current liabilities", above "Total current liabilities"): deducted
    as that section is."""
    deductions = taxonomy.deduction_concepts()
    found: set[str] = set()
    for row, concept in concepts.items():
        if concept not in deductions or concept not in taxonomy.calculation_totals():
            continue
        above = block.rows[row - 1].sections[-1:] if row else ()
        index = row - 1
        while above and index >= 0 and block.rows[index].sections[-1:] == above:
            name = concepts.get(index)
            if name is not None and name not in taxonomy.concepts:
                found.add(name)
            index -= 1
    return frozenset(found)


def _directions(label: str, taxonomy: Taxonomy) -> tuple[set[Balance], set[Balance]]:
    """The directions a label's words name, outside brackets and inside them."""
    debit = set(taxonomy.row_kinds.get("debit_directions", ()))
    credit = set(taxonomy.row_kinds.get("credit_directions", ()))
    bare: set[Balance] = set()
    bracketed: set[Balance] = set()
    inside = " ".join(_BRACKETED.findall(label))
    for text, found in ((_BRACKETED.sub(" ", label), bare), (inside, bracketed)):
        for word in _WORD.findall(text.lower()):
            side = Balance.DEBIT if word in debit else Balance.CREDIT if word in credit else None
            if side is not None:
                found.add(side)
    return bare, bracketed


def _costs_deducted(
    kept: list[RelationInstance], rows: list[RowValues], signs: list[int], costs: frozenset[str]
) -> tuple[list[RelationInstance], list[int]]:
    """A cost without a standard concept that a relation adds as printed, negative ("Finance
    costs (4,260)" between operating profit and profit before tax), is stored positive and
    subtracted: the same arithmetic, with the sign an expense has in XBRL."""
    totals = {k.total for k in kept}
    flipped = {
        i
        for k in kept
        for i, _ in k.items
        if rows[i].concept in costs
        and i not in totals
        and printed_negative(rows[i])
        and signs[i] > 0
    }
    if not flipped:
        return kept, signs
    relations = [
        k.model_copy(update={"items": tuple((i, -w if i in flipped else w) for i, w in k.items)})
        for k in kept
    ]
    return relations, [-s if i in flipped else s for i, s in enumerate(signs)]


def _contras_deducted(
    rows: list[RowValues], signs: list[int], fixed: set[int], contras: frozenset[str]
) -> list[int]:
    """A contra balance printed negative ("Less: accumulated depreciation (968,214)"), or a
    payment printed negative in any table (`Taxonomy.payment_concepts`: "Capital
    expenditures $(88.5)" in a summary, a free cash flow reconciliation or a statement of
    effects on cash), that no printed calculation ties is the positive amount the table
    deducts."""
    return [
        -1 if i not in fixed and rows[i].concept in contras and printed_negative(rows[i]) else s
        for i, s in enumerate(signs)
    ]


def _deducted_sections(
    kept: list[RelationInstance],
    rows: list[RowValues],
    signs: list[int],
    deductions: frozenset[str],
) -> list[int]:
    """A section a statement prints wholly as a deduction, its total and every item negative
    ("Total current liabilities (158.2)" over "(128.4)" and "(20.0)", as a statement of
    net assets prints them), is stored positive: the same arithmetic, with the sign a
    liability has in XBRL. Only a total that no other relation adds as printed is turned,
    so every relation that holds still holds."""
    items_of = {i for k in kept for i, _ in k.items}
    parts = {k.total: [i for i, _ in k.items] for k in kept}
    result = list(signs)
    for top in parts:
        if top in items_of or rows[top].concept not in deductions:
            continue
        members, pending = {top}, [top]
        while pending:  # the whole tree below the top total, subtotals' items too
            for item in parts.get(pending.pop(), []):
                if item not in members:
                    members.add(item)
                    pending.append(item)
        if all(printed_negative(rows[i]) and result[i] > 0 for i in members):
            for i in members:
                result[i] = -result[i]
    return result


def _printed_sum(rows: list[RowValues], total: int, longest: int = _MAX_RUN) -> range:
    """The rows just above `total` (two to `longest`) whose printed numbers add up to its
    own in every column, the nearest such run; empty when none does."""
    plain = [1] * len(rows)
    for start in range(total - 2, max(total - longest, 0) - 1, -1):
        run = range(start, total)
        sums = RelationInstance(role="", total=total, items=tuple((i, 1) for i in run))
        complete = all(set(rows[total].values) <= set(rows[i].values) for i in run)
        if complete and _good(sums, rows, plain):
            return run
    return range(0)


def _deducted_in_printed_sums(
    rows: list[RowValues],
    labels: list[str],
    signs: list[int],
    fixed: set[int],
    taxonomy: Taxonomy,
    inside: frozenset[int] = frozenset(),
) -> list[int]:
    """Rows no relation of the taxonomy ties, printed in brackets in a sum the table prints,
    that the sum deducts: lines without a standard concept above a deduction's total
    ("Current liabilities (17,408)" above "Total liabilities (26,624)" in a statement of
    net assets), and a line naming the direction against its total's ("Finance income
    (1,204)" between "Finance costs" and "Net finance costs"). Both are positive amounts
    the total subtracts; a line naming no direction keeps its printed sign. Rows `inside`
    a longer sum (a reconciliation's adjustments) are no totals."""
    deductions = taxonomy.deduction_concepts()
    result = list(signs)
    for total, row in enumerate(rows):
        if total in inside:
            continue
        total_bare = _directions(labels[total], taxonomy)[0]
        deducted_total = row.concept in deductions and printed_negative(row)
        if not deducted_total and len(total_bare) != 1:
            continue
        for i in _printed_sum(rows, total):
            if i in fixed or result[i] < 0 or not printed_negative(rows[i]):
                continue
            bare, bracketed = _directions(labels[i], taxonomy)
            extension = rows[i].concept not in taxonomy.concepts
            against = len(bare) == 1 and not bracketed and bare.isdisjoint(total_bare)
            if (deducted_total and extension) or (len(total_bare) == 1 and against):
                result[i] = -1
    return result


def _adjustments(rows: list[RowValues]) -> tuple[int | None, frozenset[int]]:
    """The adjusted measure of a reconciliation's longest printed sum (from "GAAP diluted
    EPS" to "Adjusted diluted EPS") and the lines it adds to the measure it starts from.
    They are adjustments, not totals: that two of them happen to add up to a third within
    the rounding of figures per share ("0.06" and "(0.03)" beside "0.02") says nothing
    about their signs."""
    runs = {total: _printed_sum(rows, total, _MAX_ADJUSTMENTS) for total in range(len(rows))}
    total = max(runs, key=lambda t: len(runs[t]), default=None)
    if total is None or len(runs[total]) <= _MIN_ADJUSTED:
        return None, frozenset()
    return total, frozenset(runs[total][1:])


def _reconciliation(
    rows: list[RowValues], balances: Balances, taxonomy: Taxonomy
) -> tuple[int | None, frozenset[int]]:
    """A reconciliation's adjusted measure and the gains among its adjustments: credit
    lines, payments apart (see `_credit_adjustments`)."""
    total, adjustments = _adjustments(rows)
    gains = frozenset(
        i
        for i in adjustments
        if balances.get(rows[i].concept) is Balance.CREDIT
        and rows[i].concept not in taxonomy.payment_concepts
    )
    return total, gains


def _credit_adjustments(
    rows: list[RowValues],
    signs: list[int],
    fixed: set[int],
    balances: Balances,
    payments: frozenset[str],
) -> list[int]:
    """In a reconciliation's printed sums, the credit lines after the measure each sum
    starts from: a gain or an income adjusts a profit measure by its opposite ("Gain on
    sale of business (11.2)" is a gain of 11.2; "Loss on extinguishment of debt 3.4" a
    loss, -3.4). Lines a relation of the taxonomy ties keep the sign it gives. A payment
    is no gain: "Capital expenditures (88.5)" before free cash flow is the outflow, which
    `_contras_deducted` has already stored positive."""
    result = list(signs)
    for total in range(len(rows)):
        run = _printed_sum(rows, total, _MAX_ADJUSTMENTS)
        for i in run[1:]:
            concept = rows[i].concept
            if i in fixed or concept in payments:
                continue
            if balances.get(concept) is Balance.CREDIT:
                result[i] = -signs[i]
    return result


def _printed_sign(
    printed: TableRow, row: RowValues, balance: Balance | None, taxonomy: Taxonomy
) -> int:
    """The sign the row's own words give, else the one its section heading gives."""
    sign = label_sign(printed.label, row.concept, balance, taxonomy)
    sections = (*printed.sections, *_own_deduction(printed.label, row.concept, taxonomy))
    return sign if sign < 0 else _section_sign(sections, row, balance, taxonomy)


def _own_deduction(label: str, concept: str, taxonomy: Taxonomy) -> tuple[str, ...]:
    """The heading a row prints before its own words when it only deducts ("Less: Income
    taxes (625)"): an expense (`Taxonomy.deduction_concepts`) is read as if under that
    heading, the bracket being the deduction. Other lines keep their printed sign: an
    extension keeps the word in its name ("Less: Excess cash (346)" is LessExcessCash),
    and a share of a loss may be printed so ("Less: Net income attributable to
    noncontrolling interest (26,609)" beside a net loss is a loss of the minority's)."""
    head, colon, _ = label.partition(":")
    deducts = colon and concept in taxonomy.deduction_concepts() and _deducts(head, taxonomy)
    return (head,) if deducts else ()


def _row_values(block: ColumnBlock, row: int, concept: str, skip: frozenset[int]) -> RowValues:
    cells = [c for c in block.rows[row].cells if c.column not in skip]
    return RowValues(
        concept=concept,
        values={c.column: c.number.value for c in cells},
        digits={c.column: c.number.fraction_digits for c in cells},
    )


def block_calculations(
    block: ColumnBlock,
    concepts: dict[int, str],
    skipped: dict[int, frozenset[int]],
    taxonomy: Taxonomy,
    balances: Balances,
    reversed_in_print: frozenset[str] = frozenset(),
    adjusts: bool = False,
) -> BlockCalc:
    """Signs per row index and the relations to publish, for rows mapped to `concepts`;
    rows of a concept in `reversed_in_print` start reversed (see
    `Taxonomy.printed_reversed`)."""
    order = sorted(concepts)
    if reversed_in_print:
        reversed_in_print |= _bracketed_increase_extensions(block, concepts, taxonomy)
    rows = [_row_values(block, r, concepts[r], skipped.get(r, frozenset())) for r in order]
    instances = find_relations(rows, taxonomy)
    start = [
        -1
        if row.concept in reversed_in_print
        else _printed_sign(block.rows[r], row, balances.get(row.concept), taxonomy)
        for r, row in zip(order, rows, strict=True)
    ]
    signs = solve_signs(rows, instances, start)
    reconciliation = _reconciliation(rows, balances, taxonomy) if adjusts else (None, frozenset())
    kept, broken, signs = _select(instances, rows, signs, balances, reconciliation)
    fixed = {i for k in kept for i in (k.total, *(j for j, _ in k.items))}
    costs = _expense_extensions(block, concepts, taxonomy)
    # A statement of effects on cash prints its payments negative: a payment is positive.
    outflows = _outflow_extensions(block, concepts, taxonomy) if reversed_in_print else frozenset()
    costs |= outflows
    kept, signs = _costs_deducted(kept, rows, signs, costs)
    signs = _deducted_sections(kept, rows, signs, taxonomy.deduction_concepts())
    deducted = (
        taxonomy.deduction_concepts() | costs | _deducted_extensions(block, concepts, taxonomy)
    )
    signs = expenses_as_printed_deductions(rows, signs, fixed, deducted)
    summed = deducted_by_printed_total(rows, signs, fixed, balances)
    signs = [-s if i in summed else s for i, s in enumerate(signs)]
    fixed |= summed
    deducted_anywhere = taxonomy.contra_concepts | taxonomy.payment_concepts | outflows
    signs = _contras_deducted(rows, signs, fixed, deducted_anywhere)
    labels = [block.rows[r].label for r in order]
    adjustments = _adjustments(rows)[1] if adjusts else frozenset()
    signs = _deducted_in_printed_sums(rows, labels, signs, fixed, taxonomy, adjustments)
    if adjusts:
        signs = _credit_adjustments(rows, signs, fixed, balances, taxonomy.payment_concepts)
    anchored = {order[i] for i in fixed}
    return BlockCalc(
        signs={r: signs[i] for i, r in enumerate(order)},
        anchored=frozenset(anchored),
        kept=tuple(
            (k.role, order[k.total], tuple((order[i], w) for i, w in k.items)) for k in kept
        ),
        broken=tuple(
            (order[b.total], rows[b.total].concept, tuple(rows[i].concept for i, _ in b.items))
            for b in broken
        ),
    )
