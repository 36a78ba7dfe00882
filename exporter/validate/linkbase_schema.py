"""XML Schema validity of the DTS's own linkbases (XBRL 2.1 §3.5.2, §5.1.3).

Standalone linkbases, linkbases embedded in a schema's appinfo, and the roleType and
arcroleType declarations there are checked against XBRL's linkbase schema, compiled
once from the packaged copy. A linkbase using link or arc elements of a taxonomy's own
(outside the link namespace) is left alone: its declarations live in the DTS, and
compiling a whole DTS takes seconds. Standard schemas (fetched from the package cache)
are not checked. Results are cached by document content.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache, partial

from lxml import etree

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate import names as n
from exporter.validate.cache import LruCache
from exporter.validate.sources import (
    VIRTUAL_BASE,
    DocumentResolver,
    digest,
    display_name,
    fetch,
    parse,
    relative_href,
    safe_parser,
)
from exporter.validate.subject import Subject

_XBRL_2003 = "http://www.xbrl.org/2003/"
_LINKBASE_XSD = _XBRL_2003 + "xbrl-linkbase-2003-12-31.xsd"
_IMPORTS = (_LINKBASE_XSD, _XBRL_2003 + "xl-2003-12-31.xsd", _XBRL_2003 + "xlink-2003-12-31.xsd")
_DECLARATIONS = (n.LINK_LINKBASE, f"{{{n.LINK}}}roleType", f"{{{n.LINK}}}arcroleType")
# Labels and footnotes may hold any content (XHTML); only the link structure must be
# standard. A reference's parts are declared by reference schemas, so it is not.
_RESOURCES = frozenset(f"{{{n.LINK}}}{name}" for name in ("label", "footnote"))
_CACHE: LruCache[tuple[str, str], tuple[tuple[int, str], ...]] = LruCache(256)


# The XML namespace's attributes as W3C's xml.xsd declares them. XBRL's linkbase schema
# lets its elements carry them under lax validation (`anyAttribute ... lax`), which
# checks an attribute only against a declaration in scope: this brings one in.
_XML_XSD_URL = "http://www.w3.org/2001/xml.xsd"
_XML_XSD = b"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
 targetNamespace="http://www.w3.org/XML/1998/namespace">
 <xs:attribute name="lang"><xs:simpleType><xs:union memberTypes="xs:language">
  <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value=""/>
  </xs:restriction></xs:simpleType></xs:union></xs:simpleType></xs:attribute>
 <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName">
  <xs:enumeration value="default"/><xs:enumeration value="preserve"/>
 </xs:restriction></xs:simpleType></xs:attribute>
 <xs:attribute name="base" type="xs:anyURI"/>
 <xs:attribute name="id" type="xs:ID"/>
</xs:schema>"""
_WRAPPER = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
 targetNamespace="urn:x-xbrl-exporter:linkbase-wrapper">
 <xs:import namespace="{n.LINK}" schemaLocation="{_LINKBASE_XSD}"/>
 <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="{_XML_XSD_URL}"/>
</xs:schema>""".encode()


@lru_cache(maxsize=1)
def _linkbase_schema() -> etree.XMLSchema | None:
    """XBRL's linkbase schema with the XML namespace's attributes, compiled once."""
    sources = {url: data for url in _IMPORTS if (data := fetch(url, lambda _: None))}
    if _LINKBASE_XSD not in sources:
        return None
    sources[_XML_XSD_URL] = _XML_XSD
    parser = safe_parser()
    parser.resolvers.add(DocumentResolver(sources))
    document = etree.fromstring(_WRAPPER, parser, base_url=VIRTUAL_BASE + "__linkbase__.xsd")
    return etree.XMLSchema(document)


_CLOSED_LINKS = frozenset(
    f"{{{n.LINK}}}{name}Link"
    for name in ("label", "reference", "presentation", "definition", "calculation", "footnote")
)


def _standard(element: etree._Element) -> bool:
    """True when the linkbase schema alone can judge the element: it and its link
    structure use only the link namespace, except for elements a standard extended link
    holds, whose content model is closed and refuses them without their declarations."""
    if n.namespace(n.tag(element)) != n.LINK:
        return False
    if element.tag in _RESOURCES:
        return True
    closed = element.tag in _CLOSED_LINKS
    return all(
        _standard(child) or (closed and n.namespace(child.tag) != n.LINK)
        for child in element
        if isinstance(child.tag, str)
    )


def _errors(url: str, data: bytes) -> tuple[tuple[int, str], ...]:
    schema = _linkbase_schema()
    if schema is None:
        return ()
    root = parse(data, url)
    parts = [root] if root.tag == n.LINK_LINKBASE else list(root.iter(*_DECLARATIONS))
    errors: list[tuple[int, str]] = []
    for part in parts:
        if not _standard(part):
            continue
        lines = part.sourceline or 0
        copy = etree.fromstring(etree.tostring(part), safe_parser())
        if not schema.validate(copy):
            errors.extend(((e.line or 1) + lines - 1, e.message) for e in schema.error_log)
    return tuple(errors)


def linkbase_validity(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §3.5.2, §5.1.3: linkbases and role declarations are schema-valid."""
    if subject.dts is None:
        return
    for url, data in subject.dts.sources.items():
        if relative_href(url) is None:
            continue  # a standard schema from the package cache
        errors = _CACHE.get_or_build((url, digest(data)), partial(_errors, url, data))
        for line, message in errors:
            yield Finding(
                code="xbrl.linkbase-schema-invalid",
                severity=Severity.ERROR,
                message=message,
                location=Location(file=display_name(url), line=line),
            )
