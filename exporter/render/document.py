"""One release's outputs: its schema (with its own trees), the XBRL instance and the JSON-LD.

The document schema imports the taxonomy's concepts and carries the presentation and
calculation relationships this release actually prints (embedded linkbase), so a
processor checks exactly the totals the release shows.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from exporter.facts.model import Fact, FactSet, Unit
from exporter.periods import Period
from exporter.render.env import decimal_text, render
from exporter.render.taxonomy import (
    Link,
    TreeNode,
    calculation_link,
    files,
    presentation_link,
    role_ref,
)
from exporter.taxonomy import Taxonomy

JSONLD_VOCAB = "https://xbrl-exporter.org/vocab#"


class RenderedDocument(BaseModel):
    """The bytes of each output file, by file name (relative to the output directory)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_name: str
    instance_name: str
    jsonld_name: str
    files: dict[str, bytes]


def unit_text(unit: Unit) -> str:
    """OIM-style unit string: "iso4217:CNY" or "iso4217:CNY/xbrli:shares"."""
    text = "*".join(unit.numerator)
    return f"{text}/{'*'.join(unit.denominator)}" if unit.denominator else text


def decimals_text(fact: Fact) -> str:
    return "INF" if fact.decimals is None else str(fact.decimals)


def _presentation_links(facts: FactSet, taxonomy: Taxonomy, base: str) -> list[Link]:
    links = []
    for role, names in facts.presentation:
        statement = next((s for s in taxonomy.statements if s.role == role), None)
        root = statement.presentation[0].concept if statement else None
        children = tuple(TreeNode(concept=n) for n in names)
        roots = (TreeNode(concept=root, children=children),) if root else children
        links.append(presentation_link(taxonomy.role_uri(role), roots, base, taxonomy.prefix))
    return links


def _calculation_links(facts: FactSet, taxonomy: Taxonomy, base: str) -> list[Link]:
    by_role: dict[str, list[tuple[str, str, int, int]]] = {}
    for arc in facts.calculations:
        by_role.setdefault(arc.role, []).append((arc.total, arc.item, arc.weight, arc.order))
    return [
        calculation_link(taxonomy.role_uri(role), relations, base, taxonomy.prefix)
        for role, relations in sorted(by_role.items())
    ]


def render_schema(
    facts: FactSet, taxonomy: Taxonomy, namespace: str, prefix: str, base: str
) -> bytes:
    roles = sorted({role for role, _ in facts.presentation} | {a.role for a in facts.calculations})
    known = {r for s in taxonomy.statements for r in [s.role, *(n.role for n in s.calculations)]}
    return render(
        "document.xsd.j2",
        prefix=prefix,
        namespace=namespace,
        base_namespace=taxonomy.namespace,
        base_href=base,
        role_refs=[role_ref(taxonomy, r, base) for r in roles if r in known],
        links=_presentation_links(facts, taxonomy, base)
        + _calculation_links(facts, taxonomy, base),
        concepts=[],
    )


def _context_view(period: Period) -> dict[str, str | None]:
    if period.start is None:
        return {"instant": period.end.isoformat(), "start": None, "end": None}
    return {"instant": None, "start": period.start.isoformat(), "end": period.end.isoformat()}


def render_instance(facts: FactSet, taxonomy: Taxonomy, schema_href: str) -> bytes:
    contexts = [{"id": c.id, **_context_view(c.period)} for c in facts.contexts]
    units = [
        {"id": u.id, "numerator": u.numerator, "denominator": u.denominator} for u in facts.units
    ]
    fact_views = [
        {
            "qname": f"{taxonomy.prefix}:{f.concept}",
            "id": f.id,
            "context": f.context,
            "unit": f.unit,
            "decimals": decimals_text(f),
            "value": decimal_text(f.value),
        }
        for f in facts.facts
    ]
    return render(
        "instance.xml.j2",
        namespaces=[{"prefix": taxonomy.prefix, "uri": taxonomy.namespace}],
        schema_href=schema_href,
        contexts=contexts,
        units=units,
        entity=facts.entity,
        facts=fact_views,
    )


def entity_iri(facts: FactSet) -> str:
    return f"{facts.entity.scheme.rstrip('/#')}/{facts.entity.identifier}"


def render_jsonld(facts: FactSet, taxonomy: Taxonomy, document: str) -> bytes:
    periods = {c.id: c.period for c in facts.contexts}
    units = {u.id: unit_text(u) for u in facts.units}
    entity = entity_iri(facts)
    fact_views = [_jsonld_fact(f, taxonomy.prefix, entity, periods, units) for f in facts.facts]
    return render(
        "report.jsonld.j2",
        vocab=JSONLD_VOCAB,
        prefix=taxonomy.prefix,
        concept_base=f"{taxonomy.namespace}#",
        document=document,
        entity={
            "id": entity_iri(facts),
            "scheme": facts.entity.scheme,
            "identifier": facts.entity.identifier,
            "name": facts.entity.name,
        },
        facts=fact_views,
    )


def _jsonld_fact(
    fact: Fact, prefix: str, entity: str, periods: dict[str, Period], units: dict[str, str]
) -> dict[str, object]:
    """One fact as a JSON-LD node (key order fixed: output must be reproducible)."""
    node: dict[str, object] = {
        "@id": f"_:{fact.id}",
        "@type": "Fact",
        "concept": f"{prefix}:{fact.concept}",
        "entity": entity,
        "period": _jsonld_period(periods[fact.context]),
        "unit": units[fact.unit],
        "value": decimal_text(fact.value),
    }
    if fact.decimals is not None:
        node["decimals"] = fact.decimals
    node["source"] = {
        "table": fact.source.table,
        "line": fact.source.line,
        "label": fact.source.label,
        "printed": fact.source.printed,
        "column": fact.source.column,
    }
    return node


def _jsonld_period(period: Period) -> dict[str, str]:
    if period.start is None:
        return {"instant": period.end.isoformat()}
    return {"startDate": period.start.isoformat(), "endDate": period.end.isoformat()}


def render_document(
    facts: FactSet, taxonomy: Taxonomy, stem: str, taxonomy_dir: str = "taxonomy"
) -> RenderedDocument:
    """Schema, instance and JSON-LD of one release."""
    base = f"{taxonomy_dir}/{files(taxonomy)['concepts']}"
    schema_name, instance_name, jsonld_name = f"{stem}.xsd", f"{stem}.xml", f"{stem}.jsonld"
    namespace = f"{taxonomy.namespace}/document/{stem}"
    return RenderedDocument(
        schema_name=schema_name,
        instance_name=instance_name,
        jsonld_name=jsonld_name,
        files={
            schema_name: render_schema(facts, taxonomy, namespace, "doc", base),
            instance_name: render_instance(facts, taxonomy, schema_name),
            jsonld_name: render_jsonld(facts, taxonomy, instance_name),
        },
    )
