"""The cover concepts' schema (written once, beside the taxonomy) and the cover facts as
each output states them: XML elements, OIM facts, Inline XBRL `ix:nonNumeric` rows.

The schema holds its own en-US labels and a presentation tree under `CoverAbstract`, in
an embedded linkbase, so that it is complete on its own and every concept has a place in
a presentation tree.
"""

from __future__ import annotations

from exporter.facts.model import CoverFact, FactSet
from exporter.render.env import render
from exporter.render.taxonomy import (
    DOCUMENTATION,
    STANDARD_LABEL,
    concept_href,
    element_id,
    presentation_link,
)
from exporter.render.text import xml_text
from exporter.taxonomy import TreeNode
from exporter.taxonomy_cover import CoverSpec


def _labels(spec: CoverSpec) -> list[dict[str, object]]:
    rows = [(spec.abstract, spec.abstract_label, "")]
    rows += [(c.name, c.label, c.documentation) for c in spec.concepts]
    views: list[dict[str, object]] = []
    for name, label, documentation in rows:
        labels = [{"id": f"lab_{name}_1", "role": STANDARD_LABEL, "text": xml_text(label)}]
        if documentation:
            labels.append(
                {"id": f"lab_{name}_2", "role": DOCUMENTATION, "text": xml_text(documentation)}
            )
        views.append(
            {
                "href": f"{spec.schema_file}#{element_id(spec.prefix, name)}",
                "loc": f"loc_{name}",
                "label_group": f"label_{name}",
                "labels": labels,
            }
        )
    return views


def render_cover_schema(spec: CoverSpec) -> bytes:
    """The schema of the cover concepts, with their labels and presentation tree."""
    concepts: list[dict[str, object]] = [
        {"name": spec.abstract, "id": element_id(spec.prefix, spec.abstract)}
    ]
    concepts[0].update(type="xbrli:stringItemType", abstract=True)
    concepts += [
        {"name": c.name, "id": element_id(spec.prefix, c.name), "type": c.type, "abstract": False}
        for c in spec.concepts
    ]
    tree = TreeNode(
        concept=spec.abstract, children=tuple(TreeNode(concept=c.name) for c in spec.concepts)
    )
    link = presentation_link(spec.role_uri, (tree,), concept_href(spec.schema_file, spec.prefix))
    return render(
        "cover.xsd.j2",
        title=spec.title,
        prefix=spec.prefix,
        namespace=spec.namespace,
        role={"uri": spec.role_uri, "id": spec.role, "definition": spec.definition},
        role_refs=[{"uri": spec.role_uri, "href": f"{spec.schema_file}#{spec.role}"}],
        links=[link],
        label_concepts=_labels(spec),
        concepts=concepts,
    )


def cover_qname(spec: CoverSpec, fact: CoverFact) -> str:
    return f"{spec.prefix}:{fact.concept}"


def cover_rows(facts: FactSet, spec: CoverSpec) -> list[dict[str, str]]:
    """Each cover fact with its qname and label, for the templates."""
    return [
        {
            "id": f.id,
            "qname": cover_qname(spec, f),
            "context": f.context,
            "value": f.value,
            "label": spec.concept(f.concept).label,
        }
        for f in facts.cover
    ]


def cover_namespace(facts: FactSet, spec: CoverSpec) -> dict[str, str]:
    """The cover prefix and namespace, when the release has cover facts."""
    return {spec.prefix: spec.namespace} if facts.cover else {}
