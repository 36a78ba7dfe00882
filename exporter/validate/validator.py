"""Validate an XBRL 2.1 instance, or a taxonomy schema or linkbase, from its bytes.

Three loading steps come before the registry and are reported as checks too:
`xml.wellformed` (safe parse, no DTD, no entities, no network), `xbrl.root` (the
document is an `xbrli:xbrl`) and `xbrl.dts` (discovery through the resolver).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from lxml import etree

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.documents import Reference
from exporter.validate.dts import Dts, load_dts
from exporter.validate.instance import Instance, read_instance
from exporter.validate.names import LINK_LINKBASE, XBRLI_XBRL, XSD_SCHEMA, tag
from exporter.validate.options import Calc, Profile
from exporter.validate.registry import TAXONOMY_RULES, run_rules
from exporter.validate.result import ValidationResult
from exporter.validate.sources import Resolver, file_resolver, instance_url, parse
from exporter.validate.subject import bind
from exporter.validate.xmlschema import schema_hints


def _error(code: str, message: str, file: str, line: int | None = None) -> Finding:
    return Finding(
        code=code, severity=Severity.ERROR, message=message, location=Location(file=file, line=line)
    )


def parse_instance(data: bytes, name: str) -> tuple[etree._Element | None, list[Finding]]:
    """XML 1.0 well-formedness, refusing DTDs: the root, or None and why not."""
    try:
        root = parse(data, instance_url(name))
    except etree.XMLSyntaxError as exc:
        return None, [_error("xml.malformed", f"not well-formed XML: {exc.msg}", name, exc.lineno)]
    findings = []
    doctype = root.getroottree().docinfo
    if doctype.doctype or doctype.internalDTD is not None:
        findings.append(
            _error("xml.doctype", "a DOCTYPE is not allowed (entities unexpanded)", name, 1)
        )
    return root, findings


def _load(instance: Instance, name: str, resolve: Resolver) -> tuple[Dts | None, list[Finding]]:
    schema_refs = [r for r in instance.references if r.kind == "schemaRef"]
    if not schema_refs:
        message = "the instance has no link:schemaRef (XBRL 2.1 §4.2.2)"
        return None, [_error("xbrl.schemaref-missing", message, name)]
    return load_dts(instance.references, resolve)


def validate_instance(
    instance: bytes,
    name: str,
    resolve: Resolver,
    profile: Profile = Profile.SPEC,
    calc: Calc = Calc.C11,
) -> ValidationResult:
    """Validate the instance `name` (bytes given) whose DTS is read through `resolve`."""
    checks = ["xml.wellformed"]
    root, findings = parse_instance(instance, name)
    if root is None:
        return ValidationResult(findings=tuple(findings), checks=tuple(checks), fact_count=0)
    checks.append("xbrl.root")
    if root.tag != XBRLI_XBRL:
        findings.append(_error("xbrl.root-invalid", f"root element is {tag(root)}", name, 1))
        return ValidationResult(findings=tuple(findings), checks=tuple(checks), fact_count=0)
    records = read_instance(root, instance_url(name))
    checks.append("xbrl.dts")
    dts, loading = _load(records, name, resolve)
    findings.extend(loading)
    hints = schema_hints(root, dts, resolve)
    subject = bind(name, records, dts, profile, calc, hints)
    more, ran = run_rules(subject)
    return ValidationResult(
        findings=tuple(findings + more),
        checks=tuple(checks + ran),
        fact_count=len(subject.facts),
    )


def validate_instance_file(
    path: Path, profile: Profile = Profile.SPEC, calc: Calc = Calc.C11
) -> ValidationResult:
    """Validate an instance on disk; its DTS is read relative to its directory."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        finding = _error("xml.unreadable", f"cannot read the instance: {exc.strerror}", path.name)
        return ValidationResult(findings=(finding,), checks=(), fact_count=0)
    return validate_instance(data, path.name, file_resolver(path.parent), profile, calc)


_DTS_STARTS = {XSD_SCHEMA: "schemaRef", LINK_LINKBASE: "linkbaseRef"}


def validate_taxonomy(
    data: bytes,
    name: str,
    resolve: Resolver,
    profile: Profile = Profile.SPEC,
    calc: Calc = Calc.C11,
) -> ValidationResult:
    """Validate the DTS discovered from a schema or linkbase `name` (bytes given)."""
    checks = ["xml.wellformed"]
    root, findings = parse_instance(data, name)
    if root is None:
        return ValidationResult.of(findings, checks, 0)
    checks.append("xbrl.root")
    kind = _DTS_STARTS.get(tag(root))
    if kind is None:
        findings.append(_error("xbrl.root-invalid", f"root element is {tag(root)}", name, 1))
        return ValidationResult.of(findings, checks, 0)
    checks.append("xbrl.dts")
    url = instance_url(name)
    dts, loading = load_dts([Reference(url, kind, name, 0)], resolve)
    findings.extend(loading)
    empty = Instance(root, url, name, (), (), (), (), {}, {})
    more, ran = run_rules(bind(name, empty, dts, profile, calc), TAXONOMY_RULES)
    return ValidationResult.of(findings + more, checks + ran, 0)


def validate_file(
    path: Path, profile: Profile = Profile.SPEC, calc: Calc = Calc.C11
) -> ValidationResult:
    """Validate an instance, or the DTS of a schema or linkbase, on disk (offline)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        finding = _error("xml.unreadable", f"cannot read the file: {exc.strerror}", path.name)
        return ValidationResult.of([finding], [], 0)
    resolve = file_resolver(path.parent)
    if _is_taxonomy(data):
        return validate_taxonomy(data, path.name, resolve, profile, calc)
    return validate_instance(data, path.name, resolve, profile, calc)


def _is_taxonomy(data: bytes) -> bool:
    """Whether the document's root is an xsd:schema or a link:linkbase (cheaply, by events)."""
    try:
        for _, element in etree.iterparse(
            BytesIO(data), events=("start",), resolve_entities=False, no_network=True
        ):
            return element.tag in _DTS_STARTS
    except etree.XMLSyntaxError:
        return False
    return False
