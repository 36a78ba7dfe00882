"""What XBRL 2.1 §5.1 forbids in a taxonomy schema's own markup, read once per document.

Whether a declaration is a tuple or an item is only known once the DTS resolves
substitution groups, so each global element (and named complex type) is read here
for the shapes a tuple may not take: mixed content, local element declarations, and
attributes of XBRL's own namespaces. Schema-wide: `xsd:redefine`, and an empty
`targetNamespace`.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from exporter.validate import names as n

# Namespaces whose attributes a tuple may not declare (XBRL 2.1 §4.9).
XBRL_NAMESPACES = frozenset({n.XBRLI, n.LINK, n.XLINK, "http://www.xbrl.org/2003/XLink"})
_MIXED = "mixed"
_LOCAL_ELEMENT = "local-element"
_XBRL_ATTRIBUTE = "xbrl-attribute"


def content_shapes(root: etree._Element, tns: str | None) -> Iterator[tuple[str, frozenset[str]]]:
    """(global element or named complex type, the tuple-forbidden shapes its content has)."""
    for owner in root.iterchildren(n.XSD_ELEMENT, n.XSD_COMPLEX_TYPE):
        name = owner.get("name")
        shapes = frozenset(_shapes(owner))
        if name and shapes:
            yield (f"{{{tns}}}{name}" if tns else name, shapes)


def _shapes(owner: etree._Element) -> Iterator[str]:
    for el in owner.iter(n.XSD_COMPLEX_TYPE, f"{{{n.XSD}}}complexContent"):
        if (el.get("mixed") or "").strip() in ("true", "1"):
            yield _MIXED
    for el in owner.iterdescendants(n.XSD_ELEMENT):
        if el.get("name"):
            yield _LOCAL_ELEMENT
    for el in owner.iter(f"{{{n.XSD}}}attribute"):
        ref = n.resolve_qname(el.get("ref") or "", el.nsmap) if el.get("ref") else None
        if ref and n.namespace(ref) in XBRL_NAMESPACES:
            yield _XBRL_ATTRIBUTE


def schema_problems(root: etree._Element) -> Iterator[tuple[str, int]]:
    """XBRL 2.1 §5.1: no `xsd:redefine`, and a targetNamespace, if given, not empty."""
    for el in root.iterchildren(f"{{{n.XSD}}}redefine"):
        yield ("xsd:redefine is not allowed in a taxonomy schema", el.sourceline or 0)
    tns = root.get("targetNamespace")
    if tns is not None and not tns.strip():
        yield ("the targetNamespace is empty", root.sourceline or 0)


_APPINFO = f"{{{n.XSD}}}appinfo"


def lax_values(root: etree._Element) -> Iterator[tuple[str, str, str, int]]:
    """Values XML Schema validates laxly in a schema document: attributes of other
    namespaces on its elements, and simple content of appinfo's elements outside the
    link namespace: (kind "attribute" or "element", name, value, line)."""
    for el in root.iter():
        if not isinstance(el.tag, str) or n.namespace(el.tag) != n.XSD:
            continue
        for name, value in el.attrib.items():
            if n.namespace(name) not in ("", n.XSD):
                yield ("attribute", name, value, el.sourceline or 0)
    for appinfo in root.iter(_APPINFO):
        for child in appinfo.iterchildren():
            if not isinstance(child.tag, str) or n.namespace(child.tag) == n.LINK:
                continue
            if not any(isinstance(grand.tag, str) for grand in child):
                yield ("element", child.tag, child.text or "", child.sourceline or 0)
