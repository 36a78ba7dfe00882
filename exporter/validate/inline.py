"""Validate our Inline XBRL 1.1 page before it is written: XHTML, header, tags, facts.

- `ixbrl.wellformed`: XML 1.0 (the page is XHTML), no DTD, root `xhtml:html`;
- `ixbrl.header` (Inline XBRL 1.1 §8-§9): one `ix:header` whose `ix:references` hold
  the release's schemaRef and whose `ix:resources` hold the instance's contexts and
  units, each equal to the instance's of the same id;
- `ixbrl.ids`: no id twice in the page (facts, cells, rows);
- `ixbrl.tags` (§11.9): each `ix:nonFraction` names a declared prefix, refers to a
  context and a unit of the resources, has integer `scale`, `decimals` and `sign="-"`
  at most, and a format we know whose lexical rule its displayed text meets
  (`ixt:num-dot-decimal`, `ixt:fixed-zero` of Transformation Registry 4 or 5,
  `ixt:num-dot-decimal-apos` of Registry 5: `exporter.transformations`; no format
  means a plain decimal); `ix:nonNumeric` (the cover facts) names a declared prefix and
  a context, its text the value; no other fact elements are used here;
- `ixbrl.instance`: the displayed values, transformed, scaled and signed, are the
  instance's facts (by id; a second printing is a consistent duplicate);
- `ixbrl.footnotes` (§15): `ix:footnote` and `ix:relationship` state the instance's
  footnote links (see `footnotes`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from lxml import etree

from exporter import transformations
from exporter.findings import Finding
from exporter.transformations import FIXED_ZERO, FIXED_ZERO_REGISTRIES
from exporter.validate.footnotes import inline_links, link_findings
from exporter.validate.instance import Context, Instance, read_instance
from exporter.validate.names import LINK_SCHEMA_REF, XLINK_HREF, resolve_qname, tag
from exporter.validate.oim import (
    PURE,
    StatedFact,
    compare_with_instance,
    decimal_value,
    finding,
    reference,
)
from exporter.validate.result import ValidationResult
from exporter.validate.validator import parse_instance

XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
NON_FRACTION = f"{{{IX}}}nonFraction"
NON_NUMERIC = f"{{{IX}}}nonNumeric"
_OTHER_IX = ("fraction", "tuple", "continuation", "exclude")
_INTEGER = re.compile(r"[+-]?\d+")


def displayed_value(text: str, format_name: str | None) -> Decimal | None:
    """The value the displayed text stands for under the format (a Clark name), before
    scale and sign: the formats are the page writer's own (`exporter.transformations`)."""
    if format_name is None:
        return None if text.strip().startswith(("-", "+")) else decimal_value(text)
    namespace, _, name = format_name[1:].partition("}")
    if name == FIXED_ZERO and namespace in FIXED_ZERO_REGISTRIES:
        return Decimal(0)
    number_format = transformations.number_format(namespace, name)
    return number_format.value(text) if number_format else None


def header_findings(
    root: etree._Element, name: str, schema: str, instance: Instance
) -> tuple[etree._Element | None, list[Finding]]:
    """The one `ix:header`: schemaRef and resources equal to the instance's."""
    headers = list(root.iter(f"{{{IX}}}header"))
    if len(headers) != 1:
        return None, [finding("ixbrl.header", f"{len(headers)} ix:header elements", name)]
    header = headers[0]
    problems = []
    hrefs = [r.get(XLINK_HREF) for r in header.iter(LINK_SCHEMA_REF)]
    if hrefs != [schema]:
        problems.append(f"schemaRef {hrefs!r}, not [{schema!r}]")
    resources = header.find(f"{{{IX}}}resources")
    if resources is None:
        return None, [finding("ixbrl.header", "ix:resources is missing", name)]
    page = read_instance(resources, instance.url)
    for context in instance.contexts:
        mine = page.context(context.id)
        if mine is None or (mine.key[:3], mine.members) != (context.key[:3], context.members):
            problems.append(f"context {context.id} is not the instance's")
    for unit in instance.units:
        mine_unit = page.unit(unit.id)
        if mine_unit is None or mine_unit.key != unit.key:
            problems.append(f"unit {unit.id} is not the instance's")
    return resources, [finding("ixbrl.header", p, name) for p in problems]


def id_findings(root: etree._Element, name: str) -> Iterator[Finding]:
    counts = Counter(el.get("id") for el in root.iter() if el.get("id") is not None)
    for value, count in sorted(counts.items()):
        if count > 1:
            yield finding("ixbrl.duplicate-id", f"id {value!r} is used {count} times", name)


def root_namespaces(document: bytes, root: etree._Element) -> dict[str | None, str] | None:
    """The root's namespaces when no element below redeclares any (then QNames resolve the
    same everywhere, without asking each element); None otherwise."""
    start = document.find(b"<html")
    end = document.find(b">", start)
    if start < 0 or document.find(b"xmlns", end) >= 0:
        return None
    return dict(root.nsmap)


def _tag_target(
    element: etree._Element, page: Instance, nsmap: dict[str | None, str] | None
) -> tuple[str, dict[str | None, str], str | None, Context | None, list[str]]:
    """What every fact tag names: its label for messages, the namespaces its QNames resolve
    in, its concept and its context, and which of those two do not resolve."""
    label = element.get("id") or f"line {element.sourceline}"
    nsmap = nsmap if nsmap is not None else dict(element.nsmap)
    concept = resolve_qname(element.get("name", ""), nsmap)
    context = page.context(element.get("contextRef"))
    problems = [
        f"{what} {element.get(what)!r} does not resolve"
        for what, missing in (("name", concept), ("contextRef", context))
        if missing is None
    ]
    return label, nsmap, concept, context, problems


def read_tag(
    element: etree._Element, page: Instance, name: str, nsmap: dict[str | None, str] | None
) -> tuple[StatedFact | None, list[Finding]]:
    """One `ix:nonFraction` as the fact it states, or why it states none."""
    label, nsmap, concept, context, problems = _tag_target(element, page, nsmap)
    unit = page.unit(element.get("unitRef"))
    format_text = element.get("format")
    format_name = resolve_qname(format_text, nsmap) if format_text else None
    text = "".join(element.itertext())
    shown = displayed_value(text, format_name)
    scale, decimals, sign = element.get("scale", "0"), element.get("decimals"), element.get("sign")
    if unit is None:
        problems.append(f"unitRef {element.get('unitRef')!r} does not resolve")
    if shown is None:
        problems.append(f"{text!r} is not valid for format {format_text!r}")
    if not _INTEGER.fullmatch(scale):
        problems.append(f"scale {scale!r} is not an integer")
    if decimals is None or not (decimals == "INF" or _INTEGER.fullmatch(decimals)):
        problems.append(f"decimals {decimals!r} is not an integer or INF")
    if sign not in (None, "-"):
        problems.append(f"sign {sign!r} is not '-'")
    if problems or not concept or not context or not context.period or not unit or shown is None:
        return None, [
            finding("ixbrl.tag", f"{label}: {p}", name, element.sourceline) for p in problems
        ]
    value = shown.scaleb(int(scale))
    return StatedFact(
        id=element.get("id"),
        where=f"ix:nonFraction {label}",
        concept=concept,
        entity=(context.scheme, context.identifier),
        period=context.period,
        members=context.members,
        unit=unit.key,
        value=-value if sign == "-" else value,
        decimals=None if decimals == "INF" else int(decimals or 0),
        line=element.sourceline,
    ), []


def read_text_tag(
    element: etree._Element, page: Instance, name: str, nsmap: dict[str | None, str] | None
) -> tuple[StatedFact | None, list[Finding]]:
    """One `ix:nonNumeric` as the fact it states (its text, read as `instance_facts` reads
    a non-numeric fact), or why it states none."""
    label, nsmap, concept, context, problems = _tag_target(element, page, nsmap)
    if problems or not concept or not context or not context.period:
        return None, [
            finding("ixbrl.tag", f"{label}: {p}", name, element.sourceline) for p in problems
        ]
    text = "".join(element.itertext())
    number = decimal_value(text)
    return StatedFact(
        id=element.get("id"),
        where=f"ix:nonNumeric {label}",
        concept=concept,
        entity=(context.scheme, context.identifier),
        period=context.period,
        members=context.members,
        unit=None if number is None else PURE,
        value=text if number is None else number,
        decimals=None,
        line=element.sourceline,
    ), []


def validate_inline(
    document: bytes, name: str, instance: bytes, instance_name: str, schema: str
) -> ValidationResult:
    """Check the Inline XBRL page `document`, then its facts against the XML instance."""
    checks = ["ixbrl.wellformed"]
    root, problems = parse_instance(document, name)
    if root is None:
        return ValidationResult.of(problems, checks, 0)
    if root.tag != f"{{{XHTML}}}html":
        problems.append(finding("ixbrl.root", f"root element is {tag(root)}", name, 1))
        return ValidationResult.of(problems, checks, 0)
    expected = reference(instance, instance_name)
    records = expected.instance
    if records is None:
        return ValidationResult.of(problems + list(expected.problems), checks, 0)
    checks += ["ixbrl.header", "ixbrl.ids", "ixbrl.tags"]
    resources, findings = header_findings(root, name, schema, records)
    findings = problems + findings + list(id_findings(root, name))
    if resources is None:
        return ValidationResult.of(findings, checks, 0)
    page = read_instance(resources, records.url)
    for other in _OTHER_IX:
        for element in root.iter(f"{{{IX}}}{other}"):
            message = f"ix:{other} is not used by this exporter"
            findings.append(finding("ixbrl.tag", message, name, element.sourceline))
    stated = []
    nsmap = root_namespaces(document, root)
    for element in root.iter(NON_FRACTION, NON_NUMERIC):
        read = read_tag if element.tag == NON_FRACTION else read_text_tag
        fact, problems = read(element, page, name, nsmap)
        findings.extend(problems)
        if fact is not None:
            stated.append(fact)
    checks += ["ixbrl.instance", "ixbrl.footnotes"]
    findings.extend(compare_with_instance("ixbrl.fact", stated, expected.facts, name, by_id=True))
    links, problems = inline_links(root, IX, name)
    findings += problems + list(link_findings("ixbrl", links, instance, name))
    return ValidationResult.of(findings, checks, len(stated))
