"""XBRL 2.1 rules on label and reference arcs (§5.2.2.3, §5.2.3.3) and on the
presentation arc's preferredLabel (§5.2.4.2.1).

A concept-label (concept-reference) arc runs from concepts to label (reference)
resources. The resources are normally in the arc's own link; one located in another
linkbase can only be the target of a prohibiting arc, which is how a taxonomy removes
a label it extends. A preferredLabel names a label role the presentation arc's target
concept has a label in (in some language).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.arcs import pointed_id, resource_of
from exporter.validate.documents import Arc, DocumentInfo, ExtendedLink, Locator, Resource
from exporter.validate.dts import Dts
from exporter.validate.names import LINK_LABEL, LINK_REFERENCE, local_name
from exporter.validate.subject import Subject

CONCEPT_LABEL = "http://www.xbrl.org/2003/arcrole/concept-label"
CONCEPT_REFERENCE = "http://www.xbrl.org/2003/arcrole/concept-reference"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
STANDARD_LABEL = "http://www.xbrl.org/2003/role/label"
_RESOURCE_OF = {CONCEPT_LABEL: LINK_LABEL, CONCEPT_REFERENCE: LINK_REFERENCE}


def _concept_ids(dts: Dts) -> dict[tuple[str, str], str]:
    return {(url, cid): name for url, doc in dts.documents.items() for cid, name in doc.concept_ids}


def _located(loc: Locator, docs: dict[str, DocumentInfo]) -> Resource | None:
    target = docs.get(loc.url)
    element = pointed_id(target, loc.fragment) if target is not None else None
    return resource_of(target, element) if target is not None and element else None


def _concept(
    loc: Locator, docs: dict[str, DocumentInfo], concepts: dict[tuple[str, str], str]
) -> str | None:
    target = docs.get(loc.url)
    element = pointed_id(target, loc.fragment) if target is not None else None
    return concepts.get((loc.url, element)) if element else None


@dataclass(frozen=True)
class _Ends:
    """A link's locators and resources by their xlink:label, what arcs name."""

    locators: dict[str, list[Locator]]
    resources: dict[str, list[Resource]]


def _ends(link: ExtendedLink) -> _Ends:
    locators: dict[str, list[Locator]] = defaultdict(list)
    resources: dict[str, list[Resource]] = defaultdict(list)
    for loc in link.locators:
        locators[loc.label].append(loc)
    for resource in link.resources:
        resources[resource.label].append(resource)
    return _Ends(locators, resources)


def resource_arcs(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.2.2.3, §5.2.3.3: a label (reference) arc goes from concepts to label
    (reference) resources; to one of another linkbase only to prohibit it."""
    if subject.dts is None:
        return
    docs = subject.dts.documents
    concepts = _concept_ids(subject.dts)
    for doc in docs.values():
        for link in doc.links:
            if not any(arc.arcrole in _RESOURCE_OF for arc in link.arcs):
                continue
            ends = _ends(link)
            for arc in link.arcs:
                wanted = _RESOURCE_OF.get(arc.arcrole)
                problem = _arc_problem(arc, ends, wanted, docs, concepts) if wanted else None
                if problem is not None:
                    yield Finding(
                        code=problem[0],
                        severity=Severity.ERROR,
                        message=problem[1],
                        location=Location(file=arc.file, line=arc.line or None),
                    )


def _arc_problem(
    arc: Arc,
    ends: _Ends,
    wanted: str,
    docs: dict[str, DocumentInfo],
    concepts: dict[tuple[str, str], str],
) -> tuple[str, str] | None:
    kind = local_name(wanted)
    sources = ends.locators.get(arc.source, [])
    from_resource = arc.source in ends.resources
    if from_resource or any(_concept(s, docs, concepts) is None for s in sources):
        return ("xbrl.resource-arc-from", f"{local_name(arc.tag)} must go from a concept")
    local = ends.resources.get(arc.target, [])
    remote = [(loc, _located(loc, docs)) for loc in ends.locators.get(arc.target, [])]
    if any(r.tag != wanted for r in local) or any(
        r is None or r.tag != wanted for loc, r in remote if loc.url in docs
    ):
        return ("xbrl.resource-arc-to", f"{local_name(arc.tag)} must go to a {kind}")
    if remote and arc.use != "prohibited":
        message = f"{local_name(arc.tag)} to a {kind} of another link may only prohibit it"
        return ("xbrl.resource-arc-remote", message)
    return None


def label_roles(dts: Dts) -> dict[str, set[str]]:
    """The roles of the labels each concept has, in any language (prohibiting arcs are
    not followed: a prohibited label still counts)."""
    docs = dts.documents
    concepts = _concept_ids(dts)
    roles: dict[str, set[str]] = defaultdict(set)
    for doc in docs.values():
        for link in doc.links:
            ends = _ends(link)
            for arc in link.arcs:
                if arc.arcrole != CONCEPT_LABEL or arc.use == "prohibited":
                    continue
                found = list(ends.resources.get(arc.target, []))
                found += [
                    r
                    for loc in ends.locators.get(arc.target, [])
                    if (r := _located(loc, docs)) is not None
                ]
                for loc in ends.locators.get(arc.source, []):
                    name = _concept(loc, docs, concepts)
                    if name is not None:
                        roles[name].update(r.role or STANDARD_LABEL for r in found)
    return roles


def preferred_labels(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.2.4.2.1: a parent-child arc's preferredLabel is the role of a label
    its target concept has."""
    if subject.dts is None:
        return
    roles: dict[str, set[str]] | None = None
    for rel in subject.dts.related(PARENT_CHILD):
        preferred = dict(rel.attributes).get("preferredLabel", "").strip()
        if not preferred:
            continue
        roles = roles if roles is not None else label_roles(subject.dts)
        if preferred not in roles.get(rel.target, set()):
            yield Finding(
                code="xbrl.preferred-label",
                severity=Severity.ERROR,
                message=f"{local_name(rel.target)} has no label of role {preferred}",
                location=Location(file=rel.file, line=rel.line or None),
            )
