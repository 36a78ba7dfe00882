"""XBRL 2.1 cycle rules: which networks of relationships may loop (§5.1.4.3, §5.2).

Each arcrole says which cycles its networks may hold: `any`, `undirected` (no path
leads back to where it started) or `none` (not even two paths between two concepts).
XBRL 2.1 fixes this for its own arcroles; a taxonomy's arcroleType states it in
`cyclesAllowed`, which binds the standard link elements (as usedOn does, §5.1.4.5); a
taxonomy's own link elements are left alone. A network is the base set of one link
element, ELR, arc element and arcrole, after prohibition and overriding: cycles that an
extension prohibits away do not count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.dts import Dts, Relationship
from exporter.validate.names import LINK, namespace
from exporter.validate.subject import Subject

_ARCROLE = "http://www.xbrl.org/2003/arcrole/"
# XBRL 2.1 §5.2.4.2 (parent-child), §5.2.5.2 (summation-item), §5.2.6.2 (definition arcs).
_STANDARD_CYCLES = {
    _ARCROLE + "parent-child": "undirected",
    _ARCROLE + "summation-item": "any",
    _ARCROLE + "general-special": "undirected",
    _ARCROLE + "essence-alias": "undirected",
    _ARCROLE + "similar-tuples": "any",
    _ARCROLE + "requires-element": "any",
}


def _allowed(dts: Dts) -> dict[str, str]:
    """cyclesAllowed by arcrole: XBRL 2.1's own, then the DTS's arcroleType declarations."""
    allowed = dict(_STANDARD_CYCLES)
    for doc in dts.documents.values():
        for declaration in doc.role_declarations:
            if declaration.kind == "arcroleType" and declaration.cycles:
                allowed.setdefault(declaration.uri, declaration.cycles.strip())
    return allowed


def arc_cycles(subject: Subject) -> Iterator[Finding]:
    """XBRL 2.1 §5.1.4.3, §5.2.4.2, §5.2.6.2: no directed cycle in a network whose
    arcrole allows only undirected ones, and no cycle at all where it allows none."""
    if subject.dts is None:
        return
    allowed = _allowed(subject.dts)
    networks: dict[tuple[str, str, str, str], list[Relationship]] = defaultdict(list)
    for rel in subject.dts.relationships:
        custom = rel.arcrole not in _STANDARD_CYCLES
        if custom and namespace(rel.link) != LINK:
            continue
        if allowed.get(rel.arcrole, "any") != "any":
            networks[rel.base_set].append(rel)
    for (link, role, _, arcrole), network in networks.items():
        rule = allowed[arcrole]
        looped = _directed_cycle(network)
        if looped is None and rule == "none":
            looped = _undirected_cycle(network)
        if looped is not None:
            kind = "a directed" if rule == "undirected" else "a"
            yield Finding(
                code="xbrl.arc-cycle",
                severity=Severity.ERROR,
                message=f"{arcrole} relationships form {kind} cycle in {role} "
                f"({_link_name(link)}), which the arcrole does not allow",
                location=Location(file=looped.file, line=looped.line),
            )


def _link_name(tag: str) -> str:
    return tag.replace(f"{{{LINK}}}", "link:")


def _directed_cycle(network: Iterable[Relationship]) -> Relationship | None:
    """A relationship that closes a directed cycle, found by depth-first search."""
    edges: dict[str, list[Relationship]] = defaultdict(list)
    for relation in network:
        edges[relation.source].append(relation)
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in list(edges):
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(edges[start]))]
        while stack:
            node, pending = stack[-1]
            rel = next(pending, None)
            if rel is None:
                state[node] = 2
                stack.pop()
            elif state.get(rel.target) == 1:
                return rel
            elif rel.target not in state:
                state[rel.target] = 1
                stack.append((rel.target, iter(edges.get(rel.target, ()))))
    return None


def _undirected_cycle(network: Iterable[Relationship]) -> Relationship | None:
    """A relationship joining two concepts already joined another way (union-find)."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    pairs: set[frozenset[str]] = set()
    for rel in network:
        pair = frozenset((rel.source, rel.target))
        if pair in pairs:
            continue
        pairs.add(pair)
        a, b = root(rel.source), root(rel.target)
        if a == b:
            return rel
        parent[a] = b
    return None
