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
from exporter.validate.arcs import (
    attribute_types,
    candidates,
    effective,
    pointed_id,
    pointer_parts,
    resource_of,
)
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
from exporter.validate.names import LINK, LINK_LABEL, LINK_LABEL_LINK, SUMMATION_ARCROLES
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
    # The arc's attributes other than XLink's, as written (e.g. preferredLabel).
    attributes: tuple[tuple[str, str], ...] = ()

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
        Relationship(
            *(link.role, arc.arcrole, source, target, arc.file, arc.line),
            *(link.tag, arc.tag, arc.other),
        )
        for arc, link, source, target in effective(candidates(docs, by_id), attribute_types(docs))
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
    """XBRL 2.1 §3.5.3.7.2, §3.5.4: a locator's href is a shorthand or element() pointer
    to an element of the DTS."""
    for doc in docs.values():
        for link in doc.links:
            for loc in link.locators:
                problem = _locator_problem(loc, link, docs, by_id)
                if problem:
                    yield Finding(
                        code=problem[0],
                        severity=Severity.ERROR,
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
    if not loc.fragment:  # the document itself (§3.5.3.7.2)
        element: str | None = target.paths.get("/1")
    elif pointer_parts(loc.fragment) is None:
        message = f"locator href {href} is neither a shorthand nor an element() pointer"
        return ("xbrl.locator-xpointer", message)
    else:
        element = pointed_id(target, loc.fragment)
    if element is None:
        return ("xbrl.locator-unresolved", f"locator href {href} points to no element")
    if link.tag in _CONCEPT_LINKS and (loc.url, element) not in by_id:
        # A label link may also locate labels elsewhere, to prohibit arcs to them (§5.2.2.3).
        remote = resource_of(target, element) if element else None
        if link.tag != LINK_LABEL_LINK or remote is None or remote.tag != LINK_LABEL:
            return ("xbrl.locator-not-concept", f"locator href {href} is not a concept")
    return None


def _calc_relationships(
    docs: dict[str, DocumentInfo], by_id: dict[tuple[str, str], str], findings: list[Finding]
) -> Iterator[CalcRelationship]:
    """XBRL 2.1 §5.2.5.2: summation-item arcs, after prohibition (§3.5.3.9.7.5)."""
    summations = candidates(docs, by_id, SUMMATION_ARCROLES)
    for arc, link, source, target in effective(summations, attribute_types(docs)):
        weight = _weight(arc, findings)
        if weight is not None:
            order = _order(arc)
            yield CalcRelationship(
                link.role, arc.arcrole, source, target, weight, order, arc.file, arc.line
            )


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
