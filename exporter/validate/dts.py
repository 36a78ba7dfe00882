"""DTS discovery and the resolved taxonomy: concepts, types and calculation relationships.

Discovery follows XBRL 2.1 §3.2 from the instance's `link:schemaRef` (and
`link:linkbaseRef`, `roleRef`, `arcroleRef`): schema imports and includes, linkbase
references, embedded linkbases, and the documents locators point to. Every document
comes through `sources.fetch`; one that cannot be read is a finding, not a fetch.
The built `Dts` is cached by the content hashes of all its documents.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.cache import LruCache
from exporter.validate.concepts import Concept, ConceptInfo, describe
from exporter.validate.documents import (
    Arc,
    DocumentError,
    DocumentInfo,
    ExtendedLink,
    Locator,
    Reference,
    read_document,
)
from exporter.validate.names import LINK, SUMMATION_ARCROLES, XSD
from exporter.validate.sources import Resolver, digest, display_name, fetch

_CONCEPT_LINKS = frozenset(
    f"{{{LINK}}}{name}"
    for name in ("calculationLink", "presentationLink", "definitionLink", "labelLink")
)
_INSTANCE_SCHEMA = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
_SCHEMA_REFERENCES = frozenset({"schemaRef", "import", "include", "base"})


@dataclass(frozen=True, slots=True)
class CalcRelationship:
    """An effective summation-item relationship between two concepts in one ELR."""

    role: str
    arcrole: str
    source: str
    target: str
    weight: Decimal
    order: Decimal
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Relationship:
    """An effective relationship between two concepts, in the base set of its link
    element, ELR, arc element and arcrole (XBRL 2.1 §3.5.3.9.7.3)."""

    role: str
    arcrole: str
    source: str
    target: str
    file: str
    line: int
    link: str = ""
    arc: str = ""

    @property
    def base_set(self) -> tuple[str, str, str, str]:
        return (self.link, self.role, self.arc, self.arcrole)


@dataclass(frozen=True)
class Dts:
    """The discovered taxonomy of one instance, resolved for the rules."""

    key: str
    sources: dict[str, bytes]
    documents: dict[str, DocumentInfo]
    concepts: dict[str, ConceptInfo]
    calculations: tuple[CalcRelationship, ...]
    repeated_calculations: tuple[CalcRelationship, ...] = ()
    findings: tuple[Finding, ...] = field(default=())
    # Every effective concept-to-concept relationship, whatever its arcrole.
    relationships: tuple[Relationship, ...] = ()

    def related(self, arcrole: str) -> tuple[Relationship, ...]:
        """The effective relationships of `arcrole`."""
        return tuple(rel for rel in self.relationships if rel.arcrole == arcrole)

    def schema_sources(self) -> dict[str, bytes]:
        """URL -> bytes of the schemas that declare components (what lxml compiles).

        Schemas without declarations (a release's schema holding only imports and
        linkbases) change nothing in XML Schema validity; leaving them out lets every
        release of one taxonomy share a single compiled schema.
        """
        return {
            url: self.sources[url]
            for url, doc in self.documents.items()
            if doc.is_schema and doc.has_components
        }


@dataclass
class _Discovery:
    sources: dict[str, bytes] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    documents: dict[str, DocumentInfo] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    fatal: bool = False


_CACHE: LruCache[str, Dts] = LruCache(16)


def load_dts(starts: Iterable[Reference], resolve: Resolver) -> tuple[Dts | None, list[Finding]]:
    """Discover and resolve the DTS; None if a schema could not be read.

    A missing linkbase only loses its relationships; a missing schema would turn every
    fact into an unknown concept, so the rules that need concepts do not run.
    """
    found = _discover(starts, resolve)
    if found.fatal or not found.documents:
        return None, found.findings
    key = digest("\n".join(f"{u} {d}" for u, d in sorted(found.digests.items())).encode())
    dts = _CACHE.get_or_build(key, lambda: _build(key, found))
    return dts, [*found.findings, *dts.findings]


def _discover(starts: Iterable[Reference], resolve: Resolver) -> _Discovery:
    found = _Discovery()
    queue = deque(starts)
    queue.append(Reference(_INSTANCE_SCHEMA, "base", "", 0))
    while queue:
        ref = queue.popleft()
        if ref.url in found.failed:
            found.fatal |= ref.kind in _SCHEMA_REFERENCES
            continue
        if ref.url in found.documents:
            continue
        info = _load(ref, resolve, found)
        if info is not None:
            found.documents[ref.url] = info
            queue.extend(info.references)
    return found


def _load(ref: Reference, resolve: Resolver, found: _Discovery) -> DocumentInfo | None:
    data = fetch(ref.url, resolve)
    if data is None:
        found.failed.add(ref.url)
        found.fatal |= ref.kind in _SCHEMA_REFERENCES
        found.findings.append(_unresolvable(ref))
        return None
    key = digest(data)
    try:
        info = read_document(ref.url, data, key)
    except DocumentError as exc:
        found.failed.add(ref.url)
        found.fatal = True
        where = Location(file=display_name(ref.url), line=exc.line)
        found.findings.append(
            Finding(
                code="xbrl.dts-malformed",
                severity=Severity.ERROR,
                message=exc.message,
                location=where,
            )
        )
        return None
    found.sources[ref.url] = data
    found.digests[ref.url] = key
    problem = _kind_problem(ref, info)
    if problem is not None:
        found.fatal |= ref.kind in _SCHEMA_REFERENCES
        found.findings.append(problem)
    return info


_WANTS_SCHEMA = frozenset({"schemaRef", "import", "include"})


def _kind_problem(ref: Reference, info: DocumentInfo) -> Finding | None:
    """XBRL 2.1 §4.2.2, §4.3.2: a schemaRef (or an import) names a schema, a linkbaseRef
    a linkbase."""
    wanted = (
        "schema" if ref.kind in _WANTS_SCHEMA else "linkbase" if ref.kind == "linkbaseRef" else ""
    )
    if not wanted or (wanted == "schema") == info.is_schema:
        return None
    return Finding(
        code="xbrl.dts-wrong-document",
        severity=Severity.ERROR,
        message=f"{ref.kind} target {display_name(ref.url)} is not a {wanted}",
        location=Location(file=ref.file or None, line=ref.line or None),
    )


def _unresolvable(ref: Reference) -> Finding:
    """XBRL 2.1 §3.2: every referenced DTS document must be readable (offline, here)."""
    name = display_name(ref.url)
    why = "is not available offline" if "://" in name else "does not exist"
    return Finding(
        code="xbrl.dts-unresolvable",
        severity=Severity.ERROR,
        message=f"{ref.kind} target {name} {why}",
        location=Location(file=ref.file or None, line=ref.line or None),
        numbers={"href": name},
    )


def _build(key: str, found: _Discovery) -> Dts:
    docs = found.documents
    declared: dict[str, Concept] = {}
    bases: dict[str, str] = {}
    accuracy: dict[str, tuple[str, str]] = {}
    for doc in docs.values():
        declared.update((c.name, c) for c in doc.concepts)
        bases.update(doc.type_bases)
        accuracy.update((t, (a, v)) for t, a, v in doc.accuracy_defaults)
    by_id = {(url, cid): name for url, doc in docs.items() for cid, name in doc.concept_ids}
    findings = list(_locator_findings(docs, by_id))
    relationships = list(_calc_relationships(docs, by_id, findings))
    unique, repeated = _split_repeats(relationships)
    related = tuple(
        Relationship(link.role, arc.arcrole, source, target, arc.file, arc.line, link.tag, arc.tag)
        for arc, link, source, target in _effective(
            _candidates(docs, by_id), _attribute_types(docs)
        )
    )
    return Dts(
        key=key,
        sources=dict(found.sources),
        documents=dict(docs),
        concepts=describe(declared, bases, accuracy),
        calculations=unique,
        repeated_calculations=repeated,
        findings=tuple(findings),
        relationships=related,
    )


def _split_repeats(
    relationships: list[CalcRelationship],
) -> tuple[tuple[CalcRelationship, ...], tuple[CalcRelationship, ...]]:
    """Keep the first of equal (role, from, to) relationships; the rest are errors.

    Calculations 1.1 forbids them (calc11e:duplicateCalculationRelationships); counting
    a contributor twice would also invent an inconsistency.
    """
    seen: set[tuple[str, str, str]] = set()
    unique: list[CalcRelationship] = []
    repeated: list[CalcRelationship] = []
    for rel in relationships:
        key = (rel.role, rel.source, rel.target)
        (repeated if key in seen else unique).append(rel)
        seen.add(key)
    return tuple(unique), tuple(repeated)


def _locator_findings(
    docs: dict[str, DocumentInfo], by_id: dict[tuple[str, str], str]
) -> Iterator[Finding]:
    """XBRL 2.1 §3.5.3.7.2: a locator's href must point to an element of the DTS."""
    for doc in docs.values():
        for link in doc.links:
            for loc in link.locators:
                problem = _locator_problem(loc, link, docs, by_id)
                if problem:
                    unsupported = problem[0] == "xbrl.locator-unsupported"  # our limit
                    yield Finding(
                        code=problem[0],
                        severity=Severity.WARNING if unsupported else Severity.ERROR,
                        message=problem[1],
                        location=Location(file=loc.file, line=loc.line),
                        numbers={"href": f"{display_name(loc.url)}#{loc.fragment}"},
                    )


def _locator_problem(
    loc: Locator,
    link: ExtendedLink,
    docs: dict[str, DocumentInfo],
    by_id: dict[tuple[str, str], str],
) -> tuple[str, str] | None:
    target = docs.get(loc.url)
    href = f"{display_name(loc.url)}#{loc.fragment}"
    if target is None:
        return None  # reported as xbrl.dts-unresolvable
    fragment = _shorthand(loc.fragment)
    if fragment is None:
        return ("xbrl.locator-unsupported", f"locator href {href} is not a shorthand pointer")
    if fragment not in target.ids:
        return ("xbrl.locator-unresolved", f"locator href {href} points to no element")
    if link.tag in _CONCEPT_LINKS and (loc.url, fragment) not in by_id:
        return ("xbrl.locator-not-concept", f"locator href {href} is not a concept")
    return None


def _shorthand(fragment: str) -> str | None:
    """The id of a shorthand pointer or `element(id)`; None for child sequences."""
    if fragment.startswith("element(") and fragment.endswith(")"):
        inner = fragment[len("element(") : -1]
        return None if "/" in inner else inner
    return fragment or None


def _calc_relationships(
    docs: dict[str, DocumentInfo], by_id: dict[tuple[str, str], str], findings: list[Finding]
) -> Iterator[CalcRelationship]:
    """XBRL 2.1 §5.2.5.2: summation-item arcs, after prohibition (§3.5.3.9.7.5)."""
    candidates = _candidates(docs, by_id, SUMMATION_ARCROLES)
    for arc, link, source, target in _effective(candidates, _attribute_types(docs)):
        weight = _weight(arc, findings)
        if weight is not None:
            order = _order(arc)
            yield CalcRelationship(
                link.role, arc.arcrole, source, target, weight, order, arc.file, arc.line
            )


Candidate = tuple[Arc, ExtendedLink, str, str]


def _candidates(
    docs: dict[str, DocumentInfo],
    by_id: dict[tuple[str, str], str],
    arcroles: frozenset[str] | None = None,
) -> list[Candidate]:
    """Every (arc, link, source concept, target concept) of the given arcroles (None:
    of any arcrole)."""
    candidates: list[Candidate] = []
    for doc in docs.values():
        for link in doc.links:
            labels = _label_targets(link, by_id)
            for arc in link.arcs:
                if arcroles is not None and arc.arcrole not in arcroles:
                    continue
                for source in labels.get(arc.source, ()):
                    for target in labels.get(arc.target, ()):
                        candidates.append((arc, link, source, target))
    return candidates


def _attribute_types(docs: dict[str, DocumentInfo]) -> dict[str, str]:
    return {name: type_name for doc in docs.values() for name, type_name in doc.attribute_types}


def _label_targets(link: ExtendedLink, by_id: dict[tuple[str, str], str]) -> dict[str, list[str]]:
    labels: dict[str, list[str]] = {}
    for loc in link.locators:
        name = by_id.get((loc.url, _shorthand(loc.fragment) or ""))
        if name is not None:
            labels.setdefault(loc.label, []).append(name)
    return labels


def _effective(candidates: list[Candidate], types: dict[str, str]) -> Iterator[Candidate]:
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
    values = dict(_ORDER_DEFAULT)
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


def _order(arc: Arc) -> Decimal:
    """XBRL 2.1 §3.5.3.9.5: `order` defaults to 1 (schema validity is checked elsewhere)."""
    try:
        return Decimal((arc.order or "1").strip())
    except InvalidOperation:
        return Decimal(1)


def _weight(arc: Arc, findings: list[Finding]) -> Decimal | None:
    try:
        weight = Decimal((arc.weight or "").strip())
    except InvalidOperation:
        weight = None
    if weight is None or not weight.is_finite() or weight == 0:
        findings.append(
            Finding(
                code="xbrl.calc-weight-invalid",
                severity=Severity.ERROR,
                message=f"calculation arc weight {arc.weight!r} is not a non-zero decimal",
                location=Location(file=arc.file, line=arc.line),
            )
        )
        return None
    return weight
