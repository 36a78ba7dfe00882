"""Validate our xBRL-JSON (OIM 1.0) before it is written: structure, then the instance's facts.

Structure (xBRL-JSON 1.0 §2-§3, OIM 1.0 §4): a JSON object whose `documentInfo` has the
xBRL-JSON `documentType`, a `namespaces` map and a `taxonomy` list naming the release's
schema; `facts` maps fact ids to objects with a string `value`, an integer `decimals`
when present and `dimensions` with a `concept`, `entity`, `period` and (for anything
but pure numbers) `unit`, every prefix declared. Then every fact must be the instance's
fact of the same id, equal in concept, entity, period, dimensions, unit, value and
decimals (see `oim.compare_with_instance`). Footnotes are `xbrl:note` facts; the facts'
footnote links must be the instance's (see `footnotes`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exporter.findings import Finding
from exporter.validate.footnotes import is_note, json_links, link_findings
from exporter.validate.oim import (
    Resolver,
    StatedFact,
    against_instance,
    document_info,
    finding,
    parse_json,
    text_or_number,
)
from exporter.validate.result import ValidationResult

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"
_CORE = frozenset({"concept", "entity", "period", "unit"})


def document_findings(data: Any, name: str, taxonomy: str) -> Iterator[Finding]:
    """`documentInfo` and `facts` are there and say what an xBRL-JSON report must."""
    info, found = document_info(data, name, "xbrl-json", DOCUMENT_TYPE, taxonomy, "document")
    yield from found
    if info is None:
        return
    namespaces = info.get("namespaces")
    if not isinstance(namespaces, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in namespaces.items()
    ):
        yield finding("xbrl-json.structure", "documentInfo.namespaces is not a map of URIs", name)
    if not isinstance(data.get("facts"), dict):
        yield finding("xbrl-json.structure", "facts is missing or not an object", name)


def read_fact(
    fact_id: str, fact: Any, resolver: Resolver, name: str
) -> tuple[StatedFact | None, list[Finding]]:
    """One xBRL-JSON fact resolved, or the reasons it cannot be."""
    problems: list[str] = []
    if not isinstance(fact, dict) or not isinstance(fact.get("dimensions"), dict):
        return None, [finding("xbrl-json.fact", f"fact {fact_id} has no dimensions", name)]
    dimensions = fact["dimensions"]
    value = fact.get("value")
    number = text_or_number(value, fact, fact.get("dimensions", {}))
    if number is None:
        problems.append(f"value {value!r} is not a decimal string")
    decimals = fact.get("decimals")
    if decimals is not None and (not isinstance(decimals, int) or isinstance(decimals, bool)):
        problems.append(f"decimals {decimals!r} is not an integer")
    concept = resolver.concept(str(dimensions.get("concept", "")))
    who = resolver.entity(str(dimensions.get("entity", "")))
    period = resolver.period(str(dimensions.get("period", "")))
    unit_text = dimensions.get("unit")
    unit = resolver.unit(unit_text if isinstance(unit_text, str) else None)
    for aspect, resolved in (("concept", concept), ("entity", who), ("period", period)):
        if resolved is None:
            problems.append(f"{aspect} {dimensions.get(aspect)!r} does not resolve")
    if isinstance(number, str):
        unit = None  # a non-numeric fact has no unit (OIM 1.0 §4.3)
    elif unit is None:
        problems.append(f"unit {unit_text!r} does not resolve")
    members: list[tuple[str, str]] = []
    for dimension, member in sorted(dimensions.items()):
        if dimension in _CORE:
            continue
        axis, value = resolver.concept(dimension), resolver.concept(str(member))
        if axis is None or value is None:
            problems.append(f"dimension {dimension!r}: {member!r} does not resolve")
        else:
            members.append((axis, value))
    if problems or number is None or concept is None or who is None or period is None:
        return None, [finding("xbrl-json.fact", f"fact {fact_id}: {p}", name) for p in problems]
    stated = StatedFact(
        id=fact_id,
        where=f"fact {fact_id}",
        concept=concept,
        entity=who,
        period=period,
        members=tuple(sorted(members)),
        unit=unit,
        value=number,
        decimals=decimals,
    )
    return stated, []


def _dimensions(fact: Any) -> dict[str, Any]:
    dimensions = fact.get("dimensions") if isinstance(fact, dict) else None
    return dimensions if isinstance(dimensions, dict) else {}


def validate_xbrl_json(
    document: bytes, name: str, instance: bytes, instance_name: str, taxonomy: str
) -> ValidationResult:
    """Check the xBRL-JSON `document` alone, then fact for fact against the XML instance."""
    checks = ["xbrl-json.syntax"]
    data, malformed = parse_json(document, name, "xbrl-json")
    if malformed:
        return ValidationResult.of(malformed, checks, 0)
    checks.append("xbrl-json.document")
    findings = list(document_findings(data, name, taxonomy))
    if findings:
        return ValidationResult.of(findings, checks, 0)
    namespaces = data["documentInfo"]["namespaces"]
    resolver = Resolver(namespaces)
    checks += ["xbrl-json.facts", "xbrl-json.footnotes"]
    stated = []
    for fact_id, fact in data["facts"].items():
        if is_note(_dimensions(fact).get("concept"), namespaces):
            continue
        read, problems = read_fact(fact_id, fact, resolver, name)
        findings.extend(problems)
        if read is not None:
            stated.append(read)
    links, problems = json_links(data["facts"], data["documentInfo"].get("linkGroups"), name)
    findings += problems + list(link_findings("xbrl-json", links, instance, name))
    return against_instance(
        "xbrl-json", stated, findings, checks, (instance, instance_name), name, by_id=True
    )
