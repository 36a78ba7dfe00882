"""Relationships out of arcs: their ends, and which of them are in effect.

An arc joins every element labelled by its `from` to every element labelled by its
`to` in the same extended link; a relationship between concepts is in effect unless an
equivalent one of higher priority prohibits it (XBRL 2.1 §3.5.3.9.7). Shared by the
calculation, definition and cycle rules, and by the label and reference rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from exporter.validate.documents import Arc, DocumentInfo, ExtendedLink, Resource
from exporter.validate.names import XSD

_ELEMENT_PART = re.compile(r"element\(([^()]*)\)")


def pointer_parts(fragment: str) -> tuple[str, ...] | None:
    """XBRL 2.1 §3.5.4: a shorthand pointer or a sequence of element() parts, each as
    its inner text; None for anything else (xpointer(), xmlns(), ...)."""
    if "(" not in fragment:
        return (fragment,) if fragment else None
    parts = _ELEMENT_PART.findall(fragment)
    if not parts or "".join(f"element({part})" for part in parts) != fragment:
        return None
    return tuple(parts)


def pointed_id(doc: DocumentInfo, fragment: str) -> str | None:
    """The id of the element `fragment` points to in `doc` ("" for an element without
    one), the first element() part that resolves winning; None when none does."""
    for part in pointer_parts(fragment) or ():
        name, slash, steps = part.partition("/")
        if not slash:
            found: str | None = name if name in doc.ids else None
        elif not name:
            found = doc.paths.get(f"/{steps}")
        else:
            base = next((p for p, i in doc.paths.items() if i == name), None)
            found = doc.paths.get(f"{base}/{steps}") if base else None
        if found is not None:
            return found
    return None


Candidate = tuple[Arc, ExtendedLink, str, str]


def candidates(
    docs: dict[str, DocumentInfo],
    by_id: dict[tuple[str, str], str],
    arcroles: frozenset[str] | None = None,
) -> list[Candidate]:
    """Every (arc, link, source concept, target concept) of the given arcroles (None:
    of any arcrole)."""
    candidates: list[Candidate] = []
    for doc in docs.values():
        for link in doc.links:
            labels = concept_labels(link, by_id, docs)
            for arc in link.arcs:
                if arcroles is not None and arc.arcrole not in arcroles:
                    continue
                for source in labels.get(arc.source, ()):
                    for target in labels.get(arc.target, ()):
                        candidates.append((arc, link, source, target))
    return candidates


def attribute_types(docs: dict[str, DocumentInfo]) -> dict[str, str]:
    return {name: type_name for doc in docs.values() for name, type_name in doc.attribute_types}


def concept_labels(
    link: ExtendedLink, by_id: dict[tuple[str, str], str], docs: dict[str, DocumentInfo]
) -> dict[str, list[str]]:
    """The concepts each label of `link` locates."""
    labels: dict[str, list[str]] = {}
    for loc in link.locators:
        target = docs.get(loc.url)
        element = pointed_id(target, loc.fragment) if target is not None else None
        name = by_id.get((loc.url, element or ""))
        if name is not None:
            labels.setdefault(loc.label, []).append(name)
    return labels


def effective(candidates: list[Candidate], types: dict[str, str]) -> Iterator[Candidate]:
    """XBRL 2.1 §3.5.3.9.7.4-5: drop relationships whose highest-priority equivalent is
    prohibited. Equivalent arcs share element, role, ends and every non-exempt attribute
    by value (`order` defaulting to 1); an attribute present on one arc only, even at its
    schema default, makes them different."""
    groups: dict[tuple[object, ...], list[Candidate]] = {}
    for item in candidates:
        arc, link, source, target = item
        key = (link.tag, link.role, arc.tag, arc.arcrole, source, target, _attributes(arc, types))
        groups.setdefault(key, []).append(item)
    for items in groups.values():
        top = max(_priority(item[0]) for item in items)
        winners = [item for item in items if _priority(item[0]) == top]
        if not any(item[0].use == "prohibited" for item in winners):
            yield from winners


_NUMERIC_TYPES = frozenset(
    f"{{{XSD}}}{name}"
    for name in ("decimal", "float", "double", "integer", "int", "long", "short", "byte")
) | frozenset(
    f"{{{XSD}}}{p}Integer" for p in ("nonNegative", "positive", "nonPositive", "negative")
)
_ORDER_DEFAULT = (("order", Decimal(1)),)


def _attributes(arc: Arc, types: dict[str, str]) -> frozenset[tuple[str, object]]:
    """The arc's non-exempt attributes as values of their types (numbers and booleans
    by value, anything else as trimmed text); NaN equals nothing."""
    values: dict[str, object] = dict(_ORDER_DEFAULT)
    for name, text in arc.other:
        values[name] = _typed(text.strip(), types.get(name) or _ARC_TYPES.get(name))
    return frozenset(values.items())


_ARC_TYPES = {"order": f"{{{XSD}}}decimal", "weight": f"{{{XSD}}}decimal"}


def _typed(text: str, type_name: str | None) -> object:
    if type_name == f"{{{XSD}}}boolean":
        return text in ("true", "1")
    if type_name in _NUMERIC_TYPES:
        try:
            number = Decimal(text.replace("INF", "Infinity"))
        except InvalidOperation:
            return text
        return object() if number.is_nan() else number
    return text


def _priority(arc: Arc) -> int:
    try:
        return int(arc.priority)
    except ValueError:
        return 0


def resource_of(doc: DocumentInfo, element_id: str) -> Resource | None:
    """The resource of `doc` whose id is `element_id`, if any."""
    for link in doc.links:
        for resource in link.resources:
            if resource.id == element_id:
                return resource
    return None
