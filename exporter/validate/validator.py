"""Validate an XBRL 2.1 instance from its bytes: parse, load the DTS, run the rules.

Three loading steps come before the registry and are reported as checks too:
`xml.wellformed` (safe parse, no DTD, no entities, no network), `xbrl.root` (the
document is an `xbrli:xbrl`) and `xbrl.dts` (discovery through the resolver).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.dts import Dts, load_dts
from exporter.validate.instance import Instance, read_instance
from exporter.validate.names import XBRLI_XBRL
from exporter.validate.registry import run_rules
from exporter.validate.result import ValidationResult
from exporter.validate.sources import Resolver, file_resolver, instance_url, parse
from exporter.validate.subject import bind


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


def validate_instance(instance: bytes, name: str, resolve: Resolver) -> ValidationResult:
    """Validate the instance `name` (bytes given) whose DTS is read through `resolve`."""
    checks = ["xml.wellformed"]
    root, findings = parse_instance(instance, name)
    if root is None:
        return ValidationResult(findings=tuple(findings), checks=tuple(checks), fact_count=0)
    checks.append("xbrl.root")
    if root.tag != XBRLI_XBRL:
        findings.append(_error("xbrl.root-invalid", f"root element is {root.tag}", name, 1))
        return ValidationResult(findings=tuple(findings), checks=tuple(checks), fact_count=0)
    records = read_instance(root, instance_url(name))
    checks.append("xbrl.dts")
    dts, loading = _load(records, name, resolve)
    findings.extend(loading)
    subject = bind(name, records, dts)
    more, ran = run_rules(subject)
    return ValidationResult(
        findings=tuple(findings + more),
        checks=tuple(checks + ran),
        fact_count=len(subject.facts),
    )


def validate_instance_file(path: Path) -> ValidationResult:
    """Validate an instance on disk; its DTS is read relative to its directory."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        finding = _error("xml.unreadable", f"cannot read the instance: {exc.strerror}", path.name)
        return ValidationResult(findings=(finding,), checks=(), fact_count=0)
    return validate_instance(data, path.name, file_resolver(path.parent))
