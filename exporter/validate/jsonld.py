"""Validate our JSON-LD: its JSON Schema, then the same facts as the XBRL instance.

The JSON-LD is a second rendering of the same facts, so it is checked against the
instance rather than trusted: each fact pairs with the instance fact of the same id
and must agree on concept, period, unit, value (as Decimal) and decimals (absent
means INF). The schema ships beside this module (`jsonld.schema.json`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

from exporter.errors import Location

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
from exporter.findings import Finding, Severity
from exporter.validate.instance import Fact, Instance, Period, parse_moment, read_instance
from exporter.validate.names import ISO4217, XBRLI, local_name, namespace, resolve_qname
from exporter.validate.result import ValidationResult
from exporter.validate.sources import instance_url
from exporter.validate.validator import parse_instance
from exporter.validate.values import INF, parse_decimals

SCHEMA_PATH = Path(__file__).parent / "jsonld.schema.json"
_MAX_REPORTED = 50
_OIM_PREFIXES: dict[str | None, str] = {"iso4217": ISO4217, "xbrli": XBRLI}

Signature = tuple[str, Period | None, object, object, int | str | None, tuple[tuple[str, str], ...]]


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """Replace local `#/$defs/...` references by their target: jsonschema's reference
    lookup roughly doubles validation time for a few hundred facts."""
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/") and len(node) == 1:
        return _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
    return {key: _inline_refs(value, defs) for key, value in node.items() if key != "$defs"}


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    """The full validator, which lists every error: only for a document the compiled check
    refused, so `jsonschema` (some 30 ms to import) is imported only then."""
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))


@lru_cache(maxsize=1)
def _fast_check() -> Any:
    """The schema compiled to Python: the common, valid case costs a few milliseconds."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return fastjsonschema.compile(_inline_refs(schema, schema.get("$defs", {})))


def _finding(code: str, message: str, fact: str = "", where: Location | None = None) -> Finding:
    numbers = {"fact": fact} if fact else {}
    return Finding(
        code=code, severity=Severity.ERROR, message=message, location=where, numbers=numbers
    )


def validate_jsonld(document: bytes, instance: bytes) -> ValidationResult:
    """Check the JSON-LD `document` alone, then fact for fact against the XML `instance`."""
    checks = ["jsonld.syntax"]
    try:
        data = json.loads(document)
    except (ValueError, UnicodeDecodeError) as exc:
        where = Location(line=getattr(exc, "lineno", None))
        return ValidationResult.of(
            [_finding("jsonld.malformed", f"not JSON: {exc}", where=where)], checks, 0
        )
    checks.append("jsonld.schema")
    findings = list(schema_findings(data))
    count = len(data.get("facts", [])) + len(data.get("cover", [])) if isinstance(data, dict) else 0
    if findings:
        return ValidationResult.of(findings, checks, count)
    checks.append("jsonld.instance")
    root, problems = parse_instance(instance, data["document"])
    if root is None:
        return ValidationResult.of(problems, checks, count)
    records = read_instance(root, instance_url(data["document"]))
    checks.extend(["jsonld.entity", "jsonld.facts", "jsonld.cover"])
    findings.extend(entity_findings(data, records))
    findings.extend(fact_findings(data, records))
    findings.extend(cover_findings(data, records))
    return ValidationResult.of(findings, checks, count)


def schema_findings(data: Any) -> Iterator[Finding]:
    """JSON Schema validity against `jsonld.schema.json` (every error listed when invalid)."""
    try:
        _fast_check()(data)
        return
    except fastjsonschema.JsonSchemaException:
        pass
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    for error in errors[:_MAX_REPORTED]:
        path = "/".join(str(p) for p in error.absolute_path) or "(root)"
        yield _finding("jsonld.schema-invalid", f"{path}: {error.message}")


def entity_findings(data: dict[str, Any], instance: Instance) -> Iterator[Finding]:
    """The JSON-LD entity is the instance's, and every fact refers to it."""
    entity = data["entity"]
    declared = {(c.scheme, c.identifier) for c in instance.contexts}
    if declared and (entity["scheme"], entity["identifier"]) not in declared:
        yield _finding(
            "jsonld.entity-mismatch",
            f"entity {entity['scheme']} {entity['identifier']} is not the instance's entity",
        )
    for fact in data["facts"]:
        if fact["entity"] != entity["@id"]:
            yield _finding(
                "jsonld.entity-mismatch",
                f"fact {fact['@id']} refers to entity {fact['entity']}",
                fact["@id"],
            )


def _number(text: str) -> object:
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        return text.strip()


def _concept_bases(data: dict[str, Any]) -> dict[str, str]:
    """Prefix -> namespace of the concept prefixes the JSON-LD context declares."""
    bases = {}
    for prefix, term in data["@context"].items():
        if isinstance(term, dict) and term.get("@prefix") and isinstance(term.get("@id"), str):
            bases[prefix] = term["@id"].rstrip("#/")
    return bases


def _xml_signature(fact: Fact, instance: Instance) -> Signature:
    context = instance.context(fact.context_ref)
    unit = instance.unit(fact.unit_ref)
    return (
        f"{{{namespace(fact.name).rstrip('#/')}}}{local_name(fact.name)}",
        context.period if context else None,
        unit.key if unit else None,
        _number(fact.text),
        _decimals(fact.decimals),
        context.members if context else (),
    )


def _decimals(text: str | None) -> int | str | None:
    """None for INF or absent (as JSON-LD omits it), the raw text when invalid."""
    if text is None:
        return None
    parsed = parse_decimals(text)
    if parsed is None:
        return text
    return None if parsed == INF else parsed


def _json_period(period: dict[str, str]) -> Period | None:
    if "instant" in period:
        end = parse_moment(period["instant"], end_of_day=True)
        return Period("instant", None, end) if end else None
    start = parse_moment(period["startDate"], end_of_day=False)
    end = parse_moment(period["endDate"], end_of_day=True)
    return Period("duration", start, end) if start and end else None


def _json_unit(text: str, nsmap: dict[str | None, str]) -> object:
    scope: dict[str | None, str] = {**nsmap, **_OIM_PREFIXES}
    numerator, _, denominator = text.partition("/")

    def measures(part: str) -> tuple[str, ...]:
        names = (resolve_qname(m, scope) or m for m in part.split("*") if m)
        return tuple(sorted(names))

    return (measures(numerator), measures(denominator))


def _json_concept(concept: str, bases: dict[str, str]) -> str:
    prefix, _, local = concept.partition(":")
    return f"{{{bases.get(prefix, prefix)}}}{local}"


def _json_signature(
    fact: dict[str, Any], nsmap: dict[str | None, str], bases: dict[str, str]
) -> Signature:
    return (
        _json_concept(fact["concept"], bases),
        _json_period(fact["period"]),
        _json_unit(fact["unit"], nsmap),
        _number(fact["value"]),
        fact.get("decimals"),
        _json_members(fact.get("dimension"), bases),
    )


def _json_members(
    dimension: dict[str, str] | None, bases: dict[str, str]
) -> tuple[tuple[str, str], ...]:
    if not dimension:
        return ()
    return ((_json_concept(dimension["axis"], bases), _json_concept(dimension["member"], bases)),)


_FIELDS = ("concept", "period", "unit", "value", "decimals", "dimension")


def fact_findings(data: dict[str, Any], instance: Instance) -> Iterator[Finding]:
    """One JSON-LD fact per instance fact, equal on concept, period, unit, value, decimals.

    A JSON-LD concept `xe:Name` names `{namespace}Name` where the context maps `xe` to
    the concept namespace (a trailing `#` or `/` aside).
    """
    xml = {f.id: f for f in instance.facts if f.id and f.unit_ref is not None}
    nsmap = dict(instance.root.nsmap)
    bases = _concept_bases(data)
    unpaired_json: Counter[Signature] = Counter()
    paired: set[str] = set()
    for node in data["facts"]:
        signature = _json_signature(node, nsmap, bases)
        fact = xml.get(node["@id"].removeprefix("_:"))
        if fact is None or fact.id in paired:
            unpaired_json[signature] += 1
            continue
        paired.add(fact.id or "")
        expected = _xml_signature(fact, instance)
        wrong = [name for name, a, b in zip(_FIELDS, signature, expected, strict=True) if a != b]
        if wrong:
            yield _finding(
                "jsonld.fact-mismatch",
                f"fact {node['@id']} differs from the instance in {', '.join(wrong)}",
                node["@id"],
                Location(file=instance.file, line=fact.line),
            )
    unpaired_xml = Counter(
        _xml_signature(f, instance)
        for f in instance.facts
        if f.id not in paired and f.unit_ref is not None
    )
    for signature in (unpaired_xml - unpaired_json).elements():
        yield _finding("jsonld.fact-missing", f"instance fact {_show(signature)} is missing")
    for signature in (unpaired_json - unpaired_xml).elements():
        yield _finding("jsonld.fact-extra", f"fact {_show(signature)} is not in the instance")


def _show(signature: Signature) -> str:
    concept, period, _, value, decimals, _members = signature
    concept = local_name(concept)
    when = (period.end - timedelta(days=1)).date().isoformat() if period and period.end else "?"
    return f"{concept} = {value} (decimals {decimals}) ending {when}"


def cover_findings(data: dict[str, Any], instance: Instance) -> Iterator[Finding]:
    """One JSON-LD cover fact per non-numeric instance fact, by id, equal on concept,
    period and text (the cover facts: what document this is, whose, for which period)."""
    bases = _concept_bases(data)
    nodes = {node["@id"].removeprefix("_:"): node for node in data.get("cover", [])}
    for fact in instance.facts:
        if fact.unit_ref is not None:
            continue
        node = nodes.pop(fact.id or "", None)
        if node is None:
            yield _finding("jsonld.cover-missing", f"instance fact {fact.label} is missing")
            continue
        context = instance.context(fact.context_ref)
        expected = (
            f"{{{namespace(fact.name).rstrip('#/')}}}{local_name(fact.name)}",
            context.period if context else None,
            fact.text,
        )
        stated = (_json_concept(node["concept"], bases), _json_period(node["period"]), node["text"])
        if stated != expected:
            yield _finding(
                "jsonld.cover-mismatch",
                f"cover fact {node['@id']} differs from the instance's {fact.label}",
                node["@id"],
                Location(file=instance.file, line=fact.line),
            )
    for node_id in nodes:
        yield _finding("jsonld.cover-extra", f"cover fact _:{node_id} is not in the instance")
