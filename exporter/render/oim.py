"""What the OIM renderings (xBRL-JSON, xBRL-CSV) and Inline XBRL share: the aspects of
each fact in Open Information Model terms, taken from the facts and the rendered instance.

The instance is the reference: contexts (with any dimension members) and namespace
prefixes are read back from its bytes, so every other rendering states exactly what the
instance states. OIM periods are date-times: the instant 2024-12-31 is
`2025-01-01T00:00:00`, the duration 2024-10-01..2024-12-31 is
`2024-10-01T00:00:00/2025-01-01T00:00:00` (xBRL-CSV also reads the friendlier
`2024-12-31@end` and `2024-10-01..2024-12-31`, which its tables use).
"""

from __future__ import annotations

import re
from datetime import timedelta

from lxml import etree

from exporter.facts.model import CoverFact, Entity, Fact, FactSet, Unit
from exporter.models import Frozen
from exporter.periods import Period
from exporter.render.document import unit_text
from exporter.render.env import decimal_text, render
from exporter.render.provenance import (
    FOOTNOTE_LANGUAGE,
    OIM_LINK_GROUPS,
    OIM_LINK_TYPES,
    OIM_NAMESPACE,
    footnotes_by_fact,
)

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
OIM_JSON = "https://xbrl.org/2021/xbrl-json"
OIM_CSV = "https://xbrl.org/2021/xbrl-csv"
# Prefixes every OIM document here may use for units, whatever the instance declares.
_UNIT_NAMESPACES = {"iso4217": ISO4217, "xbrli": XBRLI}
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_NCNAME_TAIL = re.compile(r"[^A-Za-z0-9_.-]")

Dimensions = tuple[tuple[str, str], ...]


class InstanceAspects(Frozen):
    """What the rendered instance says beyond the facts: prefixes, members per context."""

    namespaces: dict[str, str]
    dimensions: dict[str, Dimensions]


def instance_aspects(instance: bytes) -> InstanceAspects:
    """Namespace prefixes and the explicit dimension members of each context."""
    root = etree.fromstring(instance, _SAFE_PARSER)
    namespaces = {p: u for p, u in root.nsmap.items() if p}
    dimensions: dict[str, Dimensions] = {}
    for context in root.iterchildren(f"{{{XBRLI}}}context"):
        members = [
            ((m.get("dimension") or "").strip(), (m.text or "").strip())
            for m in context.iter(f"{{{XBRLDI}}}explicitMember")
        ]
        dimensions[context.get("id", "")] = tuple(sorted(members))
    return InstanceAspects(namespaces=namespaces, dimensions=dimensions)


def json_period(period: Period) -> str:
    """xBRL-JSON period: date-times, the end exclusive."""
    end = f"{(period.end + timedelta(days=1)).isoformat()}T00:00:00"
    if period.start is None:
        return end
    return f"{period.start.isoformat()}T00:00:00/{end}"


def csv_period(period: Period) -> str:
    """xBRL-CSV period as people write dates: "2024-12-31@end", "2024-10-01..2024-12-31"."""
    if period.start is None:
        return f"{period.end.isoformat()}@end"
    return f"{period.start.isoformat()}..{period.end.isoformat()}"


def scheme_prefix(scheme: str, taken: set[str]) -> str:
    """A prefix for the entity scheme, from its last path segment ("ticker", "cik")."""
    last = scheme.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower()
    prefix = _NCNAME_TAIL.sub("", last)
    if not prefix or not prefix[0].isalpha():
        prefix = "scheme"
    candidate, n = prefix, 1
    while candidate in taken:
        n += 1
        candidate = f"{prefix}{n}"
    return candidate


class OimNames(Frozen):
    """Prefixes and SQName strings for the aspects of one release's facts."""

    namespaces: dict[str, str]
    entity: str
    units: dict[str, str | None]
    periods: dict[str, Period]
    dimensions: dict[str, Dimensions]


def _used_prefixes(
    facts: FactSet, concept_qnames: dict[str, str], aspects: InstanceAspects
) -> set[str]:
    used = {q.partition(":")[0] for q in concept_qnames.values()}
    for unit in facts.units:
        used.update(m.partition(":")[0] for m in (*unit.numerator, *unit.denominator))
    for members in aspects.dimensions.values():
        for dimension, member in members:
            used.update((dimension.partition(":")[0], member.partition(":")[0]))
    return used


def oim_names(facts: FactSet, concept_qnames: dict[str, str], aspects: InstanceAspects) -> OimNames:
    """The OIM view of the release's aspects: namespaces used, entity, units, periods."""
    known = {**aspects.namespaces, **_UNIT_NAMESPACES}
    used = _used_prefixes(facts, concept_qnames, aspects)
    namespaces = {p: known[p] for p in sorted(used) if p in known}
    prefix = scheme_prefix(facts.entity.scheme, set(known))
    namespaces[prefix] = facts.entity.scheme
    return OimNames(
        namespaces=dict(sorted(namespaces.items())),
        entity=entity_sqname(facts.entity, prefix),
        units={u.id: oim_unit(u) for u in facts.units},
        periods={c.id: c.period for c in facts.contexts},
        dimensions=aspects.dimensions,
    )


def oim_unit(unit: Unit) -> str | None:
    """The OIM unit string; None for xbrli:pure, which OIM writes by leaving the unit out."""
    text = unit_text(unit)
    return None if text == "xbrli:pure" else text


def entity_sqname(entity: Entity, prefix: str) -> str:
    return f"{prefix}:{entity.identifier}"


def _json_fact(fact: Fact, qname: str, names: OimNames) -> dict[str, object]:
    """One xBRL-JSON fact (key order fixed: output must be reproducible)."""
    dimensions: dict[str, str] = {
        "concept": qname,
        "entity": names.entity,
        "period": json_period(names.periods[fact.context]),
    }
    unit = names.units[fact.unit]
    if unit is not None:
        dimensions["unit"] = unit
    dimensions.update(names.dimensions.get(fact.context, ()))
    view: dict[str, object] = {"value": decimal_text(fact.value)}
    if fact.decimals is not None:
        view["decimals"] = fact.decimals
    view["dimensions"] = dimensions
    return view


def oim_link_info(facts: FactSet, namespaces: dict[str, str]) -> dict[str, object]:
    """What `documentInfo` adds when the release has footnotes: the `xbrl` prefix (for
    `xbrl:note`), and the link type and group aliases the links use."""
    if not facts.footnotes:
        return {"namespaces": namespaces}
    return {
        "namespaces": dict(sorted({**namespaces, "xbrl": OIM_NAMESPACE}.items())),
        "link_types": OIM_LINK_TYPES,
        "link_groups": OIM_LINK_GROUPS,
    }


def note_dimensions(note_id: str) -> dict[str, str]:
    """The dimensions of a footnote as an OIM fact of `xbrl:note`."""
    return {"concept": "xbrl:note", "noteId": note_id, "language": FOOTNOTE_LANGUAGE}


def _json_facts(
    facts: FactSet, concept_qnames: dict[str, str], names: OimNames
) -> list[tuple[str, dict[str, object]]]:
    """The numeric facts (with their footnote links, as the instance's), the cover facts,
    then the notes."""
    linked = footnotes_by_fact(facts)
    views = []
    for fact in facts.facts:
        view = _json_fact(fact, concept_qnames[fact.concept], names)
        if fact.id in linked:
            view["links"] = {"footnote": {"_": linked[fact.id]}}
        views.append((fact.id, view))
    views += [(f.id, cover_json_fact(f, concept_qnames, names)) for f in facts.cover]
    for note in facts.footnotes:
        views.append((note.id, {"value": note.text, "dimensions": note_dimensions(note.id)}))
    return views


def cover_json_fact(fact: CoverFact, qnames: dict[str, str], names: OimNames) -> dict[str, object]:
    """A cover fact in xBRL-JSON: text, no unit, no decimals."""
    dimensions = {
        "concept": qnames[fact.concept],
        "entity": names.entity,
        "period": json_period(names.periods[fact.context]),
    }
    return {"value": fact.value, "dimensions": dimensions}


def render_xbrl_json(
    facts: FactSet, concept_qnames: dict[str, str], names: OimNames, schema_href: str
) -> bytes:
    """xBRL-JSON (OIM 1.0): every fact of the instance, under the instance's fact ids, and
    each footnote as an `xbrl:note` fact its facts link to (`links.footnote`)."""
    info = oim_link_info(facts, names.namespaces)
    return render(
        "xbrl.json.j2",
        document_type=OIM_JSON,
        link_types=info.get("link_types"),
        link_groups=info.get("link_groups"),
        namespaces=info["namespaces"],
        taxonomy=[schema_href],
        facts=_json_facts(facts, concept_qnames, names),
    )
