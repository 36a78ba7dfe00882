"""XBRL 2.1 §5.1 rules on a taxonomy schema's declarations of items and tuples.

An item states its period type, carries a balance only when it is monetary, and has a
type derived from one of XBRL's item types (§5.1.1.1-3). A tuple has neither period
type nor balance, and its content holds only references to global declarations, no
text and no attributes of XBRL's namespaces (§4.9, §5.1.1). Only the DTS's own
schemas are checked: XBRL's and the registries' standard schemas are taken as they are.
"""

from __future__ import annotations

from collections.abc import Iterator

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.concepts import ConceptInfo, ItemKind, declared_type
from exporter.validate.names import XBRLI, local_name, namespace
from exporter.validate.s_equal import content_types
from exporter.validate.shapes import XBRL_NAMESPACES
from exporter.validate.sources import display_name, relative_href
from exporter.validate.subject import Subject

_TUPLE_SHAPES = {
    "mixed": "has mixed content",
    "local-element": "declares elements locally instead of referring to global ones",
    "xbrl-attribute": "declares an attribute of an XBRL namespace",
}


def _finding(code: str, message: str, info: ConceptInfo) -> Finding:
    concept = info.concept
    return Finding(
        code=code,
        severity=Severity.ERROR,
        message=message,
        location=Location(file=concept.file, line=concept.line or None),
    )


def _own_concepts(subject: Subject) -> Iterator[ConceptInfo]:
    """The concepts declared in the DTS's own (not standard) schemas."""
    if subject.dts is None:
        return
    own = {display_name(url) for url in subject.dts.documents if relative_href(url) is not None}
    for info in subject.dts.concepts.values():
        if info.concept.file in own:
            yield info


def item_declarations(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.1.1.1-3: an item has a periodType, a balance only if monetary, and a
    type derived from an XBRL item type."""
    if subject.dts is None:
        return
    bases = content_types(subject.dts).bases
    declared = {name: info.concept for name, info in subject.dts.concepts.items()}
    for info in _own_concepts(subject):
        if not info.is_item:
            continue
        name = local_name(info.concept.name)
        if info.concept.period_type is None:
            yield _finding("xbrl.item-period-type", f"item {name} has no periodType", info)
        if info.concept.balance is not None and info.kind is not ItemKind.MONETARY:
            yield _finding(
                "xbrl.item-balance", f"item {name} has a balance but is not monetary", info
            )
        if not _derives_from_xbrl(declared_type(info.concept.name, declared), bases):
            yield _finding("xbrl.item-type", f"the type of item {name} is no XBRL item type", info)


def _derives_from_xbrl(type_name: str | None, bases: dict[str, str]) -> bool:
    seen: set[str] = set()
    while type_name and type_name not in seen:
        if namespace(type_name) == XBRLI:
            return True
        seen.add(type_name)
        type_name = bases.get(type_name)
    return False


def tuple_declarations(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.9, §5.1.1: a tuple has no periodType and no balance, and its content
    refers to global declarations only, with no text and no XBRL-namespace attributes."""
    if subject.dts is None:
        return
    shapes = {
        owner: found
        for doc in subject.dts.documents.values()
        for owner, found in doc.content_shapes
    }
    for info in _own_concepts(subject):
        if not info.is_tuple:
            continue
        concept = info.concept
        name = local_name(concept.name)
        if concept.period_type is not None or concept.balance is not None:
            message = f"tuple {name} has a periodType or a balance"
            yield _finding("xbrl.tuple-attributes", message, info)
        found = shapes.get(concept.name, frozenset()) | shapes.get(concept.type or "", frozenset())
        for shape in sorted(found):
            yield _finding("xbrl.tuple-content", f"tuple {name} {_TUPLE_SHAPES[shape]}", info)


def schema_documents(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.1: a taxonomy schema uses no xsd:redefine and has a non-empty
    targetNamespace."""
    for url, doc in subject.dts.documents.items() if subject.dts else ():
        for message, line in doc.schema_problems:
            yield Finding(
                code="xbrl.schema-document",
                severity=Severity.ERROR,
                message=message,
                location=Location(file=display_name(url), line=line or None),
            )


def tuple_fact_attributes(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.9: a tuple in an instance carries no attribute of XBRL's namespaces."""
    for bf in subject.facts:
        if bf.info is None or not bf.info.is_tuple:
            continue
        for attribute in bf.fact.element.attrib:
            if namespace(attribute) in XBRL_NAMESPACES:
                yield subject.finding(
                    "xbrl.tuple-fact-attribute",
                    Severity.ERROR,
                    f"tuple {bf.fact.label} carries {local_name(attribute)} of an XBRL namespace",
                    bf.fact.line,
                )
