"""What one DTS document contributes: references, concepts, type bases, ids and links.

A schema or linkbase is reduced to plain frozen records once and cached by URL and
content hash, so converting thousands of releases against one taxonomy parses the
taxonomy once. Embedded linkbases (`xsd:appinfo/link:linkbase`) are read like
standalone ones, with hrefs relative to the schema (XBRL 2.1 §5.1.2).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin

from lxml import etree

from exporter.validate import names as n
from exporter.validate.cache import LruCache
from exporter.validate.concepts import Concept
from exporter.validate.roles import LinkbaseRoles, RoleDeclaration, declarations, linkbase_roles
from exporter.validate.shapes import content_shapes, lax_values, schema_problems
from exporter.validate.sources import display_name, parse


@dataclass(frozen=True, slots=True)
class Reference:
    """A document reference found during discovery (XBRL 2.1 §3.2), with its origin."""

    url: str
    kind: str
    file: str
    line: int
    role: str = ""  # a linkbaseRef's xlink:role (XBRL 2.1 §4.3.4)


@dataclass(frozen=True, slots=True)
class Locator:
    """An `xlink:type="locator"` element: its label and the document/fragment it points to."""

    label: str
    url: str
    fragment: str
    file: str
    line: int
    discovers: bool = True  # a link:loc (XBRL 2.1 §3.2)


@dataclass(frozen=True, slots=True)
class Arc:
    """An `xlink:type="arc"` element with the attributes calculation checks need."""

    tag: str
    arcrole: str
    source: str
    target: str
    weight: str | None
    order: str | None
    use: str
    priority: str
    file: str
    line: int
    # Attributes that decide equivalence (XBRL 2.1 §3.5.3.9.7.4): all but `use`,
    # `priority` and XLink's, as written, sorted by name.
    other: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Resource:
    """An `xlink:type="resource"` element (a label, a reference, a footnote...)."""

    label: str
    tag: str
    role: str
    id: str | None
    line: int


@dataclass(frozen=True, slots=True)
class ExtendedLink:
    """One extended link (e.g. `link:calculationLink`) and its locators, arcs and
    resources."""

    tag: str
    role: str
    locators: tuple[Locator, ...]
    arcs: tuple[Arc, ...]
    resources: tuple[Resource, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Everything validation needs from one schema or linkbase document."""

    url: str
    is_schema: bool
    has_components: bool
    target_namespace: str | None
    references: tuple[Reference, ...]
    concepts: tuple[Concept, ...]
    type_bases: tuple[tuple[str, str], ...]
    ids: frozenset[str]
    concept_ids: tuple[tuple[str, str], ...]
    links: tuple[ExtendedLink, ...]
    # roleRef/arcroleRef repeating a URI in one linkbase: (element, URI, line).
    repeated_refs: tuple[tuple[str, str, int], ...] = ()
    # Global attribute declarations: (attribute, its type), Clark names.
    attribute_types: tuple[tuple[str, str], ...] = ()
    # `decimals`/`precision` a named type gives by default or fixes: (type, attribute, value).
    accuracy_defaults: tuple[tuple[str, str, str], ...] = ()
    # Attributes of global elements and named complex types, for s-equality (XBRL 2.1
    # §4.10): (owning element or type, attribute, its type, its default or fixed value).
    attribute_declarations: tuple[tuple[str, str, str | None, str | None], ...] = ()
    # Global elements and named types with content a tuple may not have (§4.9, §5.1).
    content_shapes: tuple[tuple[str, frozenset[str]], ...] = ()
    # Values XML Schema validates laxly: (kind, attribute or element, value, line).
    lax_values: tuple[tuple[str, str, str, int], ...] = ()
    # XBRL 2.1 §5.1 problems of the schema itself: (message, line).
    schema_problems: tuple[tuple[str, int], ...] = ()
    # Child sequences (`/1/3`, XPointer element() scheme) of the root, its children and
    # every element with an id -> that element's id ("" when it has none).
    paths: dict[str, str] = field(default_factory=dict)
    # roleType and arcroleType declarations of a schema (XBRL 2.1 §5.1.3, §5.1.4).
    role_declarations: tuple[RoleDeclaration, ...] = ()
    # Each linkbase's roleRefs, arcroleRefs and the roles its links use (§3.5.2.4-5).
    linkbase_roles: tuple[LinkbaseRoles, ...] = ()


class DocumentError(Exception):
    """A DTS document is not well-formed XML or is neither a schema nor a linkbase."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message, line)
        self.message = message
        self.line = line


_CACHE: LruCache[tuple[str, str], DocumentInfo] = LruCache(256)


def read_document(url: str, data: bytes, key: str) -> DocumentInfo:
    """The cached `DocumentInfo` of `data` read as the document at `url` (hash `key`)."""
    return _CACHE.get_or_build((url, key), lambda: _extract(url, data))


def _extract(url: str, data: bytes) -> DocumentInfo:
    try:
        root = parse(data, url)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"not well-formed: {exc.msg}", exc.lineno) from exc
    if root.tag == n.XSD_SCHEMA:
        return _schema_info(url, root)
    if root.tag == n.LINK_LINKBASE:
        links, refs = _linkbase_parts(url, root, display_name(url))
        ids = frozenset(_ids(root))
        repeated = tuple(repeated_role_refs(root))
        roles = (linkbase_roles(url, root, display_name(url)),)
        return DocumentInfo(
            *(url, False, False, None, refs, (), (), ids, (), links, repeated),
            linkbase_roles=roles,
            paths=child_sequences(root),
        )
    raise DocumentError(f"root element {n.tag(root)} is neither xsd:schema nor link:linkbase", 1)


_URI_ATTRIBUTES = {n.LINK_ROLE_REF: "roleURI", n.LINK_ARCROLE_REF: "arcroleURI"}


def repeated_role_refs(parent: etree._Element) -> Iterator[tuple[str, str, int]]:
    """XBRL 2.1 §3.5.2.4.5, §3.5.2.5.5: one roleRef per roleURI and one arcroleRef per
    arcroleURI among the children of a linkbase (or an instance): the repeats."""
    seen: set[tuple[str, str]] = set()
    for el in parent.iterchildren(n.LINK_ROLE_REF, n.LINK_ARCROLE_REF):
        key = (etree.QName(el).localname, (el.get(_URI_ATTRIBUTES[n.tag(el)]) or "").strip())
        if key in seen:
            yield (*key, el.sourceline or 0)
        seen.add(key)


def _ids(root: etree._Element) -> list[str]:
    return [i for el in root.iter() if isinstance(el.tag, str) and (i := el.get("id"))]


def child_sequences(root: etree._Element) -> dict[str, str]:
    """XPointer element() child sequences (`/1`, `/1/3`) of the root, its children and
    every element with an id, each to the element's id ("" for none)."""
    paths = {"/1": root.get("id", "")}
    stack = [(root, "/1")]
    while stack:
        parent, path = stack.pop()
        index = 0
        for child in parent.iterchildren():
            if not isinstance(child.tag, str):
                continue
            index += 1
            child_path = f"{path}/{index}"
            if parent is root or child.get("id"):
                paths[child_path] = child.get("id", "")
            stack.append((child, child_path))
    return paths


def _href(url: str, el: etree._Element, attribute: str) -> str | None:
    """The absolute target of `attribute`, resolved against the element's base URI: the
    document's, changed by any `xml:base` on the element or its ancestors (XBRL 2.1
    §3.5.1.2, XML Base)."""
    value = el.get(attribute)
    return urljoin(el.base or url, value.strip()) if value and value.strip() else None


def _reference(url: str, el: etree._Element, attribute: str, kind: str) -> Reference | None:
    target = _href(url, el, attribute)
    if target is None:
        return None
    line = el.sourceline or 0
    role = (el.get(n.XLINK_ROLE) or "").strip()
    return Reference(target.partition("#")[0], kind, display_name(url), line, role)


def _schema_info(url: str, root: etree._Element) -> DocumentInfo:
    file = display_name(url)
    tns = root.get("targetNamespace")
    refs: list[Reference] = []
    links: list[ExtendedLink] = []
    for el in root.iter(n.XSD_IMPORT, n.XSD_INCLUDE, n.LINK_LINKBASE_REF, n.LINK_LINKBASE):
        if el.tag == n.LINK_LINKBASE:
            more_links, more_refs = _linkbase_parts(url, el, file)
            links.extend(more_links)
            refs.extend(more_refs)
            continue
        attribute = n.XLINK_HREF if el.tag == n.LINK_LINKBASE_REF else "schemaLocation"
        ref = _reference(url, el, attribute, etree.QName(el).localname)
        if ref is not None:
            refs.append(ref)
    concepts = tuple(_concept(el, tns, file) for el in root.iterchildren(n.XSD_ELEMENT))
    named = tuple(c for c in concepts if c.name)
    return DocumentInfo(
        url=url,
        is_schema=True,
        has_components=_has_components(root),
        target_namespace=tns,
        references=tuple(refs),
        concepts=named,
        type_bases=tuple(_type_bases(root, tns)),
        ids=frozenset(_ids(root)),
        paths=child_sequences(root),
        concept_ids=tuple((c.id, c.name) for c in named if c.id),
        links=tuple(links),
        repeated_refs=tuple(
            repeat for lb in root.iter(n.LINK_LINKBASE) for repeat in repeated_role_refs(lb)
        ),
        accuracy_defaults=tuple(_accuracy_defaults(root, tns)),
        attribute_declarations=tuple(_attribute_declarations(root, tns)),
        content_shapes=tuple(content_shapes(root, tns)),
        schema_problems=tuple(schema_problems(root)),
        lax_values=tuple(lax_values(root)),
        role_declarations=tuple(declarations(root, file)),
        linkbase_roles=tuple(linkbase_roles(url, lb, file) for lb in root.iter(n.LINK_LINKBASE)),
        attribute_types=tuple(
            (f"{{{tns}}}{el.get('name')}" if tns else el.get("name", ""), type_name)
            for el in root.iterchildren(f"{{{n.XSD}}}attribute")
            if (type_name := _qname_attr(el, "type"))
        ),
    )


_NOT_COMPONENTS = frozenset({f"{{{n.XSD}}}annotation", n.XSD_IMPORT, n.XSD_INCLUDE})


def _has_components(root: etree._Element) -> bool:
    """True if the schema declares anything (elements, types...) beyond imports and appinfo.

    A release's own schema often only imports the taxonomy and carries its linkbases in
    appinfo; it then adds nothing to XML Schema validation and need not be compiled.
    """
    return any(isinstance(child.tag, str) and child.tag not in _NOT_COMPONENTS for child in root)


def _qname_attr(el: etree._Element, attribute: str) -> str | None:
    value = el.get(attribute)
    return n.resolve_qname(value, el.nsmap) if value else None


def _boolean(value: str | None) -> bool:
    return (value or "").strip() in ("true", "1")


def _inline_base(el: etree._Element) -> str | None:
    for derivation in el.iter(f"{{{n.XSD}}}restriction", f"{{{n.XSD}}}extension"):
        return _qname_attr(derivation, "base")
    return None


def _concept(el: etree._Element, tns: str | None, file: str) -> Concept:
    name = el.get("name")
    clark = f"{{{tns}}}{name}" if tns and name else (name or "")
    return Concept(
        name=clark,
        id=el.get("id"),
        type=_qname_attr(el, "type") or _inline_base(el),
        substitution_group=_qname_attr(el, "substitutionGroup"),
        period_type=el.get(n.XBRLI_PERIOD_TYPE),
        balance=el.get(n.XBRLI_BALANCE),
        abstract=_boolean(el.get("abstract")),
        nillable=_boolean(el.get("nillable")),
        value_default=el.get("fixed", el.get("default")),
        file=file,
        line=el.sourceline or 0,
    )


def _attribute_declarations(
    root: etree._Element, tns: str | None
) -> Iterator[tuple[str, str, str | None, str | None]]:
    """Named attributes declared in global elements' own types and in named complex types,
    with the type and the default (or fixed) value XML Schema gives them."""
    qualified = root.get("attributeFormDefault") == "qualified"
    for owner in root.iterchildren(n.XSD_ELEMENT, n.XSD_COMPLEX_TYPE):
        name = owner.get("name")
        if not name:
            continue
        owner_name = f"{{{tns}}}{name}" if tns else name
        for attribute in owner.iter(f"{{{n.XSD}}}attribute"):
            local = attribute.get("name")
            if not local:
                continue
            form = attribute.get("form", "qualified" if qualified else "unqualified")
            clark = f"{{{tns}}}{local}" if tns and form == "qualified" else local
            value = attribute.get("fixed", attribute.get("default"))
            yield (owner_name, clark, _qname_attr(attribute, "type"), value)


_ACCURACY = ("decimals", "precision")


def _accuracy_defaults(root: etree._Element, tns: str | None) -> Iterator[tuple[str, str, str]]:
    """XML Schema defaults and fixed values of `decimals`/`precision` in named types."""
    for el in root.iterchildren(n.XSD_COMPLEX_TYPE):
        name = el.get("name")
        if not name:
            continue
        for attribute in el.iter(f"{{{n.XSD}}}attribute"):
            value = attribute.get("fixed", attribute.get("default"))
            if attribute.get("name") in _ACCURACY and value is not None:
                type_name = f"{{{tns}}}{name}" if tns else name
                yield (type_name, attribute.get("name", ""), value.strip())


def _type_bases(root: etree._Element, tns: str | None) -> list[tuple[str, str]]:
    bases = []
    for el in root.iterchildren(n.XSD_SIMPLE_TYPE, n.XSD_COMPLEX_TYPE):
        name = el.get("name")
        base = _inline_base(el)
        if name and base:
            bases.append((f"{{{tns}}}{name}" if tns else name, base))
    return bases


def _linkbase_parts(
    url: str, linkbase: etree._Element, file: str
) -> tuple[tuple[ExtendedLink, ...], tuple[Reference, ...]]:
    refs: list[Reference] = []
    links: list[ExtendedLink] = []
    for el in linkbase.iterchildren():
        if el.tag in (n.LINK_ROLE_REF, n.LINK_ARCROLE_REF):
            ref = _reference(url, el, n.XLINK_HREF, etree.QName(el).localname)
            refs.extend([ref] if ref else [])
        elif el.get(n.XLINK_TYPE) == "extended":
            link = _extended_link(url, el, file)
            links.append(link)
            # XBRL 2.1 §3.2: link:loc elements discover documents, a taxonomy's own
            # locator elements (even in link:loc's substitution group) do not.
            refs.extend(
                Reference(loc.url, "loc", loc.file, loc.line)
                for loc in link.locators
                if loc.discovers
            )
    return tuple(links), tuple(refs)


def _extended_link(url: str, link: etree._Element, file: str) -> ExtendedLink:
    locators: list[Locator] = []
    arcs: list[Arc] = []
    resources: list[Resource] = []
    for el in link.iterchildren():
        kind = el.get(n.XLINK_TYPE)
        if kind == "locator":
            target = _href(url, el, n.XLINK_HREF) or ""
            if el.get(n.XLINK_HREF) is not None and not target:
                # An empty href is a same-document reference (RFC 3986 §4.4).
                target = urljoin(el.base or url, "")
            doc, _, fragment = target.partition("#")
            fragment = unquote(fragment)  # XPointer shorthand: %-escapes stand for characters
            label = el.get(n.XLINK_LABEL, "")
            line = el.sourceline or 0
            locators.append(Locator(label, doc, fragment, file, line, el.tag == n.LINK_LOC))
        elif kind == "arc":
            arcs.append(_arc(el, file))
        elif kind == "resource":
            role = (el.get(n.XLINK_ROLE) or "").strip()
            label = el.get(n.XLINK_LABEL, "")
            resources.append(Resource(label, n.tag(el), role, el.get("id"), el.sourceline or 0))
    role = link.get(n.XLINK_ROLE, "")
    return ExtendedLink(n.tag(link), role, tuple(locators), tuple(arcs), tuple(resources))


def _arc(el: etree._Element, file: str) -> Arc:
    return Arc(
        tag=n.tag(el),
        arcrole=el.get(n.XLINK_ARCROLE, ""),
        source=el.get(n.XLINK_FROM, ""),
        target=el.get(n.XLINK_TO, ""),
        weight=el.get("weight"),
        order=el.get("order"),
        use=el.get("use", "optional"),
        priority=el.get("priority", "0"),
        file=file,
        line=el.sourceline or 0,
        other=tuple(
            sorted(
                (name, value)
                for name, value in el.attrib.items()
                if name not in _EXEMPT and not name.startswith(f"{{{n.XLINK}}}")
            )
        ),
    )


_EXEMPT = frozenset({"use", "priority"})
