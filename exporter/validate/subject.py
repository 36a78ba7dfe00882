"""What the rules receive: the instance, its DTS, and each fact bound to both.

Binding happens once, before the rules run, so each rule is a short loop over
`Subject.facts` instead of repeating lookups (and their failure handling).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.concepts import ConceptInfo
from exporter.validate.dts import Dts
from exporter.validate.instance import Context, Fact, Instance, Unit, read_fact
from exporter.validate.options import Calc, Profile
from exporter.validate.s_equal import with_typed_contexts
from exporter.validate.values import (
    INF,
    Accuracy,
    inferred_decimals,
    parse_decimals,
    parse_number,
    parse_precision,
)


@dataclass(frozen=True, slots=True)
class BoundFact:
    """A fact with its concept, context, unit and (for valid numerics) parsed value."""

    fact: Fact
    info: ConceptInfo | None
    context: Context | None
    unit: Unit | None
    value: Decimal | None
    decimals: Accuracy | None
    # The tuples the fact sits in, outermost first (empty at the top level).
    ancestors: tuple[int, ...] = ()

    @property
    def parent(self) -> int:
        """Which tuple (by element identity) holds the fact; 0 for the instance itself."""
        return self.ancestors[-1] if self.ancestors else 0

    @property
    def numeric(self) -> bool:
        return self.info is not None and self.info.numeric

    @property
    def calculable(self) -> bool:
        """A finite value with known accuracy: the facts Calculations 1.1 can use."""
        return self.value is not None and self.value.is_finite() and self.decimals is not None

    @property
    def number(self) -> Decimal:
        """The parsed value of a `calculable` fact."""
        if self.value is None:
            raise ValueError(f"fact {self.fact.label} has no numeric value")
        return self.value

    @property
    def places(self) -> int | None:
        """`decimals` as the interval helpers take it: an int, or None for INF."""
        return None if self.decimals == INF or self.decimals is None else int(self.decimals)


FactKey = tuple[str, int, object, object]


@dataclass(frozen=True)
class Subject:
    """One instance under validation; `dts` is None when it could not be loaded."""

    name: str
    instance: Instance
    dts: Dts | None
    facts: tuple[BoundFact, ...]
    profile: Profile = Profile.SPEC
    calc: Calc = Calc.C11
    # The instance's xsi:schemaLocation schemas outside the DTS: (namespace, URL, bytes).
    schema_hints: tuple[tuple[str, str, bytes], ...] = ()

    @cached_property
    def duplicate_groups(self) -> dict[FactKey, list[BoundFact]]:
        """XBRL 2.1 §4.10: items grouped by concept, parent, c-equal context, u-equal unit.

        Facts in different tuples are not duplicates (they are not p-equal); a non-numeric
        item's language stands in for the unit.

        Nil facts and facts without a usable context stay out: they carry no comparable
        value. Groups of one are included (they are what calculations bind).
        """
        groups: dict[FactKey, list[BoundFact]] = defaultdict(list)
        for bf in self.facts:
            if bf.info is None or not bf.info.is_item or bf.fact.nil:
                continue
            if bf.context is None or bf.context.period is None:
                continue
            unit = bf.unit.key if bf.unit is not None else bf.fact.lang
            groups[(bf.fact.name, bf.parent, bf.context.key, unit)].append(bf)
        return dict(groups)

    def finding(
        self,
        code: str,
        severity: Severity,
        message: str,
        line: int | None = None,
        numbers: dict[str, str] | None = None,
    ) -> Finding:
        """A finding located in the instance file at `line`."""
        return Finding(
            code=code,
            severity=severity,
            message=message,
            location=Location(file=self.name, line=line or None),
            numbers=numbers or {},
        )


def bind(
    name: str,
    instance: Instance,
    dts: Dts | None,
    profile: Profile = Profile.SPEC,
    calc: Calc = Calc.C11,
    schema_hints: tuple[tuple[str, str, bytes], ...] = (),
) -> Subject:
    """Bind every fact (tuple children included) to its concept, context and unit."""
    if dts is not None:
        instance = with_typed_contexts(instance, dts)
    facts = tuple(
        _bind(f, instance, dts, ancestors) for f, ancestors in _all_facts(instance.facts, dts, ())
    )
    return Subject(name, instance, dts, facts, profile, calc, schema_hints)


def _all_facts(
    facts: tuple[Fact, ...], dts: Dts | None, ancestors: tuple[int, ...]
) -> Iterator[tuple[Fact, tuple[int, ...]]]:
    for fact in facts:
        yield fact, ancestors
        info = dts.concepts.get(fact.name) if dts else None
        if info is not None and info.is_tuple:
            children = tuple(
                read_fact(c) for c in fact.element.iterchildren() if isinstance(c.tag, str)
            )
            yield from _all_facts(children, dts, (*ancestors, id(fact.element)))


def _with_schema_defaults(fact: Fact, info: ConceptInfo) -> Fact:
    """The fact as XML Schema validation sees it: an absent `decimals`/`precision` takes
    its type's default or fixed value, an empty value its declaration's (XML Schema
    §3.2.4, §3.3.4; nil items keep an empty value)."""
    if info.accuracy_default and fact.decimals is None and fact.precision is None:
        attribute, value = info.accuracy_default
        fact = replace(fact, **{attribute: value})  # type: ignore[arg-type]  # decimals or precision, both text
    default = info.concept.value_default
    children = any(isinstance(child.tag, str) for child in fact.element)
    if default is not None and not fact.nil and not fact.text.strip() and not children:
        fact = replace(fact, text=default)
    return fact


def _bind(fact: Fact, instance: Instance, dts: Dts | None, ancestors: tuple[int, ...]) -> BoundFact:
    info = dts.concepts.get(fact.name) if dts else None
    if info is not None:
        fact = _with_schema_defaults(fact, info)
    value = decimals = None
    if info is not None and info.numeric and not fact.nil:
        value = parse_number(fact.text, info.space)
        decimals = _accuracy(fact, value)
    return BoundFact(
        fact=fact,
        info=info,
        context=instance.context(fact.context_ref),
        unit=instance.unit(fact.unit_ref),
        value=value,
        decimals=decimals,
        ancestors=ancestors,
    )


def _accuracy(fact: Fact, value: Decimal | None) -> Accuracy | None:
    """`decimals` as written, else inferred from `precision` (both: neither is trusted)."""
    if fact.decimals is not None and fact.precision is not None:
        return None
    if fact.decimals is not None:
        return parse_decimals(fact.decimals)
    precision = parse_precision(fact.precision) if fact.precision is not None else None
    if precision is None or value is None:
        return None
    return inferred_decimals(value, precision)
