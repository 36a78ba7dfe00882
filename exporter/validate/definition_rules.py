"""XBRL 2.1 definition-link rules: essence-alias (§5.2.6.2.2) and requires-element (§5.2.6.2.4).

An alias reports the same thing as its essence: the two concepts must agree in type,
period type and balance, and an essence and an alias fact in the same parent with
c-equal contexts must have equal values and u-equal units. A requires-element
relationship asks for a fact of its target wherever its source is reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.dts import Relationship
from exporter.validate.names import ESSENCE_ALIAS, REQUIRES_ELEMENT, local_name
from exporter.validate.subject import BoundFact, Subject


def _relationship_finding(code: str, message: str, rel: Relationship) -> Finding:
    return Finding(
        code=code,
        severity=Severity.ERROR,
        message=message,
        location=Location(file=rel.file, line=rel.line),
        numbers={"role": rel.role, "from": rel.source, "to": rel.target},
    )


def essence_alias_concepts(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.2.6.2.2: essence and alias share item type, period type and balance."""
    concepts = subject.dts.concepts if subject.dts else {}
    for rel in subject.dts.related(ESSENCE_ALIAS) if subject.dts else ():
        essence, alias = concepts.get(rel.source), concepts.get(rel.target)
        if essence is None or alias is None:
            continue
        a, b = essence.concept, alias.concept
        if (a.type, a.period_type, a.balance) != (b.type, b.period_type, b.balance):
            yield _relationship_finding(
                "xbrl.essence-alias-concepts",
                f"essence {local_name(rel.source)} and alias {local_name(rel.target)} differ "
                "in type, period type or balance",
                rel,
            )


def _by_parent_and_context(subject: Subject) -> dict[tuple[str, int, object], list[BoundFact]]:
    groups: dict[tuple[str, int, object], list[BoundFact]] = defaultdict(list)
    for bf in subject.facts:
        if bf.info is not None and bf.info.is_item and not bf.fact.nil and bf.context:
            groups[(bf.fact.name, bf.parent, bf.context.key)].append(bf)
    return groups


def _same_value(a: BoundFact, b: BoundFact) -> bool:
    """v-equality: numbers by value, anything else by its whitespace-normalised text."""
    if a.value is not None and b.value is not None:
        return a.value == b.value
    return " ".join(a.fact.text.split()) == " ".join(b.fact.text.split())


def essence_alias_facts(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.2.6.2.2: essence and alias facts of one parent and c-equal contexts
    have equal values and u-equal units."""
    groups = _by_parent_and_context(subject)
    for rel in subject.dts.related(ESSENCE_ALIAS) if subject.dts else ():
        for (name, parent, context), essences in groups.items():
            if name != rel.source:
                continue
            for essence in essences:
                for alias in groups.get((rel.target, parent, context), ()):
                    units = (essence.unit.key if essence.unit else None) == (
                        alias.unit.key if alias.unit else None
                    )
                    if units and _same_value(essence, alias):
                        continue
                    yield subject.finding(
                        "xbrl.essence-alias-inconsistent",
                        Severity.ERROR,
                        f"essence {essence.fact.label} and alias {alias.fact.label} differ in "
                        "value or unit",
                        alias.fact.line,
                        {"essence": essence.fact.text.strip(), "alias": alias.fact.text.strip()},
                    )


def requires_element(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.2.6.2.4: a fact of the source concept needs one of the target concept."""
    reported = {bf.fact.name for bf in subject.facts}
    for rel in subject.dts.related(REQUIRES_ELEMENT) if subject.dts else ():
        if rel.source in reported and rel.target not in reported:
            yield subject.finding(
                "xbrl.requires-element",
                Severity.ERROR,
                f"{local_name(rel.source)} is reported but {local_name(rel.target)}, which it "
                "requires, is not",
                None,
                {"from": rel.source, "to": rel.target},
            )
