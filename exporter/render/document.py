"""One release's outputs: its schema (with its own trees), the XBRL instance and the JSON-LD.

The document schema imports the taxonomy's concepts, declares the issuer's extension
concepts (rows no taxonomy label matched) with their printed labels, and carries the
presentation and calculation relationships this release actually prints (embedded
linkbase), so a processor checks exactly the totals the release shows.
"""

from __future__ import annotations

import posixpath
from functools import cached_property

from pydantic import BaseModel, ConfigDict

from exporter.facts.model import Context, Fact, FactSet, Member, Unit
from exporter.models import Frozen
from exporter.periods import Period
from exporter.render.cover import cover_namespace, cover_rows
from exporter.render.env import decimal_text, render
from exporter.render.provenance import (
    also_stated,
    footnotes_by_fact,
    instance_footnotes,
    jsonld_footnotes,
    source_node,
)
from exporter.render.taxonomy import (
    ARCROLE_ALL,
    ARCROLE_DIMENSION_DEFAULT,
    ARCROLE_DIMENSION_DOMAIN,
    ARCROLE_DOMAIN_MEMBER,
    ARCROLE_HYPERCUBE_DIMENSION,
    DOMAIN_ITEM,
    STANDARD_LABEL,
    Arc,
    Href,
    Link,
    Locator,
    calculation_link,
    concept_href,
    element_id,
    files,
    item_type,
    label_view,
    presentation_link,
)
from exporter.render.text import xml_optional, xml_text
from exporter.taxonomy import Taxonomy, TreeNode
from exporter.taxonomy_cover import load_cover

JSONLD_VOCAB = "https://xbrl-exporter.org/vocab#"
DIMENSIONS_ROLE = "Dimensions"
_XBRLDT = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
DIMENSION_ARCROLE_REFS = [
    {"uri": uri, "href": f"{_XBRLDT}#{uri.rsplit('/', 1)[1]}"}
    for uri in (
        "http://xbrl.org/int/dim/arcrole/all",
        "http://xbrl.org/int/dim/arcrole/hypercube-dimension",
        "http://xbrl.org/int/dim/arcrole/dimension-domain",
        "http://xbrl.org/int/dim/arcrole/domain-member",
        "http://xbrl.org/int/dim/arcrole/dimension-default",
    )
]


class RenderedDocument(Frozen):
    """The bytes of each output file, by file name (relative to the output directory)."""

    schema_name: str
    instance_name: str
    jsonld_name: str
    files: dict[str, bytes]


class _Names(BaseModel):
    """Where each concept and role of this document is declared."""

    model_config = ConfigDict(frozen=True)

    taxonomy: Taxonomy
    facts: FactSet
    schema_name: str
    base_href: str

    @cached_property
    def extension_names(self) -> frozenset[str]:
        """Names declared in the release's own schema (extension concepts, axis members)."""
        members = (m.name for m in self.facts.members)
        return frozenset((*(c.name for c in self.facts.extensions), *members))

    def prefix(self, concept: str) -> str:
        is_extension = concept in self.extension_names
        return self.facts.extension_prefix if is_extension else self.taxonomy.prefix

    def namespace(self, concept: str) -> str:
        is_extension = concept in self.extension_names
        return self.facts.extension_namespace if is_extension else self.taxonomy.namespace

    def href(self) -> Href:
        base = concept_href(self.base_href, self.taxonomy.prefix)
        own = concept_href(self.schema_name, self.facts.extension_prefix)
        return lambda name: own(name) if name in self.extension_names else base(name)

    def known_roles(self) -> frozenset[str]:
        statements = self.taxonomy.statements
        return frozenset(r for s in statements for r in [s.role, *(n.role for n in s.calculations)])

    def role_uri(self, role: str) -> str:
        if role in self.known_roles():
            return self.taxonomy.role_uri(role)
        return f"{self.facts.extension_namespace}/role/{role}"

    def role_ref(self, role: str) -> dict[str, str]:
        schema = self.base_href if role in self.known_roles() else self.schema_name
        return {"uri": self.role_uri(role), "href": f"{schema}#{role}"}


def unit_text(unit: Unit) -> str:
    """OIM-style unit string: "iso4217:CNY" or "iso4217:CNY/xbrli:shares"."""
    text = "*".join(unit.numerator)
    return f"{text}/{'*'.join(unit.denominator)}" if unit.denominator else text


def decimals_text(fact: Fact) -> str:
    return "INF" if fact.decimals is None else str(fact.decimals)


def _presentation_links(names: _Names) -> list[Link]:
    links = []
    for role, concepts in names.facts.presentation:
        statement = next((s for s in names.taxonomy.statements if s.role == role), None)
        root = statement.presentation[0].concept if statement else None
        children = tuple(TreeNode(concept=n) for n in concepts)
        roots = (TreeNode(concept=root, children=children),) if root else children
        links.append(presentation_link(names.role_uri(role), roots, names.href()))
    if names.facts.members:
        links.append(_member_tree(names))
    return links


def _member_tree(names: _Names) -> Link:
    """The split columns' table, axes, domains and this release's members as a tree, so
    that the members too have a place in a presentation tree."""
    facts, dims = names.facts, names.taxonomy.dimensions
    axes = tuple(
        TreeNode(
            concept=axis.name,
            children=(
                TreeNode(
                    concept=axis.domain,
                    children=tuple(
                        TreeNode(concept=m.name) for m in facts.members if m.axis == axis.name
                    ),
                ),
            ),
        )
        for axis in dims.axes
        if any(m.axis == axis.name for m in facts.members)
    )
    root = TreeNode(concept=dims.hypercube, children=axes)
    return presentation_link(names.role_uri(DIMENSIONS_ROLE), (root,), names.href())


def _calculation_links(names: _Names) -> list[Link]:
    by_role: dict[str, list[tuple[str, str, int, int]]] = {}
    for arc in names.facts.calculations:
        by_role.setdefault(arc.role, []).append((arc.total, arc.item, arc.weight, arc.order))
    return [
        calculation_link(names.role_uri(role), relations, names.href())
        for role, relations in sorted(by_role.items())
    ]


def _extension_views(names: _Names) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Element declarations and label resources for extension concepts and axis members."""
    prefix = names.facts.extension_prefix
    elements: list[dict[str, object]] = []
    labels: list[dict[str, object]] = []
    for concept in names.facts.extensions:
        elements.append(
            {
                "name": concept.name,
                "id": element_id(prefix, concept.name),
                "type": item_type(concept),
                "period": concept.period.value,
                "balance": concept.balance.value if concept.balance else None,
                "abstract": False,
                "group": "xbrli:item",
            }
        )
        href = f"{names.schema_name}#{element_id(prefix, concept.name)}"
        labels.append(label_view(href, concept.name, concept.label, concept.documentation))
    for member in names.facts.members:
        elements.append(
            {
                "name": member.name,
                "id": element_id(prefix, member.name),
                "type": DOMAIN_ITEM,
                "period": "duration",
                "balance": None,
                "abstract": True,
                "group": "xbrli:item",
            }
        )
        href = f"{names.schema_name}#{element_id(prefix, member.name)}"
        labels.append(label_view(href, member.name, f"{member.label} [Member]", ""))
    return elements, labels


def _base_labels(names: _Names) -> list[dict[str, object]]:
    """The standard label of each taxonomy concept the release states, repeated in its own
    schema: consumers that read only the files beside the instance (edgartools reads the
    folder's schemas and their embedded linkbases, not the DTS) then show labels, not ids."""
    href = names.href()
    used = sorted({f.concept for f in names.facts.facts} - names.extension_names)
    views: list[dict[str, object]] = []
    for name in used:
        concept = names.taxonomy.concepts.get(name)
        if concept is None:
            continue
        text = xml_text(concept.label)
        label = {"id": f"lab_base_{name}", "role": STANDARD_LABEL, "text": text}
        views.append(
            {
                "href": href(name),
                "loc": f"loc_base_{name}",
                "label_group": f"label_base_{name}",
                "labels": [label],
            }
        )
    return views


def _definition_link(names: _Names) -> list[Link]:
    """The hypercube that lets split-column facts carry their axis member (XBRL Dimensions)."""
    facts = names.facts
    if not facts.members:
        return []
    dims = names.taxonomy.dimensions
    split = {c.id for c in facts.contexts if c.member is not None}
    primaries = sorted({f.concept for f in facts.facts if f.context in split})
    axes = [a for a in dims.axes if any(m.axis == a.name for m in facts.members)]
    all_attributes = (("xbrldt:contextElement", "segment"), ("xbrldt:closed", "true"))
    arcs = [
        Arc(
            source=f"loc_{p}",
            target=f"loc_{dims.hypercube}",
            order=1,
            arcrole=ARCROLE_ALL,
            attributes=all_attributes,
        )
        for p in primaries
    ]
    for order, axis in enumerate(axes, start=1):
        arcs.append(
            Arc(
                source=f"loc_{dims.hypercube}",
                target=f"loc_{axis.name}",
                order=order,
                arcrole=ARCROLE_HYPERCUBE_DIMENSION,
            )
        )
        arcs.append(
            Arc(
                source=f"loc_{axis.name}",
                target=f"loc_{axis.domain}",
                order=1,
                arcrole=ARCROLE_DIMENSION_DOMAIN,
            )
        )
        arcs.append(
            Arc(
                source=f"loc_{axis.name}",
                target=f"loc_{axis.domain}_default",
                order=1,
                arcrole=ARCROLE_DIMENSION_DEFAULT,
            )
        )
        members = [m for m in facts.members if m.axis == axis.name]
        arcs.extend(
            Arc(
                source=f"loc_{axis.domain}",
                target=f"loc_{m.name}",
                order=i,
                arcrole=ARCROLE_DOMAIN_MEMBER,
            )
            for i, m in enumerate(members, start=1)
        )
    named = [
        *primaries,
        dims.hypercube,
        *(a.name for a in axes),
        *(a.domain for a in axes),
        *(m.name for m in facts.members),
    ]
    href = names.href()
    locators = tuple(Locator(href=href(n), label=f"loc_{n}") for n in dict.fromkeys(named)) + tuple(
        Locator(href=href(a.domain), label=f"loc_{a.domain}_default") for a in axes
    )
    link = Link(
        element="definitionLink",
        arc_element="definitionArc",
        arcrole=ARCROLE_DOMAIN_MEMBER,
        role=names.role_uri(DIMENSIONS_ROLE),
        locators=locators,
        arcs=tuple(arcs),
    )
    return [link]


def render_schema(names: _Names) -> bytes:
    facts = names.facts
    roles = sorted({role for role, _ in facts.presentation} | {a.role for a in facts.calculations})
    own_roles = [
        {
            "uri": names.role_uri(r),
            "id": r,
            "definition": f"{r} (this release)",
            "used_on": ["link:presentationLink", "link:calculationLink"],
        }
        for r in roles
        if r not in names.known_roles()
    ]
    if facts.members:
        own_roles.append(
            {
                "uri": names.role_uri(DIMENSIONS_ROLE),
                "id": DIMENSIONS_ROLE,
                "definition": "Split columns (this release)",
                "used_on": ["link:presentationLink", "link:definitionLink"],
            }
        )
        roles = [*roles, DIMENSIONS_ROLE]
    elements, labels = _extension_views(names)
    return render(
        "document.xsd.j2",
        prefix=facts.extension_prefix,
        namespace=facts.extension_namespace,
        base_namespace=names.taxonomy.namespace,
        base_href=names.base_href,
        roles=own_roles,
        role_refs=[names.role_ref(r) for r in roles],
        links=_presentation_links(names) + _calculation_links(names) + _definition_link(names),
        arcrole_refs=DIMENSION_ARCROLE_REFS if facts.members else [],
        label_concepts=labels + _base_labels(names),
        concepts=elements,
        imports=_cover_import(names),
    )


def _cover_import(names: _Names) -> list[dict[str, str]]:
    """The cover concepts' schema, beside the taxonomy's, when the release has cover facts."""
    spec = load_cover()
    if not names.facts.cover:
        return []
    href = posixpath.join(posixpath.dirname(names.base_href), spec.schema_file)
    return [{"namespace": spec.namespace, "href": href}]


def _context_view(period: Period) -> dict[str, str | None]:
    if period.start is None:
        return {"instant": period.end.isoformat(), "start": None, "end": None}
    return {"instant": None, "start": period.start.isoformat(), "end": period.end.isoformat()}


def _member_view(member: Member | None, names: _Names) -> dict[str, str | None]:
    if member is None:
        return {"axis": None, "member": None}
    return {
        "axis": f"{names.taxonomy.prefix}:{member.axis}",
        "member": f"{names.facts.extension_prefix}:{member.name}",
    }


def render_instance(names: _Names) -> bytes:
    facts = names.facts
    contexts = [
        {"id": c.id, **_context_view(c.period), **_member_view(c.member, names)}
        for c in facts.contexts
    ]
    units = [
        {"id": u.id, "numerator": u.numerator, "denominator": u.denominator} for u in facts.units
    ]
    fact_views = [
        {
            "qname": f"{names.prefix(f.concept)}:{f.concept}",
            "id": f.id,
            "context": f.context,
            "unit": f.unit,
            "decimals": decimals_text(f),
            "value": decimal_text(f.value),
        }
        for f in facts.facts
    ]
    namespaces = [{"prefix": names.taxonomy.prefix, "uri": names.taxonomy.namespace}]
    if facts.extensions or facts.members:
        namespaces.append({"prefix": facts.extension_prefix, "uri": facts.extension_namespace})
    if facts.members:
        namespaces.append({"prefix": "xbrldi", "uri": "http://xbrl.org/2006/xbrldi"})
    cover = load_cover()
    namespaces += [{"prefix": p, "uri": u} for p, u in cover_namespace(facts, cover).items()]
    return render(
        "instance.xml.j2",
        cover=cover_rows(facts, cover),
        namespaces=namespaces,
        schema_href=names.schema_name,
        contexts=contexts,
        units=units,
        entity=entity_view(facts),
        facts=fact_views,
        **instance_footnotes(facts),
    )


def entity_iri(facts: FactSet) -> str:
    return xml_text(f"{facts.entity.scheme.rstrip('/#')}/{facts.entity.identifier}")


def entity_view(facts: FactSet) -> dict[str, str | None]:
    """The entity as the templates print it (identifiers may come from the command line)."""
    entity = facts.entity
    return {
        "scheme": xml_text(entity.scheme),
        "identifier": xml_text(entity.identifier),
        "name": xml_optional(entity.name),
    }


def render_jsonld(names: _Names, instance_name: str) -> bytes:
    facts = names.facts
    contexts = {c.id: c for c in facts.contexts}
    units = {u.id: unit_text(u) for u in facts.units}
    entity = entity_iri(facts)
    linked = footnotes_by_fact(facts)
    fact_views = [_jsonld_fact(f, names, entity, contexts, units) for f in facts.facts]
    for view, fact in zip(fact_views, facts.facts, strict=True):
        if fact.id in linked:
            view["footnote"] = [f"_:{i}" for i in linked[fact.id]]
    prefixes = {names.taxonomy.prefix: f"{names.taxonomy.namespace}#"}
    if facts.extensions or facts.members:
        prefixes[facts.extension_prefix] = f"{facts.extension_namespace}#"
    cover = load_cover()
    prefixes.update({p: f"{u}#" for p, u in cover_namespace(facts, cover).items()})
    cover_nodes = [
        {
            "@id": f"_:{row['id']}",
            "@type": "CoverFact",
            "concept": row["qname"],
            "entity": entity,
            "period": _jsonld_period(contexts[row["context"]].period),
            "text": row["value"],
        }
        for row in cover_rows(facts, cover)
    ]
    return render(
        "report.jsonld.j2",
        vocab=JSONLD_VOCAB,
        prefixes=prefixes,
        document=instance_name,
        entity={"id": entity, **entity_view(facts)},
        facts=fact_views,
        cover=cover_nodes,
        footnotes=jsonld_footnotes(facts.footnotes),
    )


def _jsonld_fact(
    fact: Fact, names: _Names, entity: str, contexts: dict[str, Context], units: dict[str, str]
) -> dict[str, object]:
    """One fact as a JSON-LD node (key order fixed: output must be reproducible)."""
    node: dict[str, object] = {
        "@id": f"_:{fact.id}",
        "@type": "Fact",
        "concept": f"{names.prefix(fact.concept)}:{fact.concept}",
        "entity": entity,
        "period": _jsonld_period(contexts[fact.context].period),
        "unit": units[fact.unit],
        "value": decimal_text(fact.value),
    }
    if fact.decimals is not None:
        node["decimals"] = fact.decimals
    member = contexts[fact.context].member
    if member is not None:
        node["dimension"] = {
            "axis": f"{names.taxonomy.prefix}:{member.axis}",
            "member": f"{names.facts.extension_prefix}:{member.name}",
        }
    node["source"] = source_node(fact.source)
    also = also_stated(fact.duplicates)
    if also:
        node["alsoStated"] = also
    return node


def _jsonld_period(period: Period) -> dict[str, str]:
    if period.start is None:
        return {"instant": period.end.isoformat()}
    return {"startDate": period.start.isoformat(), "endDate": period.end.isoformat()}


def render_document(
    facts: FactSet, taxonomy: Taxonomy, stem: str, taxonomy_dir: str = "taxonomy"
) -> RenderedDocument:
    """Schema, instance and JSON-LD of one release."""
    schema_name, instance_name, jsonld_name = f"{stem}.xsd", f"{stem}.xml", f"{stem}.jsonld"
    names = _Names(
        taxonomy=taxonomy,
        facts=facts,
        schema_name=schema_name,
        base_href=f"{taxonomy_dir}/{files(taxonomy)['concepts']}",
    )
    return RenderedDocument(
        schema_name=schema_name,
        instance_name=instance_name,
        jsonld_name=jsonld_name,
        files={
            schema_name: render_schema(names),
            instance_name: render_instance(names),
            jsonld_name: render_jsonld(names, instance_name),
        },
    )
