"""XML Schema validity of the instance against its DTS schemas, compiled once per content.

lxml compiles a small wrapper schema that imports every namespace of the DTS from
its virtual URL; `DocumentResolver` serves the bytes found during discovery, so no
file or network is touched. Compiled schemas are cached by a hash of the schema
bytes they were built from.

Compiling a taxonomy's item declarations is slow (libxml2 expands the substitution group
of `xbrli:item` into the content model of `xbrli:xbrl`: seconds for a few hundred
concepts), and every release with an extension concept has a DTS of its own. So when
every fact's concept is a plain item whose type comes from a schema that declares no
items (XBRL's and the Data Type Registry's), the instance is checked through stand-ins:
a schema with one element per (type, nillable) pair in `xbrli:item`'s substitution group,
and a copy of the instance whose facts carry the stand-in's name. What XML Schema can
say about an item fact depends only on its type and nillability, so the outcome is the
same, and the stand-in schema is shared by every release using the same item types.
Anything else (tuples, abstract or unknown concepts as facts, a taxonomy's own types)
is compiled whole as before.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.cache import LruCache
from exporter.validate.dts import Dts
from exporter.validate.names import LINK, XBRLI, XSD, XSI, local_name, namespace, tag
from exporter.validate.sources import (
    VIRTUAL_BASE,
    DocumentResolver,
    Resolver,
    digest,
    fetch,
    safe_parser,
)
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
_STAND_IN_NS = "urn:x-xbrl-exporter:validate-stand-in"
_STAND_IN_URL = VIRTUAL_BASE + "__validate_stand_in__.xsd"


@dataclass(frozen=True)
class _StandIns:
    """The stand-in schema's sources and the stand-in element of each fact concept."""

    sources: dict[str, bytes]
    names: dict[str, str]


def schema_key(sources: dict[str, bytes]) -> str:
    """Cache key of a set of schema documents: their URLs and content hashes."""
    return digest(
        "\n".join(f"{url} {digest(data)}" for url, data in sorted(sources.items())).encode()
    )


def compiled_schema(dts: Dts, hints: Hints = ()) -> _Compiled:
    """The compiled XML Schema of `dts` and the instance's schema `hints` (cached), or the
    reason it does not compile."""
    sources = dts.schema_sources()
    key = schema_key({**sources, **{url: data for _, url, data in hints}})
    return _CACHE.get_or_build(key, lambda: _compile(dts, sources, hints))


def _wrapper(dts: Dts, sources: dict[str, bytes], hints: Hints) -> bytes:
    imports: dict[str, str] = {}
    for url in sources:
        target = dts.documents[url].target_namespace
        if target:
            imports.setdefault(target, url)
    for target, url, _ in hints:
        imports.setdefault(target, url)
    root = etree.Element(f"{{{XSD}}}schema", nsmap={"xsd": XSD})
    root.set("targetNamespace", "urn:x-xbrl-exporter:validate-wrapper")
    for ns, url in sorted(imports.items()):
        etree.SubElement(root, f"{{{XSD}}}import", namespace=ns, schemaLocation=url)
    return bytes(etree.tostring(root))


def _compile(dts: Dts, sources: dict[str, bytes], hints: Hints) -> _Compiled:
    """The wrapper imports the schemas with components; any schema of the DTS is served,
    since one with components may include (or import) one without (XML Schema §4.2.1)."""
    served = {url: dts.sources[url] for url, doc in dts.documents.items() if doc.is_schema}
    served.update((url, data) for _, url, data in hints)
    return _compile_schema(_wrapper(dts, sources, hints), _WRAPPER_URL, served)


Hints = tuple[tuple[str, str, bytes], ...]
"""Schemas named by the instance's xsi:schemaLocation for namespaces the DTS does not
declare: (namespace, URL, bytes)."""


def schema_hints(root: etree._Element, dts: Dts | None, resolve: Resolver) -> Hints:
    """The instance's xsi:schemaLocation hints for namespaces outside the DTS, readable
    through `resolve`.

    They are not part of the DTS (XBRL 2.1 §3.2 does not discover through them), but
    XML Schema validation assesses elements and attributes of their namespaces against
    them (XML Schema §4.3.2), as lax wildcards in XBRL's types ask for.
    """
    words = (root.get(f"{{{XSI}}}schemaLocation") or "").split()
    if dts is None or len(words) < 2:
        return ()
    declared = {doc.target_namespace for doc in dts.documents.values() if doc.is_schema}
    hints = []
    for target, href in zip(words[::2], words[1::2], strict=False):
        url = urljoin(root.base or "", href)
        data = fetch(url, resolve) if target not in declared else None
        if data is not None:
            hints.append((target, url, data))
            declared.add(target)
    return tuple(hints)


def _compile_schema(schema_bytes: bytes, url: str, sources: dict[str, bytes]) -> _Compiled:
    """Compile the schema document `schema_bytes` (at `url`), imports served from `sources`."""
    parser = safe_parser()
    parser.resolvers.add(DocumentResolver(sources))
    try:
        document = etree.fromstring(schema_bytes, parser, base_url=url)
        schema = etree.XMLSchema(document)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        return _Compiled(None, str(exc), threading.Lock())
    return _Compiled(schema, "", threading.Lock())


def _stand_ins(dts: Dts, fact_names: set[str]) -> _StandIns | None:
    """Stand-ins for the fact concepts `fact_names`, or None when they cannot stand in."""
    declaring = {
        doc.url: doc.target_namespace
        for doc in dts.documents.values()
        if doc.is_schema and any(c.name in fact_names for c in doc.concepts)
    }
    if not declaring:
        return None
    item_namespaces = set(declaring.values())
    pairs: dict[str, tuple[str, bool]] = {}
    for name in fact_names:
        info = dts.concepts.get(name)
        if info is None:
            continue  # undeclared: left as it is, so XML Schema reports it
        concept = info.concept
        if not info.is_item or concept.abstract or not concept.type:
            return None
        if concept.value_default is not None:  # a stand-in would not carry it
            return None
        if namespace(concept.type) in item_namespaces:
            return None
        pairs[name] = (concept.type, concept.nillable)
    standard = {url: data for url, data in dts.schema_sources().items() if url not in declaring}
    kinds = sorted(set(pairs.values()))
    schema = _stand_in_schema(kinds, standard, dts)
    if schema is None:
        return None
    by_kind = {kind: f"{{{_STAND_IN_NS}}}s{index}" for index, kind in enumerate(kinds)}
    return _StandIns(
        sources={**standard, _STAND_IN_URL: schema},
        names={name: by_kind[kind] for name, kind in pairs.items()},
    )


def _stand_in_schema(
    kinds: list[tuple[str, bool]], standard: dict[str, bytes], dts: Dts
) -> bytes | None:
    """One element per (type, nillable) in xbrli:item's group; imports what they need."""
    locations: dict[str, str] = {
        namespace_of: url
        for url in standard
        if url in dts.documents and (namespace_of := dts.documents[url].target_namespace)
    }
    type_namespaces = sorted({namespace(type_name) for type_name, _ in kinds})
    if XBRLI not in locations or any(ns != XSD and ns not in locations for ns in type_namespaces):
        return None
    prefixes = {ns: f"t{i}" for i, ns in enumerate(type_namespaces)}
    nsmap = {"xsd": XSD, "xbrli": XBRLI, **{p: ns for ns, p in prefixes.items()}}
    root = etree.Element(f"{{{XSD}}}schema", nsmap=nsmap, targetNamespace=_STAND_IN_NS)
    for namespace_uri, url in sorted(locations.items()):
        etree.SubElement(root, f"{{{XSD}}}import", namespace=namespace_uri, schemaLocation=url)
    for index, (type_name, nillable) in enumerate(kinds):
        element = etree.SubElement(root, f"{{{XSD}}}element", name=f"s{index}")
        element.set("substitutionGroup", "xbrli:item")
        element.set("nillable", "true" if nillable else "false")
        element.set("type", f"{prefixes[namespace(type_name)]}:{local_name(type_name)}")
    return bytes(etree.tostring(root))


def _with_stand_ins(
    root: etree._Element, names: dict[str, str]
) -> tuple[etree._Element, dict[int, str]]:
    """A copy of the instance whose facts carry their stand-in names; the original name of
    the fact on each line (for messages)."""
    renamed = copy.deepcopy(root)
    originals: dict[int, str] = {}
    for element in renamed.iterchildren():
        stand_in = names.get(element.tag) if isinstance(element.tag, str) else None
        if stand_in is not None:
            originals[element.sourceline or 0] = tag(element)
            element.tag = stand_in
    return renamed, originals


def _validated(subject: Subject) -> tuple[_Compiled, list[tuple[int, str]]]:
    """The compiled schema used and its error log for the instance."""
    assert subject.dts is not None
    root = subject.instance.root
    fact_names = {
        el.tag
        for el in root.iterchildren()
        if isinstance(el.tag, str) and namespace(el.tag) not in (XBRLI, LINK)
    }
    hints = subject.schema_hints
    stand_ins = None if hints else _stand_ins(subject.dts, fact_names)
    originals: dict[int, str]
    if stand_ins is None:
        compiled = compiled_schema(subject.dts, hints)
        document, originals = root.getroottree(), {}
    else:
        key = schema_key(stand_ins.sources)
        compiled = _CACHE.get_or_build(
            key,
            lambda: _compile_schema(
                stand_ins.sources[_STAND_IN_URL], _STAND_IN_URL, stand_ins.sources
            ),
        )
        renamed, originals = _with_stand_ins(root, stand_ins.names)
        document = renamed.getroottree()
        if compiled.schema is None:
            # The stand-ins leave out the schemas declaring the facts; a schema that stays
            # (an extension declaring only dimension members) may import one of them.
            compiled = compiled_schema(subject.dts)
            document, originals = root.getroottree(), {}
    if compiled.schema is None:
        return compiled, []
    with compiled.lock:
        compiled.schema.validate(document)
        errors = [
            (entry.line, _original_names(entry.message, originals.get(entry.line)))
            for entry in compiled.schema.error_log
        ]
    return compiled, errors


def _original_names(message: str, original: str | None) -> str:
    """`message` with a stand-in's name replaced by the concept's."""
    if original is None:
        return message
    return re.sub(rf"\{{{re.escape(_STAND_IN_NS)}\}}s\d+", original, message)


def schema_validity(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §4.1: the instance must be valid against the schemas of its DTS."""
    if subject.dts is None:
        return
    compiled, errors = _validated(subject)
    if compiled.schema is None:
        yield Finding(
            code="xbrl.schema-unavailable",
            severity=Severity.ERROR,
            message=f"the DTS schemas do not compile: {compiled.error}",
            location=Location(file=subject.name),
        )
        return
    for line, message in errors[:_MAX_REPORTED]:
        yield subject.finding("xbrl.schema-invalid", Severity.ERROR, message, line)
    if len(errors) > _MAX_REPORTED:
        more = len(errors) - _MAX_REPORTED
        yield subject.finding(
            "xbrl.schema-invalid", Severity.ERROR, f"{more} further schema errors not listed"
        )


def taxonomy_schema_validity(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.1: the DTS's schemas are valid XML Schemas (compiled whole, so libxml2
    checks them, unique particle attribution included). Run when a schema or linkbase
    is validated on its own; an instance's validation compiles what it needs."""
    if subject.dts is None:
        return
    compiled = compiled_schema(subject.dts)
    if compiled.schema is None:
        yield Finding(
            code="xbrl.taxonomy-schema-invalid",
            severity=Severity.ERROR,
            message=f"the DTS schemas are not valid XML Schemas: {compiled.error}",
            location=Location(file=subject.name),
        )
