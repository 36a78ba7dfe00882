"""XBRL 2.1 instance rules: contexts, units, and each fact against its concept.

Every rule is a generator of findings named after what it enforces, its docstring
citing the section. Rules that need concept information skip facts whose concept is
unknown: `concepts` reports those once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml import etree

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.concepts import ConceptInfo, ItemKind
from exporter.validate.documents import repeated_role_refs
from exporter.validate.instance import Context, Unit
from exporter.validate.names import (
    ISO4217,
    XBRLI,
    XBRLI_CONTEXT,
    XBRLI_PURE,
    XBRLI_SHARES,
    XBRLI_XBRL,
    local_name,
    namespace,
)
from exporter.validate.sources import display_name
from exporter.validate.subject import BoundFact, Subject
from exporter.validate.values import parse_decimals, parse_precision

ERROR = Severity.ERROR
_CURRENCY = re.compile(r"[A-Z]{3}")


def _known(subject: Subject) -> Iterator[tuple[BoundFact, ConceptInfo]]:
    """Items whose concept is declared (unknown ones are reported by `concepts`)."""
    for bf in subject.facts:
        if bf.info is not None and bf.info.is_item:
            yield bf, bf.info


def unique_ids(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.7.1, §4.8.1: context and unit ids are XML IDs, unique in the instance."""
    seen: set[str] = set()
    items: list[Context | Unit] = [*subject.instance.contexts, *subject.instance.units]
    for item in items:
        if item.id in seen:
            yield subject.finding(
                "xbrl.duplicate-id", ERROR, f"id {item.id!r} is declared twice", item.line
            )
        seen.add(item.id)


def role_refs(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §3.5.2.4.5, §3.5.2.5.5: no two roleRefs (arcroleRefs) for one URI, in the
    instance and in each linkbase of the DTS."""
    root = subject.instance.root
    in_instance = repeated_role_refs(root) if root.tag == XBRLI_XBRL else ()
    repeats = [(subject.name, r) for r in in_instance]
    for doc in subject.dts.documents.values() if subject.dts else ():
        repeats.extend((display_name(doc.url), r) for r in doc.repeated_refs)
    for file, (element, uri, line) in repeats:
        yield Finding(
            code="xbrl.role-ref-repeated",
            severity=ERROR,
            message=f"a second {element} for {uri}",
            location=Location(file=file, line=line or None),
        )


def arc_duplicates(subject: Subject) -> Iterator[Finding]:
    """XLink 1.0 §5.1.3 (XBRL 2.1 §3.5.3.9): two arcs of one extended link may not join
    the same from and to labels."""
    for doc in subject.dts.documents.values() if subject.dts else ():
        for link in doc.links:
            seen: set[tuple[str, str]] = set()
            for arc in link.arcs:
                if (arc.source, arc.target) in seen:
                    yield Finding(
                        code="xlink.arc-duplicate",
                        severity=ERROR,
                        message=f"a second arc from {arc.source} to {arc.target} in one link",
                        location=Location(file=arc.file, line=arc.line),
                    )
                seen.add((arc.source, arc.target))


def context_content(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.7.3.2, §4.7.4: segment and scenario hold no element of the xbrli
    namespace and no item or tuple."""
    concepts = subject.dts.concepts if subject.dts else {}
    for ctx_el in subject.instance.root.iterchildren(XBRLI_CONTEXT):
        for qualifier in ctx_el.iter(f"{{{XBRLI}}}segment", f"{{{XBRLI}}}scenario"):
            for el in qualifier.iterdescendants():
                if not isinstance(el.tag, str):
                    continue
                info = concepts.get(el.tag)
                if namespace(el.tag) == XBRLI or (info and (info.is_item or info.is_tuple)):
                    yield subject.finding(
                        "xbrl.context-content",
                        ERROR,
                        f"context {ctx_el.get('id')}: {etree.QName(qualifier).localname} holds "
                        f"{el.tag}",
                        el.sourceline,
                    )


def periods(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.7.2: dates must parse and endDate must be later than startDate."""
    for ctx in subject.instance.contexts:
        period = ctx.period
        if period is None:
            text = " / ".join(ctx.period_text)
            yield subject.finding(
                "xbrl.period-invalid", ERROR, f"context {ctx.id}: period {text!r}", ctx.line
            )
        elif period.start and period.end and period.end <= period.start:
            start, end = ctx.period_text[:2] if len(ctx.period_text) > 1 else ("?", "?")
            yield subject.finding(
                "xbrl.end-before-start",
                ERROR,
                f"context {ctx.id}: endDate {end} is not after startDate {start}",
                ctx.line,
                {"startDate": start, "endDate": end},
            )


def entity_schemes(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.7.3.1: a non-empty identifier in a scheme named by an absolute URI.

    XBRL 2.1 only types the scheme as xsd:anyURI; a relative one is legal there (and
    Arelle accepts it) but names nothing, so we reject it."""
    for ctx in subject.instance.contexts:
        if not urlsplit(ctx.scheme).scheme:
            yield subject.finding(
                "xbrl.scheme-invalid",
                ERROR,
                f"context {ctx.id}: identifier {ctx.identifier!r} has scheme {ctx.scheme!r}, "
                "which is not an absolute URI",
                ctx.line,
            )
        if not ctx.identifier:
            yield subject.finding(
                "xbrl.identifier-empty", ERROR, f"context {ctx.id}: empty identifier", ctx.line
            )


def duplicate_contexts(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.10 (s-equal contexts): repeating a context is legal but wasteful."""
    first: dict[object, str] = {}
    for ctx in subject.instance.contexts:
        if ctx.period is None:
            continue
        twin = first.setdefault(ctx.key, ctx.id)
        if twin != ctx.id:
            yield subject.finding(
                "xbrl.duplicate-context",
                Severity.WARNING,
                f"context {ctx.id} equals context {twin}",
                ctx.line,
            )


def unit_measures(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.8.2-4.8.4: measures are bound QNames (in the xbrli namespace only pure
    and shares), a divide shares no measure."""
    for unit in subject.instance.units:
        for measure in (*unit.numerator, *unit.denominator):
            if namespace(measure) == XBRLI and measure not in (XBRLI_PURE, XBRLI_SHARES):
                yield subject.finding(
                    "xbrl.unit-invalid",
                    ERROR,
                    f"unit {unit.id}: {local_name(measure)} is not an xbrli measure",
                    unit.line,
                )
        for text in unit.unbound:
            yield subject.finding(
                "xbrl.unit-invalid",
                ERROR,
                f"unit {unit.id}: measure {text!r} is unbound",
                unit.line,
            )
        if not unit.numerator and not unit.unbound:
            yield subject.finding("xbrl.unit-invalid", ERROR, f"unit {unit.id} is empty", unit.line)
        if set(unit.numerator) & set(unit.denominator):
            yield subject.finding(
                "xbrl.unit-invalid",
                ERROR,
                f"unit {unit.id}: numerator and denominator share a measure",
                unit.line,
            )


def duplicate_units(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.10 (u-equal units): repeating a unit is legal but wasteful."""
    first: dict[object, str] = {}
    for unit in subject.instance.units:
        twin = first.setdefault(unit.key, unit.id)
        if twin != unit.id:
            yield subject.finding(
                "xbrl.duplicate-unit",
                Severity.WARNING,
                f"unit {unit.id} equals unit {twin}",
                unit.line,
            )


def concepts(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.6, §5.1.1: each fact is a declared, non-abstract item or tuple."""
    for bf in subject.facts:
        fact, info = bf.fact, bf.info
        if info is None or not (info.is_item or info.is_tuple):
            what = "is not declared" if info is None else "is not an item or tuple"
            yield subject.finding(
                "xbrl.unknown-concept",
                ERROR,
                f"fact {fact.label}: {fact.name} {what} in the DTS",
                fact.line,
                {"concept": fact.name},
            )
        elif info.concept.abstract:
            yield subject.finding(
                "xbrl.abstract-fact",
                ERROR,
                f"fact {fact.label}: concept {local_name(fact.name)} is abstract",
                fact.line,
            )


def context_refs(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.6.1: an item's contextRef names a context of the instance."""
    for bf in subject.facts:
        if bf.info is not None and bf.info.is_tuple:
            continue
        if bf.context is None:
            ref = bf.fact.context_ref
            yield subject.finding(
                "xbrl.missing-context",
                ERROR,
                f"fact {bf.fact.label}: context {ref!r} does not exist"
                if ref
                else f"fact {bf.fact.label} has no contextRef",
                bf.fact.line,
            )


def unit_refs(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.6.2: numeric items name an existing unit; non-numeric items name none."""
    for bf, _ in _known(subject):
        fact = bf.fact
        if bf.numeric and bf.unit is None:
            problem = f"unit {fact.unit_ref!r} does not exist" if fact.unit_ref else "no unitRef"
            yield subject.finding(
                "xbrl.missing-unit", ERROR, f"numeric fact {fact.label}: {problem}", fact.line
            )
        elif not bf.numeric and fact.unit_ref is not None:
            yield subject.finding(
                "xbrl.unexpected-unit",
                ERROR,
                f"non-numeric fact {fact.label} has a unitRef",
                fact.line,
            )


def accuracy(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.6.3-4.6.5: numeric non-nil items have decimals or precision, not both."""
    for bf, info in _known(subject):
        fact = bf.fact
        if not info.numeric or info.kind is ItemKind.FRACTION:
            if fact.decimals is not None or fact.precision is not None:
                yield subject.finding(
                    "xbrl.unexpected-decimals",
                    ERROR,
                    f"fact {fact.label} of a non-numeric or fraction concept has decimals",
                    fact.line,
                )
            continue
        yield from _numeric_accuracy(subject, bf)


def _numeric_accuracy(subject: Subject, bf: BoundFact) -> Iterator[Finding]:
    fact = bf.fact
    if fact.decimals is not None and fact.precision is not None:
        yield subject.finding(
            "xbrl.decimals-and-precision", ERROR, f"fact {fact.label} has both", fact.line
        )
    elif fact.decimals is None and fact.precision is None and not fact.nil:
        yield subject.finding(
            "xbrl.decimals-missing", ERROR, f"fact {fact.label} has no decimals", fact.line
        )
    if fact.decimals is not None and parse_decimals(fact.decimals) is None:
        yield subject.finding(
            "xbrl.decimals-invalid",
            ERROR,
            f"fact {fact.label}: decimals={fact.decimals!r} is neither an integer nor INF",
            fact.line,
        )
    if fact.precision is not None and parse_precision(fact.precision) is None:
        yield subject.finding(
            "xbrl.decimals-invalid",
            ERROR,
            f"fact {fact.label}: precision={fact.precision!r} is not a non-negative integer or INF",
            fact.line,
        )


def values(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.1.1.3: a numeric value is in the lexical space of its item type."""
    for bf, info in _known(subject):
        fact = bf.fact
        if (
            info.numeric
            and info.kind is not ItemKind.FRACTION
            and not fact.nil
            and bf.value is None
        ):
            yield subject.finding(
                "xbrl.value-invalid",
                ERROR,
                f"fact {fact.label}: {fact.text.strip()!r} is not a {info.space} value",
                fact.line,
            )


def nils(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.6.3, XML Schema: xsi:nil only if nillable, then empty, without decimals."""
    for bf, info in _known(subject):
        fact = bf.fact
        if not fact.nil:
            continue
        if not info.concept.nillable:
            yield subject.finding(
                "xbrl.nil-not-nillable",
                ERROR,
                f"fact {fact.label} is nil but its concept is not nillable",
                fact.line,
            )
        if fact.decimals is not None or fact.precision is not None:
            yield subject.finding(
                "xbrl.nil-with-decimals",
                ERROR,
                f"nil fact {fact.label} has decimals or precision",
                fact.line,
            )
        if fact.text.strip() or len(fact.element):
            yield subject.finding(
                "xbrl.nil-with-value", ERROR, f"nil fact {fact.label} has content", fact.line
            )


def period_types(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.1.1.1: an instant concept needs an instant context, duration a period."""
    for bf, info in _known(subject):
        if bf.context is None or bf.context.period is None:
            continue
        wanted = info.concept.period_type
        kind = bf.context.period.kind
        if (wanted == "instant") != (kind == "instant"):
            yield subject.finding(
                "xbrl.period-type-mismatch",
                ERROR,
                f"fact {bf.fact.label}: concept {local_name(bf.fact.name)} has periodType "
                f"{wanted} but context {bf.context.id} is {kind}",
                bf.fact.line,
                {"periodType": str(wanted), "context": bf.context.id},
            )


def unit_types(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.8.2: a monetary item's unit is one ISO 4217 currency, a shares item's
    xbrli:shares."""
    yield from _unit_type_findings(subject, _SPEC_UNIT_KINDS)


def registry_unit_types(subject: Subject) -> Iterator[Finding]:
    """The exporter's profile: the Units Registry's pure, percent and per-share units."""
    yield from _unit_type_findings(subject, _REGISTRY_UNIT_KINDS)


_SPEC_UNIT_KINDS = frozenset({ItemKind.MONETARY, ItemKind.SHARES})
_REGISTRY_UNIT_KINDS = frozenset({ItemKind.PURE, ItemKind.PERCENT, ItemKind.PER_SHARE})


def _unit_type_findings(subject: Subject, kinds: frozenset[ItemKind]) -> Iterator[Finding]:
    for bf, info in _known(subject):
        if bf.unit is None or not info.numeric or info.kind not in kinds:
            continue
        kind = info.kind
        problem = unit_problem(kind, bf.unit)
        if problem:
            yield subject.finding(
                "xbrl.unit-type-mismatch",
                ERROR,
                f"fact {bf.fact.label} ({kind}): unit {bf.unit.id} {problem}",
                bf.fact.line,
                {"kind": str(kind), "unit": bf.unit.id},
            )


def _is_currency(measure: str) -> bool:
    return namespace(measure) == ISO4217 and bool(_CURRENCY.fullmatch(local_name(measure)))


def unit_problem(kind: ItemKind, unit: Unit) -> str | None:
    """Why `unit` does not fit an item of `kind`, or None if it fits."""
    num, den = unit.numerator, unit.denominator
    simple = not den and len(num) == 1
    if kind is ItemKind.MONETARY and not (simple and _is_currency(num[0])):
        return "is not a single ISO 4217 currency"
    if kind is ItemKind.SHARES and not (simple and num[0] == XBRLI_SHARES):
        return "is not xbrli:shares"
    if kind in (ItemKind.PURE, ItemKind.PERCENT) and not (simple and num[0] == XBRLI_PURE):
        return "is not xbrli:pure"
    if kind is ItemKind.PER_SHARE:
        fits = len(num) == 1 and _is_currency(num[0]) and den == (XBRLI_SHARES,)
        return None if fits else "is not a currency divided by xbrli:shares"
    return None
