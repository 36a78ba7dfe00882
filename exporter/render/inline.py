"""Inline XBRL 1.1: the release's statements as a readable XHTML page, every number tagged.

Each printed number of a statement becomes an `ix:nonFraction` around its digits, with
the print's own format (`ixt:num-dot-decimal`, `ixt:num-dot-decimal-apos` for digits
grouped by apostrophes, or `ixt:fixed-zero` for a dash: see `exporter.transformations`), scale
(thousands: 3; a percentage: -2) and the fact's sign (`sign="-"` when the fact is
negative, whatever brackets the print shows; brackets, currency marks and percent signs
stay outside the tag, as printed). Facts no statement cell prints go into `ix:hidden`.

The contexts and units are the rendered instance's own, copied into `ix:resources`, and
the page refers to the same schema, so the target document an Inline XBRL processor
extracts is the instance, fact for fact (a fact printed twice is tagged twice: the
second tag is a duplicate with its own id, `<id>-2`).
"""

from __future__ import annotations

import re

from lxml import etree
from markupsafe import Markup

from exporter.facts.model import FactSet
from exporter.render.cover import cover_rows
from exporter.render.env import decimal_text, render
from exporter.render.oim import XBRLI
from exporter.render.provenance import FOOTNOTE_LANGUAGE
from exporter.render.statements import Block, Cell, Printing, Row, StatementViews, period_text
from exporter.taxonomy_cover import load_cover
from exporter.transformations import FIXED_ZERO, NumberFormat, page_registry, written_digits

IX = "http://www.xbrl.org/2013/inlineXBRL"
DASH_FORMAT = f"ixt:{FIXED_ZERO}"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def attributes_markup(values: dict[str, str]) -> Markup:
    """` name="value"` pairs, escaped, in order: what jinja's `xmlattr` does, at a fraction
    of the cost for the page's five hundred tags."""
    return Markup("".join(f' {k}="{v.translate(_ESCAPE)}"' for k, v in values.items()))


_XMLNS = re.compile(r'\s+xmlns(?::[\w.-]+)?="[^"]*"')


def resources(instance: bytes) -> tuple[dict[str, str], Markup]:
    """The instance's namespace declarations, and its contexts and units as markup
    (their own namespace declarations dropped: the page's root declares the same)."""
    root = etree.fromstring(instance, _SAFE_PARSER)
    parts = []
    for element in root.iterchildren(f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit"):
        text = etree.tostring(element, encoding="unicode", with_tail=False)
        head, close, rest = text.partition(">")
        parts.append(_XMLNS.sub("", head) + close + rest)
    namespaces = {p: u for p, u in sorted(root.nsmap.items()) if p}
    return namespaces, Markup("\n".join(parts))


class _Context:
    """What the cell views need to know about the facts."""

    def __init__(self, facts: FactSet, qnames: dict[str, str]) -> None:
        self.qnames = qnames
        self.periods = {c.id: c.period for c in facts.contexts}
        self.units = {u.id: u for u in facts.units}
        self.reasons = {(u.table, u.line, u.text): u.reason for u in facts.unmapped}
        # The number formats the page's tags use: they choose the registry it declares.
        self.formats: set[NumberFormat] = set()

    def tag(self, printing: Printing, format_name: str) -> Markup:
        """The attributes of one `ix:nonFraction`, in a fixed order."""
        fact = printing.fact
        attributes = {
            "name": self.qnames[fact.concept],
            "contextRef": fact.context,
            "unitRef": fact.unit,
            "id": printing.tag_id,
        }
        if printing.decimals is not None:
            attributes["decimals"] = str(printing.decimals)
        attributes["scale"] = str(printing.scale)
        attributes["format"] = format_name
        if printing.value < 0:
            attributes["sign"] = "-"
        return attributes_markup(attributes)

    def describe(self, printing: Printing) -> str:
        """A tagged cell's tooltip: concept, period, unit and the value it states."""
        fact = printing.fact
        unit = self.units[fact.unit]
        parts = [p for p in (unit.numerator, unit.denominator) if p]
        measure = "/".join("*".join(m.partition(":")[2] for m in part) for part in parts)
        period = period_text(self.periods[fact.context])
        value = decimal_text(printing.value)
        return f"{self.qnames[fact.concept]} | {period} | {measure} | {value}"

    def cell(self, table: int, row: Row, cell: Cell) -> dict[str, object]:
        view: dict[str, object] = {
            "anchor": cell.anchor,
            "before": cell.before,
            "digits": cell.digits,
            "after": cell.after,
            "tag": None,
        }
        if cell.printing is None:
            reason = self.reasons.get((table, row.line, cell.text), "not a fact")
            view.update({"class": "num untagged", "title": f"not tagged: {reason}"})
        else:
            format_name, view["digits"] = self.written(cell)
            view["tag"] = self.tag(cell.printing, format_name)
            view.update({"class": "num", "title": self.describe(cell.printing)})
        return view

    def written(self, cell: Cell) -> tuple[str, str]:
        """The format a tagged cell is written in, and its digits as written: a dash is
        zero; digits take the format that reads them as printed (see
        `exporter.transformations`)."""
        if cell.dash:
            return DASH_FORMAT, cell.digits
        number_format, digits = written_digits(cell.digits)
        self.formats.add(number_format)
        return f"ixt:{number_format.name}", digits

    def block(self, table: int, block: Block) -> dict[str, object]:
        rows = [
            {
                "anchor": row.anchor,
                "kind": row.kind.value,
                "depth": min(row.depth, 6),
                "label": row.label,
                "cells": [self.cell(table, row, c) if c else None for c in row.cells],
            }
            for row in block.rows
        ]
        return {"header": block.header, "rows": rows}


def _hidden(views: StatementViews, qnames: dict[str, str]) -> list[dict[str, object]]:
    """`ix:hidden` facts: written without a format, so the content is the plain value."""
    hidden: list[dict[str, object]] = []
    for fact in views.hidden:
        attributes = {
            "name": qnames[fact.concept],
            "contextRef": fact.context,
            "unitRef": fact.unit,
            "id": fact.id,
        }
        if fact.decimals is not None:
            attributes["decimals"] = str(fact.decimals)
        if fact.value < 0:
            attributes["sign"] = "-"
        hidden.append(
            {"attributes": attributes_markup(attributes), "text": decimal_text(abs(fact.value))}
        )
    return hidden


def _relationships(facts: FactSet) -> list[Markup]:
    """One `ix:relationship` per footnote, from the facts it explains (Inline XBRL 1.1
    §15; the default arcrole and link role are fact-footnote and the standard link)."""
    return [
        Markup("<ix:relationship{}/>").format(
            attributes_markup({"fromRefs": " ".join(f.facts), "toRefs": f.id})
        )
        for f in facts.footnotes
        if f.facts
    ]


def _footnotes(facts: FactSet) -> list[dict[str, str]]:
    """The footnotes as the page shows them, below the statements, each with its marker."""
    return [
        {"id": f.id, "marker": f.marker, "text": f.text, "lang": FOOTNOTE_LANGUAGE}
        for f in facts.footnotes
    ]


def render_inline(
    views: StatementViews,
    facts: FactSet,
    qnames: dict[str, str],
    instance: bytes,
    schema_href: str,
    title: str,
    links: dict[str, str],
) -> bytes:
    """The Inline XBRL document of one release; `links` are shown under the title."""
    namespaces, markup = resources(instance)
    context = _Context(facts, qnames)
    spec = load_cover()
    statements = [
        {
            "anchor": s.anchor,
            "title": s.title,
            "caption": s.caption,
            "blocks": [context.block(s.table, b) for b in s.blocks if b.rows],
        }
        for s in views.statements
    ]
    return render(
        "inline.xhtml.j2",
        namespaces=namespaces,
        ix=IX,
        ixt=page_registry(context.formats),
        title=title,
        links=links,
        schema_href=schema_href,
        resources=markup,
        relationships=_relationships(facts),
        footnotes=_footnotes(facts),
        hidden=_hidden(views, qnames),
        cover=cover_rows(facts, spec),
        cover_title=spec.definition,
        statements=statements,
    )
