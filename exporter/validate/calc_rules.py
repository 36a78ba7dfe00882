"""Calculation rules: balance/weight, relationship sanity, duplicates, excess digits, c11r.

Consistency follows Calculations 1.1 (REC 2023-02-22) with round-to-nearest: each
fact is the interval its `decimals` allow (see `intervals`), duplicates are one value
when their intervals meet, and a total binds to contributors with c-equal context and
u-equal unit. A release can itself be inconsistent, so an inconsistent summation is a
warning; structural faults (weights, excess digits, contradictory duplicates) are errors.
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
    rounding_interval,
    weighted_sum,
)
from exporter.validate.names import local_name
from exporter.validate.subject import BoundFact, Subject

ERROR = Severity.ERROR
Binding = tuple[object, object]


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


def calc_relationships(subject: Subject) -> Iterator[Finding]:
    """Calculations 1.1 calc11e:nonDecimalItemNode and duplicateCalculationRelationships."""
    if subject.dts is None:
        return
    concepts = subject.dts.concepts
    for rel in subject.dts.calculations:
        for end in (rel.source, rel.target):
            info = concepts.get(end)
            if info is not None and not info.numeric:
                yield _arc_finding("calc.non-numeric-arc", f"{local_name(end)} is not numeric", rel)
    for rel in subject.dts.repeated_calculations:
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
    """XBRL 2.1 §4.10 and Calculations 1.1: duplicates must agree within their accuracy."""
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
        yield subject.finding(
            "xbrl.duplicate-consistent" if consistent else "xbrl.duplicate-inconsistent",
            Severity.INFO if consistent else ERROR,
            f"{'consistent' if consistent else 'inconsistent'} duplicate facts "
            f"{local_name(facts[0].fact.name)}: {shown}",
            facts[0].fact.line,
            {"facts": labels},
        )


def excess_digits(subject: Subject) -> Iterator[Finding]:
    """Calculations 1.1 calc11e:excessDigits: no digits below the stated decimals."""
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
    for (name, context, unit), facts in subject.duplicate_groups.items():
        if facts[0].numeric:
            excess = any(f.calculable and has_excess_digits(f.number, f.places) for f in facts)
            interval = None if excess else group_interval(facts)
            bound[name][(context, unit)] = _Bound(tuple(facts), interval)
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
    for (role, source), rels in _trees(subject).items():
        for binding, total in bound.get(source, {}).items():
            items = [(rel, bound.get(rel.target, {}).get(binding)) for rel in rels]
            present = [(rel, item) for rel, item in items if item is not None]
            if not present or total.interval is None:
                continue
            ranges = [(rel.weight, item.interval) for rel, item in present]
            if any(interval is None for _, interval in ranges):
                continue  # contradictory duplicates or excess digits block the binding
            computed = weighted_sum((w, i) for w, i in ranges if i is not None)
            if total.interval.intersect(computed) is None:
                yield _inconsistency(subject, role, total, present, computed)


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
    return subject.finding("calc.inconsistent", Severity.WARNING, message, fact.fact.line, numbers)
