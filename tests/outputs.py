"""Helpers that read our outputs independently of the exporter's own code."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from lxml import etree

XBRLI = "{http://www.xbrl.org/2003/instance}"
XBRLDI = "{http://xbrl.org/2006/xbrldi}"
FactKey = tuple[str, str, str, Decimal, str, str]


def iri(clark_or_qname: str, nsmap: dict | None = None) -> str:
    """namespace#local for a Clark name or a prefixed QName."""
    if clark_or_qname.startswith("{"):
        namespace, local = clark_or_qname[1:].split("}")
        return f"{namespace}#{local}"
    prefix, _, local = clark_or_qname.partition(":")
    return f"{(nsmap or {})[prefix]}#{local}"


def _dimensions(context) -> str:
    pairs = sorted(
        f"{iri(m.get('dimension'), m.nsmap)}={iri(m.text.strip(), m.nsmap)}"
        for m in context.iter(f"{XBRLDI}explicitMember")
    )
    return ";".join(pairs)


def xml_facts(instance: bytes) -> set[FactKey]:
    """(concept IRI, period, unit, value, decimals, dimensions) for every fact of an instance."""
    return set(xml_facts_by_id(instance).values())


def xml_facts_by_id(instance: bytes) -> dict[str, FactKey]:
    """The same keys, by fact id."""
    root = etree.fromstring(instance)
    periods = {}
    dimensions = {c.get("id"): _dimensions(c) for c in root.iter(f"{XBRLI}context")}
    for context in root.iter(f"{XBRLI}context"):
        instant = context.findtext(f".//{XBRLI}instant")
        start = context.findtext(f".//{XBRLI}startDate")
        end = context.findtext(f".//{XBRLI}endDate")
        periods[context.get("id")] = instant if instant else f"{start}/{end}"
    units = {}
    for unit in root.iter(f"{XBRLI}unit"):
        numerator = [m.text for m in unit.iterfind(f".//{XBRLI}unitNumerator/{XBRLI}measure")]
        denominator = [m.text for m in unit.iterfind(f".//{XBRLI}unitDenominator/{XBRLI}measure")]
        plain = [m.text for m in unit.iterfind(f"{XBRLI}measure")]
        units[unit.get("id")] = (
            "/".join(["*".join(numerator), "*".join(denominator)]) if numerator else "*".join(plain)
        )
    facts = {}
    for element in root:
        if element.get("contextRef") is None or element.get("unitRef") is None:
            continue  # not a number: the cover facts are compared on their own
        namespace, local = element.tag[1:].split("}")
        facts[element.get("id")] = (
            f"{namespace}#{local}",
            periods[element.get("contextRef")],
            units[element.get("unitRef")],
            Decimal(element.text),
            element.get("decimals"),
            dimensions[element.get("contextRef")],
        )
    return facts


def output_file(directory: Path, suffix: str) -> Path:
    (path,) = sorted(directory.glob(f"*{suffix}"))
    return path
