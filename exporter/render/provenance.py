"""Where each fact was printed, for the JSON-LD; and the release's footnotes, for both outputs.

A data vendor filters on `source.kind`: `table` (a cell: table, row label, column header)
or `paragraph` (running text: section heading, the words that named the figure, the words
that gave its period). A table fact the prose also states lists those paragraphs under
`alsoStated`. Footnotes the prose marks ("90 day+ delinquency rate^{*7}") are XBRL
footnotes linked to their facts in the instance, and `Footnote` nodes in the JSON-LD.
"""

from __future__ import annotations

from exporter.facts.model import FactFootnote, FactSet, Source, SourceKind
from exporter.render.text import xml_text

FOOTNOTE_ROLE = "http://www.xbrl.org/2003/role/footnote"
FACT_FOOTNOTE = "http://www.xbrl.org/2003/arcrole/fact-footnote"
LINK_ROLE = "http://www.xbrl.org/2003/role/link"
FOOTNOTE_LANGUAGE = "en-US"
# OIM (xBRL-JSON, xBRL-CSV): a footnote is a fact of `xbrl:note`; links are grouped by
# type and group aliases declared in `documentInfo` (OIM 1.0 §"Links").
OIM_NAMESPACE = "https://xbrl.org/2021"
OIM_LINK_TYPES = {"footnote": FACT_FOOTNOTE}
OIM_LINK_GROUPS = {"_": LINK_ROLE}


def source_node(source: Source) -> dict[str, object]:
    """A fact's source as a JSON-LD node (key order fixed)."""
    if source.kind is SourceKind.TABLE:
        return {
            "kind": source.kind.value,
            "table": source.table,
            "line": source.line,
            "label": xml_text(source.label),
            "printed": xml_text(source.printed),
            "column": xml_text(source.column),
        }
    return {
        "kind": source.kind.value,
        "line": source.line,
        "section": xml_text(source.section),
        "label": xml_text(source.label),
        "printed": xml_text(source.printed),
        "wording": xml_text(source.wording),
    }


def also_stated(duplicates: tuple[Source, ...]) -> list[dict[str, object]]:
    """The paragraphs that state a fact again (table repeats are not listed)."""
    return [source_node(s) for s in duplicates if s.kind is SourceKind.PARAGRAPH]


def footnotes_by_fact(facts: FactSet) -> dict[str, list[str]]:
    """Footnote ids linked to each fact id."""
    linked: dict[str, list[str]] = {}
    for footnote in facts.footnotes:
        for fact in footnote.facts:
            linked.setdefault(fact, []).append(footnote.id)
    return linked


def jsonld_footnotes(footnotes: tuple[FactFootnote, ...]) -> list[dict[str, object]]:
    return [
        {
            "@id": f"_:{f.id}",
            "@type": "Footnote",
            "marker": xml_text(f.marker),
            "line": f.line,
            "text": xml_text(f.text),
        }
        for f in footnotes
    ]


def instance_footnotes(facts: FactSet) -> dict[str, object]:
    """The view of the instance's footnote link: locators, footnotes and arcs."""
    linked = footnotes_by_fact(facts)
    order = {f.id: i for i, f in enumerate(facts.facts)}
    locators = sorted(linked, key=lambda fact: order.get(fact, len(order)))
    return {
        "footnote_locators": locators,
        "footnotes": [{"label": f.id, "text": xml_text(f.text)} for f in facts.footnotes],
        "footnote_arcs": [
            {"fact": fact, "footnote": footnote} for fact in locators for footnote in linked[fact]
        ],
        "footnote_role": FOOTNOTE_ROLE,
        "footnote_arcrole": FACT_FOOTNOTE,
    }
