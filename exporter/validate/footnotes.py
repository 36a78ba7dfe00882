"""Footnote links of a rendering held against the instance's (XBRL 2.1 §4.11).

The instance links footnotes to facts with a `link:footnoteLink` (fact-footnote arcs in
the standard link role). Every other rendering states the same links in its own terms:

- Inline XBRL 1.1 §15: `ix:footnote` elements and `ix:relationship fromRefs toRefs`;
- xBRL-JSON 1.0 / OIM 1.0: facts of `xbrl:note` and each fact's `links.footnote`;
- xBRL-CSV 1.0 §3.9: a table of `xbrl:note` facts and the metadata's `links`, whose
  sources are OIM fact ids (`<table>.r_<row>.<column>`).

A link is compared as (instance fact id, footnote text, whitespace collapsed): the same
footnote attached to the same facts, no link lost, none added (`<format>.footnote`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from lxml import etree

from exporter.findings import Finding
from exporter.validate.names import (
    FACT_FOOTNOTE,
    LINK,
    LINK_FOOTNOTE_LINK,
    XLINK_ARCROLE,
    XLINK_FROM,
    XLINK_HREF,
    XLINK_LABEL,
    XLINK_TO,
)
from exporter.validate.oim import StatedFact, finding

LINK_ROLE = "http://www.xbrl.org/2003/role/link"
OIM_NAMESPACES = frozenset({"https://xbrl.org/2021", "http://www.xbrl.org/CR/2021-02-03"})
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

Link = tuple[str, str]
"""(the instance fact's id, the footnote's text)."""


def text_of(text: str) -> str:
    """Footnote text compared with whitespace collapsed (markup may wrap it)."""
    return " ".join(text.split())


@lru_cache(maxsize=4)
def instance_links(instance: bytes) -> Counter[Link]:
    """The instance's fact-footnote links; an instance that does not parse has none here
    (its own check reports why)."""
    try:
        root = etree.fromstring(instance, _PARSER)
    except etree.XMLSyntaxError:
        return Counter()
    links: Counter[Link] = Counter()
    for link in root.iterchildren(LINK_FOOTNOTE_LINK):
        facts = {
            loc.get(XLINK_LABEL): (loc.get(XLINK_HREF) or "").partition("#")[2]
            for loc in link.iterchildren(f"{{{LINK}}}loc")
        }
        notes = {
            note.get(XLINK_LABEL): text_of("".join(note.itertext()))
            for note in link.iterchildren(f"{{{LINK}}}footnote")
        }
        for arc in link.iterchildren(f"{{{LINK}}}footnoteArc"):
            if arc.get(XLINK_ARCROLE) != FACT_FOOTNOTE:
                continue
            fact, note = facts.get(arc.get(XLINK_FROM)), notes.get(arc.get(XLINK_TO))
            if fact and note is not None:
                links[(fact, note)] += 1
    return links


def link_findings(
    prefix: str, stated: Counter[Link], instance: bytes, name: str
) -> Iterator[Finding]:
    """`<prefix>.footnote` findings: links the instance has and the rendering lacks, and
    links the rendering adds."""
    expected = instance_links(instance)
    for (fact, text), count in sorted((expected - stated).items()):
        message = f"fact {fact} is not linked to footnote {text[:60]!r} as in the instance"
        yield finding(f"{prefix}.footnote", message, name, missing=str(count))
    for (fact, text), count in sorted((stated - expected).items()):
        message = f"fact {fact} is linked to footnote {text[:60]!r}, which the instance is not"
        yield finding(f"{prefix}.footnote", message, name, extra=str(count))


def is_note(concept: Any, namespaces: dict[str, str]) -> bool:
    """True for an OIM `xbrl:note` concept (the footnote's pseudo-concept)."""
    if not isinstance(concept, str):
        return False
    prefix, _, local = concept.partition(":")
    return local == "note" and namespaces.get(prefix) in OIM_NAMESPACES


def oim_links(
    sources: Iterable[tuple[str, Any]],
    notes: dict[str, str],
    fact_ids: dict[str, str],
    name: str,
    prefix: str,
) -> tuple[Counter[Link], list[Finding]]:
    """Links given as (source fact id, its footnote targets) in OIM terms: `notes` are
    the note facts' texts by id, `fact_ids` the instance id of each source fact."""
    links: Counter[Link] = Counter()
    problems = []
    for source, targets in sources:
        fact = fact_ids.get(source)
        if fact is None or not isinstance(targets, list):
            problems.append(f"link source {source!r} is no fact of the report")
            continue
        for target in targets:
            if target not in notes:
                problems.append(f"link target {target!r} of {source!r} is no footnote")
                continue
            links[(fact, notes[target])] += 1
    return links, [finding(f"{prefix}.footnote", p, name) for p in problems]


def json_links(
    facts: dict[str, Any], link_groups: Any, name: str
) -> tuple[Counter[Link], list[Finding]]:
    """xBRL-JSON: each fact's `links.footnote` in the standard link group."""
    notes = {
        k: text_of(str(v.get("value", "")))
        for k, v in facts.items()
        if isinstance(v, dict)
        and isinstance(v.get("dimensions"), dict)
        and isinstance(v["dimensions"].get("noteId"), str)
    }
    groups = _groups(link_groups)
    sources = []
    for fact_id, fact in facts.items():
        links = fact.get("links") if isinstance(fact, dict) else None
        if not isinstance(links, dict):
            continue
        by_group = links.get("footnote", {})
        for group, targets in by_group.items() if isinstance(by_group, dict) else ():
            if groups.get(group) == LINK_ROLE:
                sources.append((fact_id, targets))
    return oim_links(sources, notes, {k: k for k in facts}, name, "xbrl-json")


def _groups(link_groups: Any) -> dict[str, str]:
    """Link group aliases: "_" is the standard link unless redefined (OIM 1.0)."""
    groups = {"_": LINK_ROLE}
    if isinstance(link_groups, dict):
        groups.update({k: v for k, v in link_groups.items() if isinstance(v, str)})
    return groups


def csv_links(
    data: dict[str, Any],
    notes: dict[str, str],
    stated: list[StatedFact],
    expected: Iterable[StatedFact],
    name: str,
) -> tuple[Counter[Link], list[Finding]]:
    """xBRL-CSV: the metadata's `links.footnote` whose sources are OIM fact ids of table
    cells; each cell's fact is the instance fact with its aspects."""
    by_key = {f.key: f.id for f in expected if f.id}
    fact_ids = {f.id: by_key[f.key] for f in stated if f.id and f.key in by_key}
    groups = _groups(data.get("documentInfo", {}).get("linkGroups"))
    by_group = (
        data.get("links", {}).get("footnote", {}) if isinstance(data.get("links"), dict) else {}
    )
    sources: list[tuple[str, Any]] = []
    for group, links in by_group.items() if isinstance(by_group, dict) else ():
        if groups.get(group) == LINK_ROLE and isinstance(links, dict):
            sources.extend(links.items())
    return oim_links(sources, notes, fact_ids, name, "xbrl-csv")


def inline_links(root: etree._Element, ix: str, name: str) -> tuple[Counter[Link], list[Finding]]:
    """Inline XBRL: `ix:relationship` from fact ids to `ix:footnote` ids (default arcrole
    fact-footnote, default link role the standard link)."""
    notes = {
        note.get("id", ""): text_of("".join(note.itertext()))
        for note in root.iter(f"{{{ix}}}footnote")
    }
    facts = {
        element.get("id", ""): element.get("id", "")
        for tag in ("nonFraction", "nonNumeric")
        for element in root.iter(f"{{{ix}}}{tag}")
        if element.get("id")
    }
    sources: list[tuple[str, list[str]]] = []
    for relationship in root.iter(f"{{{ix}}}relationship"):
        arcrole = relationship.get("arcrole", FACT_FOOTNOTE)
        role = relationship.get("linkRole", LINK_ROLE)
        if (arcrole, role) != (FACT_FOOTNOTE, LINK_ROLE):
            continue
        targets = relationship.get("toRefs", "").split()
        sources.extend((source, targets) for source in relationship.get("fromRefs", "").split())
    return oim_links(sources, notes, facts, name, "ixbrl")
