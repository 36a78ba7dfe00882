"""The document's calculation arcs checked against all its facts before they are published.

Arcs are chosen per block, where they hold; but a processor sums every fact of an item
concept in a context, whichever table printed it. A relation that holds in its own block
can therefore break once another table contributes (an item printed only elsewhere, a
different decomposition of the same total). Each total is checked here over all facts,
with Calculations 1.1 round-to-nearest intervals and with Calculations 1.0 (XBRL 2.1
§5.2.5.2, still what many consumers run); relations that fail are withdrawn and reported,
or the text's figures that break them kept out, so the published tree never claims an
inconsistency under either.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from exporter.facts.model import CalcArc, Fact, FactSet, ProseRecord, ProseStatus, SourceKind
from exporter.findings import Finding, Severity
from exporter.models import Frozen

Interval = tuple[Decimal, Decimal]
Index = dict[tuple[str, str, str], Fact]


def interval(fact: Fact) -> Interval:
    """The values a fact may stand for given its decimals (exact when INF)."""
    if fact.decimals is None:
        return fact.value, fact.value
    half = Decimal(5).scaleb(-fact.decimals - 1)
    return fact.value - half, fact.value + half


def _weighted(fact: Fact, weight: int) -> Interval:
    low, high = interval(fact)
    return (low, high) if weight > 0 else (-high, -low)


def holds_in_calc11(total: Fact, parts: list[tuple[Fact, int]]) -> bool:
    """Calculations 1.1 round-to-nearest: the total's interval meets its items' summed
    interval."""
    weighted = [_weighted(fact, weight) for fact, weight in parts]
    low = sum((w[0] for w in weighted), Decimal(0))
    high = sum((w[1] for w in weighted), Decimal(0))
    total_low, total_high = interval(total)
    return not (high < total_low or low > total_high)


def holds_in_calc10(total: Fact, parts: list[tuple[Fact, int]]) -> bool:
    """XBRL 2.1 §5.2.5.2 (Calculations 1.0) as processors apply it after the 2008 errata
    (Arelle's `--calc xbrl21`): the weighted sum of the items, each at its own decimals,
    rounded half-even to the total's decimals, equals the total. Three items printed to
    the tenth of a million can each be right and their sum miss their printed total by a
    tenth: Calculations 1.1 accepts that, 1.0 does not."""
    computed = sum((fact.value * weight for fact, weight in parts), Decimal(0))
    if total.decimals is None:
        return computed == total.value
    quantum = Decimal(1).scaleb(-total.decimals)
    rounded = computed.quantize(quantum, ROUND_HALF_EVEN)
    return rounded == total.value.quantize(quantum, ROUND_HALF_EVEN)


def _inconsistent_contexts(
    total: str, items: list[CalcArc], index: dict[tuple[str, str, str], Fact]
) -> list[tuple[str, str]]:
    """(context, unit) pairs where the relation fails under Calculations 1.1 or 1.0: a
    published relation must hold for consumers of either."""
    found = []
    for (concept, context, unit), fact in index.items():
        if concept != total:
            continue
        parts = [
            (index[(arc.item, context, unit)], arc.weight)
            for arc in items
            if (arc.item, context, unit) in index
        ]
        if parts and not (holds_in_calc11(fact, parts) and holds_in_calc10(fact, parts)):
            found.append((context, unit))
    return found


def _prose_facts(
    total: str,
    items: list[CalcArc],
    place: tuple[str, str],
    index: dict[tuple[str, str, str], Fact],
) -> list[Fact]:
    """The facts of a relation in one context that only the text states."""
    context, unit = place
    keys = [(total, context, unit), *((a.item, context, unit) for a in items)]
    return [index[k] for k in keys if k in index and index[k].source.kind is SourceKind.PARAGRAPH]


def _support(fact: Fact, relations: dict[tuple[str, str], list[CalcArc]], index: Index) -> int:
    """How many printed relations a fact takes part in and that hold in its context."""
    place = (fact.context, fact.unit)
    count = 0
    for (_, total), items in relations.items():
        if fact.concept != total and all(a.item != fact.concept for a in items):
            continue
        present = [a for a in items if (a.item, *place) in index]
        if (
            (total, *place) in index
            and present
            and place not in _inconsistent_contexts(total, items, index)
        ):
            count += 1
    return count


def _fewest(
    key: tuple[str, str],
    place: tuple[str, str],
    relations: dict[tuple[str, str], list[CalcArc]],
    index: Index,
) -> list[Fact]:
    """The text-only facts to keep out so a relation holds in `place`.

    Either its items (the total then stands unchecked) or its total, whichever takes
    part in fewer other relations that hold: a figure that agrees with the rest of the
    release is worth more than one that only fails here. Where the figures agree but for
    rounding (Calculations 1.1 accepts them, 1.0 does not), the total is kept: it is the
    figure the text leads with ("compared to RMB4,370.2 million in the prior quarter"),
    its parts the detail.
    """
    total, items = key[1], relations[key]
    prose = _prose_facts(total, items, place, index)
    prose_items = [f for f in prose if f.concept != total]
    prose_total = [f for f in prose if f.concept == total]
    trial = {k: v for k, v in index.items() if v not in prose_items}
    items_fix = bool(prose_items) and place not in _inconsistent_contexts(total, items, trial)
    if items_fix and _rounding_only(total, items, place, index):
        return prose_items
    options = [o for o in (prose_items if items_fix else [], prose_total) if o]
    if not options:
        return prose
    return min(options, key=lambda group: sum(_support(f, relations, index) for f in group))


def _rounding_only(total: str, items: list[CalcArc], place: tuple[str, str], index: Index) -> bool:
    """The relation holds in `place` under Calculations 1.1 and fails only under 1.0."""
    context, unit = place
    parts = [
        (index[(arc.item, context, unit)], arc.weight)
        for arc in items
        if (arc.item, context, unit) in index
    ]
    return holds_in_calc11(index[(total, context, unit)], parts)


class Pruned(Frozen):
    """The arcs to publish, the prose facts kept out, and why."""

    arcs: tuple[CalcArc, ...]
    dropped: tuple[Fact, ...]
    findings: tuple[Finding, ...]


def prune_inconsistent(arcs: tuple[CalcArc, ...], facts: list[Fact], source: str) -> Pruned:
    """Publish the relations that hold over every fact, tables and text together.

    Where a relation fails only in contexts that figures from the text take part in (a
    prior quarter the prose names, with some of its lines), those figures are kept out
    and the relation stays: the statements' own arithmetic outranks a figure in a
    sentence. A relation that fails among table facts alone is withdrawn and reported.
    """
    index = {(f.concept, f.context, f.unit): f for f in facts}
    relations: dict[tuple[str, str], list[CalcArc]] = {}
    for arc in arcs:
        relations.setdefault((arc.role, arc.total), []).append(arc)
    dropped: dict[str, Fact] = {}
    withdrawn: set[tuple[str, str]] = set()
    findings: list[Finding] = []
    changed = True
    while changed:
        changed = False
        for key, items in relations.items():
            if key in withdrawn:
                continue
            places = _inconsistent_contexts(key[1], items, index)
            if not places:
                continue
            prose = [_fewest(key, p, relations, index) for p in places]
            if all(prose):
                for fact in (f for group in prose for f in group):
                    dropped[fact.id] = fact
                    del index[(fact.concept, fact.context, fact.unit)]
                    findings.append(_kept_out(fact, key, source))
            else:
                withdrawn.add(key)
                findings.append(_withdrawn(key, items, places[0][0], index, source))
            changed = True
    kept = tuple(a for a in arcs if (a.role, a.total) not in withdrawn)
    return Pruned(arcs=kept, dropped=tuple(dropped.values()), findings=tuple(findings))


def _kept_out(fact: Fact, key: tuple[str, str], source: str) -> Finding:
    role, total = key
    return Finding(
        code="calc.prose-kept-out",
        severity=Severity.WARNING,
        message=(
            f"{fact.concept} = {fact.value:f} in {fact.context}, stated at line "
            f"{fact.source.line}, would break the printed calculation of {total} ({role}) "
            "for that period; it is not written"
        ),
        numbers={"role": role, "total": total, "context": fact.context, "file": source},
    )


def _withdrawn(
    key: tuple[str, str],
    items: list[CalcArc],
    context: str,
    index: dict[tuple[str, str, str], Fact],
    source: str,
) -> Finding:
    role, total = key
    missing = [a.item for a in items if not any(k[:2] == (a.item, context) for k in index)]
    unprinted = f" (not printed for that period: {', '.join(missing)})" if missing else ""
    return Finding(
        code="calc.withdrawn",
        severity=Severity.WARNING,
        message=(
            f"{total} ({role}) does not equal the sum of "
            f"{', '.join(a.item for a in items)} in {context}{unprinted}; "
            "the relation is not published"
        ),
        numbers={"role": role, "total": total, "context": context, "file": source},
    )


def keep_calculations_consistent(facts: FactSet, source: str) -> FactSet:
    """The facts with only the calculations that hold (`prune_inconsistent`): prose
    figures that would break one are kept out, relations broken among table facts are
    withdrawn, and both are reported. Presentation and extensions lose the concepts only a
    kept-out figure used."""
    pruned = prune_inconsistent(facts.calculations, list(facts.facts), source)
    kept_out = {f.id for f in pruned.dropped}
    # Figures kept out are reported by their findings (the report's unmapped list
    # accounts for table numbers).
    kept = tuple(f for f in facts.facts if f.id not in kept_out)
    used = {f.concept for f in kept}
    unused = {c.name for c in facts.extensions if c.name not in used}
    return facts.model_copy(
        update={
            "facts": kept,
            "calculations": pruned.arcs,
            "findings": facts.findings + pruned.findings,
            "presentation": tuple(
                (role, tuple(n for n in names if n not in unused))
                for role, names in facts.presentation
            ),
            "extensions": tuple(c for c in facts.extensions if c.name in used),
            "prose": _without_kept_out(facts.prose, kept_out),
            "footnotes": tuple(
                note.model_copy(update={"facts": tuple(i for i in note.facts if i not in kept_out)})
                for note in facts.footnotes
            ),
        }
    )


def _without_kept_out(
    records: tuple[ProseRecord, ...], kept_out: set[str]
) -> tuple[ProseRecord, ...]:
    """Prose figures whose fact was kept out (it would break a printed calculation) are
    not facts; their records say so rather than point at a fact that is not written."""
    reason = "would break a calculation the release prints; kept out (calc.prose-kept-out)"
    return tuple(
        r.model_copy(update={"status": ProseStatus.NOT_A_FACT, "fact": None, "reason": reason})
        if r.fact in kept_out
        else r
        for r in records
    )
