"""S-equality of segment and scenario content by typed value (XBRL 2.1 §4.10).

Two contexts are s-equal when their segments and scenarios are: same elements in the
same order, same attributes, and x-equal values, that is equal as values of their XML
Schema types (§4.10, table 3). `+1.0` and `1` are the same decimal, `321E-2` and
`0.321E1` the same double, `1` and `true` the same boolean, and NaN equals nothing,
itself included. Types come from the DTS's declarations of the elements and their
attributes; an absent attribute or an empty element takes its declared default (or
fixed) value first, as XML Schema validation would give it (§3.2.4, §3.3.4).
Anything not declared is compared as text, trimmed, prefixed QNames expanded, as
before the DTS is known.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from lxml import etree

from exporter.validate.cache import LruCache
from exporter.validate.dts import Dts
from exporter.validate.instance import Context, Instance, s_value
from exporter.validate.names import XBRLI, XBRLI_CONTEXT, XSD, tag

_DECIMALS = frozenset(
    f"{{{XSD}}}{name}"
    for name in [
        "decimal",
        "integer",
        "long",
        "int",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    ]
)
_FLOATS = frozenset({f"{{{XSD}}}float", f"{{{XSD}}}double"})
_BOOLEAN = f"{{{XSD}}}boolean"


@dataclass(frozen=True)
class ContentTypes:
    """What the DTS declares about elements and attributes that may appear in contexts."""

    elements: dict[str, tuple[str | None, str | None]]  # element -> (type, default)
    attributes: dict[str, dict[str, tuple[str | None, str | None]]]  # owner -> attribute ->
    bases: dict[str, str]

    def builtin(self, type_name: str | None) -> str | None:
        """The XML Schema built-in type `type_name` derives from (None if unknown)."""
        seen: set[str] = set()
        while type_name and not type_name.startswith(f"{{{XSD}}}") and type_name not in seen:
            seen.add(type_name)
            type_name = self.bases.get(type_name)
        return type_name

    def attributes_of(self, element: str) -> dict[str, tuple[str | None, str | None]]:
        """The attributes declared for `element`: its own type's, then its base types'."""
        found: dict[str, tuple[str | None, str | None]] = {}
        owner: str | None = element
        type_name = self.elements.get(element, (None, None))[0]
        seen: set[str] = set()
        while owner and owner not in seen:
            seen.add(owner)
            for name, declared in self.attributes.get(owner, {}).items():
                found.setdefault(name, declared)
            owner, type_name = type_name, self.bases.get(type_name or "")
        return found


_CACHE: LruCache[str, ContentTypes] = LruCache(16)


def content_types(dts: Dts) -> ContentTypes:
    """The DTS's element and attribute declarations (cached with the DTS's key)."""
    return _CACHE.get_or_build(dts.key, lambda: _content_types(dts))


def _content_types(dts: Dts) -> ContentTypes:
    elements: dict[str, tuple[str | None, str | None]] = {}
    attributes: dict[str, dict[str, tuple[str | None, str | None]]] = {}
    bases: dict[str, str] = {}
    for doc in dts.documents.values():
        for concept in doc.concepts:
            elements[concept.name] = (concept.type, concept.value_default)
        for owner, name, type_name, default in doc.attribute_declarations:
            attributes.setdefault(owner, {})[name] = (type_name, default)
        for name, type_name in doc.attribute_types:
            attributes.setdefault("", {})[name] = (type_name, None)
        bases.update(doc.type_bases)
    return ContentTypes(elements, attributes, bases)


def typed(text: str, builtin: str | None, nsmap: dict[str | None, str]) -> object:
    """`text` as a value of the built-in type `builtin`; NaN as a value equal to nothing."""
    value = text.strip()
    try:
        if builtin in _DECIMALS:
            return Decimal(value)
        if builtin in _FLOATS:
            number = float(value.replace("INF", "inf"))
            return object() if number != number else number
    except (InvalidOperation, ValueError):
        return value
    if builtin == _BOOLEAN and value in ("true", "false", "1", "0"):
        return value in ("true", "1")
    return s_value(value, nsmap)


def s_key(el: etree._Element, types: ContentTypes) -> tuple[object, ...]:
    """`el` as s-equality compares it: name, typed attributes (defaults applied), typed
    text, and children in order."""
    children = tuple(s_key(c, types) for c in el.iterchildren() if isinstance(c.tag, str))
    declared = types.attributes_of(tag(el))
    globals_ = types.attributes.get("", {})
    attributes = {}
    for name, (type_name, default) in declared.items():
        if default is not None and name not in el.attrib:
            attributes[name] = typed(default, types.builtin(type_name), el.nsmap)
    for name, value in el.attrib.items():
        type_name = (declared.get(name) or globals_.get(name) or (None, None))[0]
        attributes[name] = typed(value, types.builtin(type_name), el.nsmap)
    type_name, default = types.elements.get(tag(el), (None, None))
    text = ""
    if not children:
        text = el.text or ""
        if not text.strip() and default is not None:
            text = default
    content = typed(text, types.builtin(type_name), el.nsmap)
    return (el.tag, frozenset(attributes.items()), content, children)


def with_typed_contexts(instance: Instance, dts: Dts) -> Instance:
    """The instance whose contexts' segments and scenarios compare by typed value."""
    if all(c.qualifiers == (None, None) for c in instance.contexts):
        return instance
    types = content_types(dts)
    elements = list(instance.root.iterchildren(XBRLI_CONTEXT))
    contexts = tuple(
        replace(context, qualifiers=_qualifiers(el, types))
        if context.qualifiers != (None, None)
        else context
        for context, el in zip(instance.contexts, elements, strict=True)
    )
    index: dict[str, Context] = {}
    for context in contexts:
        index.setdefault(context.id, context)
    return replace(instance, contexts=contexts, context_index=index)


def _qualifiers(el: etree._Element, types: ContentTypes) -> tuple[object, ...]:
    entity = el.find(f"{{{XBRLI}}}entity")
    segment = entity.find(f"{{{XBRLI}}}segment") if entity is not None else None
    scenario = el.find(f"{{{XBRLI}}}scenario")
    return tuple(s_key(q, types) if q is not None else None for q in (segment, scenario))
