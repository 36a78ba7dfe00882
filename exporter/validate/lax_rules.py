"""Lax validation of a taxonomy schema's foreign content (XML Schema §3.10.1, §3.4.2).

XML Schema's own schema lets a schema's elements carry attributes of other namespaces
and `xsd:appinfo` hold any elements, both validated laxly: whatever the DTS declares
must be valid against its declaration (XBRL 2.1 §5.1 asks taxonomy schemas to be
schema-valid). Each such value is checked against the XML Schema built-in type its
declared type derives from: a value its own type accepts is always accepted, one no
type of that lineage can hold is reported. Facets of derived types are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from lxml import etree

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.names import XSD, local_name
from exporter.validate.s_equal import content_types
from exporter.validate.sources import display_name, relative_href, safe_parser
from exporter.validate.subject import Subject

_PROBE = "urn:x-xbrl-exporter:lax-probe"


@lru_cache(maxsize=64)
def _builtin_schema(builtin: str) -> etree.XMLSchema | None:
    """A one-element schema whose element has the built-in type `builtin`."""
    source = (
        f'<xs:schema xmlns:xs="{XSD}" targetNamespace="{_PROBE}">'
        f'<xs:element name="v" type="xs:{local_name(builtin)}"/></xs:schema>'
    )
    try:
        return etree.XMLSchema(etree.fromstring(source.encode(), safe_parser()))
    except etree.XMLSchemaParseError:
        return None  # a built-in with no lexical space of its own (anyType)


def lexically_valid(value: str, builtin: str) -> bool:
    """Whether `value` is in the lexical space of the XML Schema built-in `builtin`."""
    schema = _builtin_schema(builtin)
    if schema is None:
        return True
    probe = etree.Element(f"{{{_PROBE}}}v")
    probe.text = value
    return schema.validate(probe)


def lax_values(subject: Subject) -> Iterator[Finding]:
    """XML Schema §3.4.2, §3.10.1 (XBRL 2.1 §5.1): foreign attributes and appinfo
    elements of the DTS's own schemas are valid against the DTS's declarations."""
    if subject.dts is None:
        return
    types = content_types(subject.dts)
    attributes = types.attributes.get("", {})
    for url, doc in subject.dts.documents.items():
        if relative_href(url) is None:
            continue  # a standard schema
        for kind, name, value, line in doc.lax_values:
            declared = attributes.get(name) if kind == "attribute" else types.elements.get(name)
            builtin = types.builtin(declared[0]) if declared else None
            if builtin is None or lexically_valid(value, builtin):
                continue
            yield Finding(
                code="xbrl.lax-invalid",
                severity=Severity.ERROR,
                message=f"{kind} {local_name(name)} {value.strip()!r} is not a valid "
                f"{local_name(builtin)}",
                location=Location(file=display_name(url), line=line or None),
            )
