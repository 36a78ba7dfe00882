"""The XBRL taxonomy files generated from the TOML source: schema, labels, trees, entry point.

View models are built here; the templates only lay them out.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from exporter.render.env import render
from exporter.render.text import xml_text
from exporter.taxonomy import CalcNetwork, Concept, ConceptType, Statement, Taxonomy, TreeNode

STANDARD_LABEL = "http://www.xbrl.org/2003/role/label"
DOCUMENTATION = "http://www.xbrl.org/2003/role/documentation"
PERIOD_START = "http://www.xbrl.org/2003/role/periodStartLabel"
PERIOD_END = "http://www.xbrl.org/2003/role/periodEndLabel"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
SUMMATION_ITEM = "http://www.xbrl.org/2003/arcrole/summation-item"
PRESENTATION_REF = "http://www.xbrl.org/2003/role/presentationLinkbaseRef"
CALCULATION_REF = "http://www.xbrl.org/2003/role/calculationLinkbaseRef"

Href = Callable[[str], str]

HYPERCUBE = "xbrldt:hypercubeItem"
DIMENSION = "xbrldt:dimensionItem"
STRING_ITEM = "xbrli:stringItemType"
DOMAIN_ITEM = "dtr-types:domainItemType"
ARCROLE_ALL = "http://xbrl.org/int/dim/arcrole/all"
ARCROLE_HYPERCUBE_DIMENSION = "http://xbrl.org/int/dim/arcrole/hypercube-dimension"
ARCROLE_DIMENSION_DOMAIN = "http://xbrl.org/int/dim/arcrole/dimension-domain"
ARCROLE_DOMAIN_MEMBER = "http://xbrl.org/int/dim/arcrole/domain-member"
ARCROLE_DIMENSION_DEFAULT = "http://xbrl.org/int/dim/arcrole/dimension-default"

_ITEM_TYPES = {
    ConceptType.ABSTRACT: "xbrli:stringItemType",
    ConceptType.MONETARY: "xbrli:monetaryItemType",
    ConceptType.PER_SHARE: "dtr-types:perShareItemType",
    ConceptType.SHARES: "xbrli:sharesItemType",
    ConceptType.PERCENT: "dtr-types:percentItemType",
    ConceptType.PURE: "xbrli:pureItemType",
    ConceptType.DECIMAL: "xbrli:decimalItemType",
    ConceptType.STRING: "xbrli:stringItemType",
}


class Locator(BaseModel):
    model_config = ConfigDict(frozen=True)

    href: str
    label: str


class Arc(BaseModel):
    model_config = ConfigDict(frozen=True)

    source: str
    target: str
    order: int
    weight: int | None = None
    preferred_label: str | None = None
    arcrole: str | None = None
    attributes: tuple[tuple[str, str], ...] = ()


class Link(BaseModel):
    """One extended link (a presentation or calculation network) ready for the template."""

    model_config = ConfigDict(frozen=True)

    element: str
    arc_element: str
    arcrole: str
    role: str
    locators: tuple[Locator, ...]
    arcs: tuple[Arc, ...]


def files(taxonomy: Taxonomy) -> dict[str, str]:
    """File names of the generated taxonomy, by part."""
    return {
        "concepts": f"{taxonomy.name}.xsd",
        "labels": f"{taxonomy.name}_lab.xml",
        "presentation": f"{taxonomy.name}_pre.xml",
        "calculation": f"{taxonomy.name}_cal.xml",
        "entry": f"{taxonomy.name}-entry.xsd",
    }


def element_id(prefix: str, name: str) -> str:
    return f"{prefix}_{name}"


def item_type(concept: Concept) -> str:
    return _ITEM_TYPES[concept.type]


OTHER_ROLE = "OtherConcepts"
OTHER_DEFINITION = "Figures no statement presents, and the axes of split columns"


def synonym_role(taxonomy: Taxonomy) -> str:
    return taxonomy.role_uri("synonym")


def _roles(taxonomy: Taxonomy) -> list[dict[str, object]]:
    roles: list[dict[str, object]] = []
    for statement in taxonomy.statements:
        roles.append(
            {
                "uri": taxonomy.role_uri(statement.role),
                "id": statement.role,
                "definition": statement.definition,
                "used_on": ["link:presentationLink", "link:calculationLink"],
            }
        )
        for network in statement.calculations:
            if network.role != statement.role:
                roles.append(
                    {
                        "uri": taxonomy.role_uri(network.role),
                        "id": network.role,
                        "definition": f"{statement.definition} ({network.key})",
                        "used_on": ["link:calculationLink"],
                    }
                )
    roles.append(
        {
            "uri": taxonomy.role_uri(OTHER_ROLE),
            "id": OTHER_ROLE,
            "definition": OTHER_DEFINITION,
            "used_on": ["link:presentationLink"],
        }
    )
    roles.append(
        {
            "uri": synonym_role(taxonomy),
            "id": "synonym",
            "definition": "Alternative wording releases use for the concept",
            "used_on": ["link:label"],
        }
    )
    return roles


def _labels(concept: Concept, taxonomy: Taxonomy) -> list[dict[str, str]]:
    wanted = [(STANDARD_LABEL, concept.label)]
    documentation = concept.documentation
    if concept.own:
        documentation = f"{documentation} {taxonomy.own_note}".strip()
    if documentation:
        wanted.append((DOCUMENTATION, documentation))
    wanted += [(PERIOD_START, text) for text in concept.start_labels[:1]]
    wanted += [(PERIOD_END, text) for text in concept.end_labels[:1]]
    wanted += [(synonym_role(taxonomy), text) for text in concept.synonyms]
    wanted += [(synonym_role(taxonomy), text) for text in concept.start_labels[1:]]
    wanted += [(synonym_role(taxonomy), text) for text in concept.end_labels[1:]]
    seen: set[tuple[str, str]] = set()
    labels: list[dict[str, str]] = []
    for role, text in wanted:
        if (role, text) in seen:
            continue
        seen.add((role, text))
        labels.append({"id": f"lab_{concept.name}_{len(labels) + 1}", "role": role, "text": text})
    return labels


def render_concepts(taxonomy: Taxonomy) -> bytes:
    concepts = [
        {
            "name": c.name,
            "id": element_id(taxonomy.prefix, c.name),
            "type": item_type(c),
            "period": c.period.value,
            "balance": c.balance.value if c.balance else None,
            "abstract": c.abstract,
            "group": "xbrli:item",
        }
        for c in sorted(taxonomy.concepts.values(), key=lambda c: c.name)
    ] + dimension_elements(taxonomy)
    return render(
        "taxonomy.xsd.j2",
        title=taxonomy.title,
        prefix=taxonomy.prefix,
        namespace=taxonomy.namespace,
        label_file=files(taxonomy)["labels"],
        roles=_roles(taxonomy),
        concepts=concepts,
    )


def label_view(href: str, name: str, label: str, documentation: str) -> dict[str, object]:
    """A concept's standard label and documentation, ready for a label link."""
    labels = [{"id": f"lab_{name}_1", "role": STANDARD_LABEL, "text": xml_text(label)}]
    if documentation:
        text = xml_text(documentation)
        labels.append({"id": f"lab_{name}_2", "role": DOCUMENTATION, "text": text})
    return {"href": href, "loc": f"loc_{name}", "label_group": f"label_{name}", "labels": labels}


def _dimension_element(prefix: str, name: str, group: str, item_type: str) -> dict[str, object]:
    return {
        "name": name,
        "id": element_id(prefix, name),
        "type": item_type,
        "period": "duration",
        "balance": None,
        "abstract": True,
        "group": group,
    }


def dimension_elements(taxonomy: Taxonomy) -> list[dict[str, object]]:
    """The hypercube, axes and domains for split columns (members come per release)."""
    dims, prefix = taxonomy.dimensions, taxonomy.prefix
    elements = [_dimension_element(prefix, dims.hypercube, HYPERCUBE, STRING_ITEM)]
    for axis in dims.axes:
        elements.append(_dimension_element(prefix, axis.name, DIMENSION, STRING_ITEM))
        elements.append(_dimension_element(prefix, axis.domain, "xbrli:item", DOMAIN_ITEM))
    return elements


def _dimension_labels(taxonomy: Taxonomy) -> list[tuple[str, str, str]]:
    """(name, label, documentation) of the dimensional elements."""
    dims = taxonomy.dimensions
    rows = [(dims.hypercube, "Statement columns [Table]", "Columns that split a period's figures.")]
    for axis in dims.axes:
        rows.append((axis.name, f"{axis.label} [Axis]", axis.documentation))
        rows.append((axis.domain, f"{axis.label} [Domain]", f"All members of {axis.label}."))
    return rows


def render_labels(taxonomy: Taxonomy) -> bytes:
    schema = files(taxonomy)["concepts"]
    concepts = [
        {
            "href": f"{schema}#{element_id(taxonomy.prefix, c.name)}",
            "loc": f"loc_{c.name}",
            "label_group": f"label_{c.name}",
            "labels": _labels(c, taxonomy),
        }
        for c in sorted(taxonomy.concepts.values(), key=lambda c: c.name)
    ] + [
        label_view(f"{schema}#{element_id(taxonomy.prefix, name)}", name, label, documentation)
        for name, label, documentation in _dimension_labels(taxonomy)
    ]
    refs = [{"uri": synonym_role(taxonomy), "href": f"{schema}#synonym"}]
    return render("labels.xml.j2", title=taxonomy.title, role_refs=refs, concepts=concepts)


def presentation_link(role: str, roots: tuple[TreeNode, ...], href: Href) -> Link:
    locators: dict[str, Locator] = {}
    arcs: list[Arc] = []

    def visit(node: TreeNode) -> None:
        locators.setdefault(node.concept, _locator(node.concept, href))
        for order, child in enumerate(node.children, start=1):
            locators.setdefault(child.concept, _locator(child.concept, href))
            arcs.append(
                Arc(source=f"loc_{node.concept}", target=f"loc_{child.concept}", order=order)
            )
            visit(child)

    for root in roots:
        visit(root)
    return Link(
        element="presentationLink",
        arc_element="presentationArc",
        arcrole=PARENT_CHILD,
        role=role,
        locators=tuple(locators.values()),
        arcs=tuple(arcs),
    )


def calculation_link(role: str, relations: list[tuple[str, str, int, int]], href: Href) -> Link:
    """A calculation link from (total, item, weight, order) tuples."""
    locators: dict[str, Locator] = {}
    arcs: list[Arc] = []
    for total, item, weight, order in relations:
        for name in (total, item):
            locators.setdefault(name, _locator(name, href))
        arcs.append(Arc(source=f"loc_{total}", target=f"loc_{item}", order=order, weight=weight))
    return Link(
        element="calculationLink",
        arc_element="calculationArc",
        arcrole=SUMMATION_ITEM,
        role=role,
        locators=tuple(locators.values()),
        arcs=tuple(arcs),
    )


def _locator(name: str, href: Href) -> Locator:
    return Locator(href=href(name), label=f"loc_{name}")


def concept_href(schema: str, prefix: str) -> Href:
    """Locator targets for concepts declared in `schema` with element ids `prefix_Name`."""
    return lambda name: f"{schema}#{element_id(prefix, name)}"


def network_relations(network: CalcNetwork) -> list[tuple[str, str, int, int]]:
    return [
        (relation.total, item, weight, order)
        for relation in network.relations
        for order, (item, weight) in enumerate(relation.items, start=1)
    ]


def role_ref(taxonomy: Taxonomy, role: str, schema: str) -> dict[str, str]:
    return {"uri": taxonomy.role_uri(role), "href": f"{schema}#{role}"}


def _statement_roles(statement: Statement) -> list[str]:
    return [statement.role] + [n.role for n in statement.calculations if n.role != statement.role]


def _presented(nodes: tuple[TreeNode, ...]) -> set[str]:
    return {name for n in nodes for name in (n.concept, *_presented(n.children))}


def other_tree(taxonomy: Taxonomy) -> tuple[TreeNode, ...]:
    """A tree for every concept no statement presents (operating metrics, share
    repurchases, the split columns' table, axes and domains), so that every concept of the
    taxonomy has a place in a presentation tree, as processors that list a report's
    concepts by statement expect."""
    shown = set().union(*(_presented(s.presentation) for s in taxonomy.statements))
    dims = taxonomy.dimensions
    axes = tuple(
        TreeNode(concept=a.name, children=(TreeNode(concept=a.domain),)) for a in dims.axes
    )
    table = TreeNode(concept=dims.hypercube, children=axes)
    shown |= _presented((table,))
    others = sorted(c.name for c in taxonomy.concepts.values() if c.name not in shown)
    return (*(TreeNode(concept=name) for name in others), table)


def render_presentation(taxonomy: Taxonomy) -> bytes:
    schema = files(taxonomy)["concepts"]
    href = concept_href(schema, taxonomy.prefix)
    links = [
        presentation_link(taxonomy.role_uri(s.role), s.presentation, href)
        for s in taxonomy.statements
    ]
    links.append(presentation_link(taxonomy.role_uri(OTHER_ROLE), other_tree(taxonomy), href))
    refs = [role_ref(taxonomy, s.role, schema) for s in taxonomy.statements]
    refs.append(role_ref(taxonomy, OTHER_ROLE, schema))
    return render(
        "relations.xml.j2", title=f"{taxonomy.title}: presentation", role_refs=refs, links=links
    )


def render_calculation(taxonomy: Taxonomy) -> bytes:
    schema = files(taxonomy)["concepts"]
    href = concept_href(schema, taxonomy.prefix)
    links = [
        calculation_link(taxonomy.role_uri(n.role), network_relations(n), href)
        for _, n in taxonomy.networks()
    ]
    refs = [role_ref(taxonomy, n.role, schema) for _, n in taxonomy.networks()]
    return render(
        "relations.xml.j2", title=f"{taxonomy.title}: calculation", role_refs=refs, links=links
    )


def render_entry(taxonomy: Taxonomy) -> bytes:
    names = files(taxonomy)
    linkbases = [
        {"href": names["presentation"], "role": PRESENTATION_REF},
        {"href": names["calculation"], "role": CALCULATION_REF},
    ]
    return render(
        "entry.xsd.j2",
        title=taxonomy.title,
        namespace=taxonomy.namespace,
        linkbases=linkbases,
        concepts_file=names["concepts"],
    )


def render_taxonomy(taxonomy: Taxonomy) -> dict[str, bytes]:
    """Every file of the generated taxonomy, by file name."""
    names = files(taxonomy)
    return {
        names["concepts"]: render_concepts(taxonomy),
        names["labels"]: render_labels(taxonomy),
        names["presentation"]: render_presentation(taxonomy),
        names["calculation"]: render_calculation(taxonomy),
        names["entry"]: render_entry(taxonomy),
    }
