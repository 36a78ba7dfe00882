"""Calculation rules: balance/weight, relationship sanity, duplicates, excess digits, c11r.

Consistency follows Calculations 1.1 (REC 2023-02-22) with round-to-nearest: each
fact is the interval its `decimals` allow (see `intervals`), duplicates are one value
when their intervals meet, and a total binds to contributors with c-equal context and
u-equal unit. Calculations 1.0 (`--calc c10`) follows XBRL 2.1 §5.2.5.2 instead: each
value rounded to its decimals, the sum rounded to the total's. An inconsistent summation
is a warning in severity and an inconsistency in the result (a release can itself be
inconsistent); structural faults (weights, and under the exporter's profile excess digits
and contradictory duplicates) are errors.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.dts import CalcRelationship
from exporter.validate.intervals import (
    Interval,
    common_interval,
    exact_weighted_total,
    has_excess_digits,
    round_half_even,
    rounding_interval,
    weighted_sum,
)
from exporter.validate.names import local_name
from exporter.validate.options import Profile
from exporter.validate.result import CALC_EXCESS_DIGITS, CALC_INCONSISTENT
from exporter.validate.subject import BoundFact, Subject
from exporter.validate.values import INF

ERROR = Severity.ERROR
Binding = tuple[int, object, object]


def _arc_finding(code: str, message: str, rel: CalcRelationship) -> Finding:
    numbers = {"role": rel.role, "from": rel.source, "to": rel.target, "weight": str(rel.weight)}
    return Finding(
        code=code,
        severity=ERROR,
        message=message,
        location=Location(file=rel.file, line=rel.line),
        numbers=numbers,
    )


def balance_weights(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.1.1.2: same balance needs a positive weight, opposite a negative one."""
    concepts = subject.dts.concepts if subject.dts else {}
    for rel in subject.dts.calculations if subject.dts else ():
        total, item = concepts.get(rel.source), concepts.get(rel.target)
        if total is None or item is None:
            continue
        a, b = total.concept.balance, item.concept.balance
        if a and b and (a == b) != (rel.weight > 0):
            yield _arc_finding(
                "xbrl.balance-weight",
                f"{local_name(rel.source)} ({a}) to {local_name(rel.target)} ({b}) "
                f"has weight {rel.weight}",
                rel,
            )


def summation_endpoints(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.2.5.2 (and Calculations 1.1 calc11e:nonDecimalItemNode): both ends of
    a summation-item relationship are numeric items."""
    if subject.dts is None:
        return
    concepts = subject.dts.concepts
    for rel in subject.dts.calculations:
        for end in (rel.source, rel.target):
            info = concepts.get(end)
            if info is not None and not info.numeric:
                yield _arc_finding("calc.non-numeric-arc", f"{local_name(end)} is not numeric", rel)


def calc_relationships(subject: Subject) -> Iterator[Finding]:
    """Calculations 1.1 calc11e:duplicateCalculationRelationships."""
    for rel in subject.dts.repeated_calculations if subject.dts else ():
        yield _arc_finding(
            "calc.duplicate-arc",
            f"{local_name(rel.source)} to {local_name(rel.target)} is declared twice",
            rel,
        )


def group_interval(facts: list[BoundFact]) -> Interval | None:
    """The value range of a consistent duplicate set, None if the facts contradict.

    Calculations 1.1 "Duplicate facts": the value ranges must meet; facts with equal
    decimals must also have equal values.
    """
    by_places: dict[int | None, Decimal] = {}
    for bf in facts:
        if not bf.calculable:
            return None
        if by_places.setdefault(bf.places, bf.number) != bf.number:
            return None
    return common_interval(rounding_interval(bf.number, bf.places) for bf in facts)


def _text_consistent(facts: list[BoundFact]) -> bool:
    return len({" ".join(bf.fact.text.split()) for bf in facts}) == 1


def duplicate_facts(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.10: duplicate items, reported; inconsistent ones are errors only under
    the exporter's profile (XBRL 2.1 allows them; calculations then skip the binding)."""
    strict = subject.profile == Profile.EXPORTER
    for facts in subject.duplicate_groups.values():
        if len(facts) < 2:
            continue
        if any(bf.numeric and not bf.calculable for bf in facts):
            continue  # an invalid value or accuracy is reported by its own rule
        consistent = (
            group_interval(facts) is not None if facts[0].numeric else _text_consistent(facts)
        )
        labels = ", ".join(bf.fact.label for bf in facts)
        shown = ", ".join(f"{bf.fact.text.strip()} (decimals {bf.fact.decimals})" for bf in facts)
        severity = Severity.INFO if consistent else ERROR if strict else Severity.WARNING
        yield subject.finding(
            "xbrl.duplicate-consistent" if consistent else "xbrl.duplicate-inconsistent",
            severity,
            f"{'consistent' if consistent else 'inconsistent'} duplicate facts "
            f"{local_name(facts[0].fact.name)}: {shown}",
            facts[0].fact.line,
            {"facts": labels},
        )


def excess_digits(subject: Subject) -> Iterator[Finding]:
    """The exporter's rule: no fact carries digits below its decimals, in a calculation or
    not (Calculations 1.1 calc11e:excessDigits asks it of bound facts only)."""
    for bf in subject.facts:
        if bf.calculable and has_excess_digits(bf.number, bf.places):
            yield subject.finding(
                "calc.excess-digits",
                ERROR,
                f"fact {bf.fact.label}: value {bf.fact.text.strip()} has digits below "
                f"decimals={bf.fact.decimals}",
                bf.fact.line,
                {"value": bf.fact.text.strip(), "decimals": str(bf.fact.decimals)},
            )


@dataclass(frozen=True, slots=True)
class _Bound:
    """One concept's duplicate set in one binding, reduced to its value range."""

    facts: tuple[BoundFact, ...]
    interval: Interval | None

    @property
    def best(self) -> BoundFact:
        """The most precise fact (largest decimals; INF wins)."""
        return max(self.facts, key=lambda bf: float("inf") if bf.places is None else bf.places)


def _bindings(subject: Subject) -> dict[str, dict[Binding, _Bound]]:
    bound: dict[str, dict[Binding, _Bound]] = defaultdict(dict)
    for (name, parent, context, unit), facts in subject.duplicate_groups.items():
        if facts[0].numeric:
            excess = any(f.calculable and has_excess_digits(f.number, f.places) for f in facts)
            interval = None if excess else group_interval(facts)
            bound[name][(parent, context, unit)] = _Bound(tuple(facts), interval)
    return bound


def _trees(subject: Subject) -> dict[tuple[str, str], list[CalcRelationship]]:
    trees: dict[tuple[str, str], list[CalcRelationship]] = defaultdict(list)
    for rel in subject.dts.calculations if subject.dts else ():
        trees[(rel.role, rel.source)].append(rel)
    for rels in trees.values():
        rels.sort(key=lambda rel: rel.order)
    return trees


def rounding(subject: Subject) -> Iterator[Finding]:
    """Calculations 1.1 (round-to-nearest): a total's range meets its contributors' sum."""
    bound = _bindings(subject)
    stopped: dict[int, BoundFact] = {}
    for (role, source), rels in _trees(subject).items():
        for binding, total in bound.get(source, {}).items():
            items = [(rel, bound.get(rel.target, {}).get(binding)) for rel in rels]
            present = [(rel, item) for rel, item in items if item is not None]
            if not present:
                continue
            ranges = [(rel.weight, item.interval) for rel, item in present]
            blocked = [item for _, item in present if item.interval is None]
            if total.interval is None or blocked:
                for group in (total, *blocked):
                    stopped.update((id(bf), bf) for bf in group.facts if _has_excess(bf))
                continue  # contradictory duplicates or excess digits block the binding
            computed = weighted_sum((w, i) for w, i in ranges if i is not None)
            if total.interval.intersect(computed) is None:
                yield _inconsistency(subject, role, total, present, computed)
    yield from (_excess_digits_bound(subject, bf) for bf in stopped.values())


def _has_excess(bf: BoundFact) -> bool:
    return bf.calculable and has_excess_digits(bf.number, bf.places)


def _inconsistency(
    subject: Subject,
    role: str,
    total: _Bound,
    present: list[tuple[CalcRelationship, _Bound]],
    computed: Interval,
) -> Finding:
    fact = total.best
    exact = exact_weighted_total((rel.weight, item.best.number) for rel, item in present)
    contributors = ", ".join(f"{item.best.fact.label} ({rel.weight:+})" for rel, item in present)
    numbers = {
        "concept": local_name(fact.fact.name),
        "role": role,
        "context": fact.fact.context_ref or "",
        "unit": fact.fact.unit_ref or "",
        "total": str(fact.value),
        "total_interval": str(total.interval),
        "computed_sum": f"{exact:f}",
        "sum_interval": str(computed),
        "contributors": contributors,
    }
    message = (
        f"{numbers['concept']} = {fact.value} in context {numbers['context']} but its "
        f"contributors sum to {exact:f} (allowed {computed}, total allows {total.interval}) "
        f"in {role}"
    )
    return subject.finding(CALC_INCONSISTENT, Severity.WARNING, message, fact.fact.line, numbers)


def _excess_digits_bound(subject: Subject, bf: BoundFact) -> Finding:
    """Calculations 1.1 calc11e:excessDigits: a bound fact with digits below its decimals
    stops the check of its summation, an inconsistency."""
    return subject.finding(
        CALC_EXCESS_DIGITS,
        Severity.WARNING,
        f"fact {bf.fact.label}: value {bf.fact.text.strip()} has digits below "
        f"decimals={bf.fact.decimals}; its calculation is not checked",
        bf.fact.line,
        {"value": bf.fact.text.strip(), "decimals": str(bf.fact.decimals)},
    )


C10Key = tuple[str, int, object, object]


def _c10_facts(
    subject: Subject,
) -> tuple[dict[C10Key, list[BoundFact]], dict[C10Key, list[BoundFact]]]:
    """XBRL 2.1 §5.2.5.2 binding: contributors (valid, non-nil) by every enclosing tuple
    and the instance; totals (nil ones too: a duplicate total is not bound) by parent."""
    items: dict[C10Key, list[BoundFact]] = defaultdict(list)
    totals: dict[C10Key, list[BoundFact]] = defaultdict(list)
    for bf in subject.facts:
        if not bf.numeric or bf.context is None or bf.unit is None:
            continue
        if bf.context.period is None or (bf.value is None and not bf.fact.nil):
            continue
        context, unit = bf.context.key, bf.unit.key
        totals[(bf.fact.name, bf.parent, context, unit)].append(bf)
        if not bf.fact.nil:
            for ancestor in (0, *bf.ancestors):
                items[(bf.fact.name, ancestor, context, unit)].append(bf)
    return items, totals


def c10_rounded(bf: BoundFact, value: Decimal) -> Decimal | None:
    """`value` rounded (half to even) to the decimals `bf` states or implies (XBRL 2.1
    §4.6.6, §5.2.5.2); None where no rounding is defined (precision 0)."""
    fact = bf.fact
    if INF in ((fact.decimals or "").strip(), (fact.precision or "").strip()):
        return value
    if fact.precision is not None:
        if bf.number == 0:
            return Decimal(0)
        if bf.decimals is None:
            return None
        return round_half_even(value, int(bf.decimals))
    if bf.decimals is None:
        return value
    return round_half_even(value, int(bf.decimals))


def summations_c10(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.2.5.2: the total, rounded to its decimals, equals the weighted sum of
    its contributors each rounded to theirs, rounded to the total's decimals. Duplicated
    totals or contributors leave the binding unchecked."""
    items, totals = _c10_facts(subject)
    duplicated = {
        id(bf) for group in totals.values() if len(group) > 1 for bf in group if not bf.fact.nil
    }
    by_concept: dict[str, list[C10Key]] = defaultdict(list)
    for key in totals:
        by_concept[key[0]].append(key)
    for (role, source), rels in _trees(subject).items():
        for key in by_concept.get(source, ()):
            (total,) = totals[key] if len(totals[key]) == 1 else (None,)
            if total is not None and total.fact.nil:
                continue
            terms = [(rel, bf) for rel in rels for bf in items.get((rel.target, *key[1:]), ())]
            if total is None or id(total) in duplicated or not terms:
                continue
            if any(id(bf) in duplicated for _, bf in terms):
                continue
            finding = _c10_check(subject, role, total, terms)
            if finding is not None:
                yield finding


def _c10_check(
    subject: Subject, role: str, total: BoundFact, terms: list[tuple[CalcRelationship, BoundFact]]
) -> Finding | None:
    rounded = [c10_rounded(bf, bf.number) for _, bf in terms]
    reported = c10_rounded(total, total.number)
    known = [r for r in rounded if r is not None]
    if reported is not None and len(known) == len(rounded):
        pairs = zip(terms, known, strict=True)
        exact = exact_weighted_total((rel.weight, r) for (rel, _), r in pairs)
        computed = c10_rounded(total, exact)
        if computed == reported:
            return None
    else:
        exact = exact_weighted_total((rel.weight, bf.number) for rel, bf in terms)
    contributors = ", ".join(f"{bf.fact.label} ({rel.weight:+})" for rel, bf in terms)
    numbers = {
        "concept": local_name(total.fact.name),
        "role": role,
        "context": total.fact.context_ref or "",
        "unit": total.fact.unit_ref or "",
        "total": str(total.value),
        "computed_sum": f"{exact:f}",
        "contributors": contributors,
    }
    message = (
        f"{numbers['concept']} = {total.value} in context {numbers['context']} but its "
        f"contributors, rounded to their decimals, sum to {exact:f} in {role}"
    )
    return subject.finding(CALC_INCONSISTENT, Severity.WARNING, message, total.fact.line, numbers)
