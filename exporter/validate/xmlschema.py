"""XML Schema validity of the instance against its DTS schemas, compiled once per content.

lxml compiles a small wrapper schema that imports every namespace of the DTS from
its virtual URL; `DocumentResolver` serves the bytes found during discovery, so no
file or network is touched. Compiled schemas are cached by a hash of the schema
bytes they were built from: thousands of releases against one taxonomy compile once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.cache import LruCache
from exporter.validate.dts import Dts
from exporter.validate.names import XSD
from exporter.validate.sources import VIRTUAL_BASE, DocumentResolver, digest, safe_parser
from exporter.validate.subject import Subject

_MAX_REPORTED = 100
_CACHE_SIZE = 16
_WRAPPER_URL = VIRTUAL_BASE + "__validate_wrapper__.xsd"


@dataclass(frozen=True)
class _Compiled:
    schema: etree.XMLSchema | None
    error: str
    lock: threading.Lock


_CACHE: LruCache[str, _Compiled] = LruCache(_CACHE_SIZE)


def schema_key(sources: dict[str, bytes]) -> str:
    """Cache key of a set of schema documents: their URLs and content hashes."""
    return digest(
        "\n".join(f"{url} {digest(data)}" for url, data in sorted(sources.items())).encode()
    )


def compiled_schema(dts: Dts) -> _Compiled:
    """The compiled XML Schema of `dts` (cached), or the reason it does not compile."""
    sources = dts.schema_sources()
    return _CACHE.get_or_build(schema_key(sources), lambda: _compile(dts, sources))


def _wrapper(dts: Dts, sources: dict[str, bytes]) -> bytes:
    imports: dict[str, str] = {}
    for url in sources:
        namespace = dts.documents[url].target_namespace
        if namespace:
            imports.setdefault(namespace, url)
    root = etree.Element(f"{{{XSD}}}schema", nsmap={"xsd": XSD})
    root.set("targetNamespace", "urn:x-xbrl-exporter:validate-wrapper")
    for ns, url in sorted(imports.items()):
        etree.SubElement(root, f"{{{XSD}}}import", namespace=ns, schemaLocation=url)
    return bytes(etree.tostring(root))


def _compile(dts: Dts, sources: dict[str, bytes]) -> _Compiled:
    parser = safe_parser()
    parser.resolvers.add(DocumentResolver(sources))
    try:
        wrapper = etree.fromstring(_wrapper(dts, sources), parser, base_url=_WRAPPER_URL)
        schema = etree.XMLSchema(wrapper)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        return _Compiled(None, str(exc), threading.Lock())
    return _Compiled(schema, "", threading.Lock())


def schema_validity(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.1: the instance must be valid against the schemas of its DTS."""
    if subject.dts is None:
        return
    compiled = compiled_schema(subject.dts)
    if compiled.schema is None:
        yield Finding(
            code="xbrl.schema-unavailable",
            severity=Severity.ERROR,
            message=f"the DTS schemas do not compile: {compiled.error}",
            location=Location(file=subject.name),
        )
        return
    with compiled.lock:
        compiled.schema.validate(subject.instance.root.getroottree())
        errors = list(compiled.schema.error_log)
    for entry in errors[:_MAX_REPORTED]:
        yield subject.finding("xbrl.schema-invalid", Severity.ERROR, entry.message, entry.line)
    if len(errors) > _MAX_REPORTED:
        more = len(errors) - _MAX_REPORTED
        yield subject.finding(
            "xbrl.schema-invalid", Severity.ERROR, f"{more} further schema errors not listed"
        )
