"""Every output of one conversion validated before it is written, each against the instance.

The instance is validated first (XBRL 2.1 with the exporter's stricter profile,
Calculations 1.1, through the resolver); the
JSON-LD, xBRL-JSON, xBRL-CSV and Inline XBRL renderings are then checked on their own
terms and fact by fact against it. `Validation` keeps each output's result (the review
page shows them apart) and answers like one `ValidationResult` for all.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.validate.inline import validate_inline
from exporter.validate.jsonld import validate_jsonld
from exporter.validate.options import Profile
from exporter.validate.result import ValidationResult
from exporter.validate.sources import Resolver
from exporter.validate.validator import validate_instance
from exporter.validate.xbrl_csv import validate_xbrl_csv
from exporter.validate.xbrl_json import validate_xbrl_json

FORMAT_LABELS = {
    "xml": "XBRL instance",
    "jsonld": "JSON-LD",
    "xbrl-json": "xBRL-JSON",
    "xbrl-csv": "xBRL-CSV",
    "ixbrl": "Inline XBRL",
}


class CheckedOutput(BaseModel):
    """One output as validated before writing: what it is, its files, the result."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: str
    files: tuple[str, ...]
    result: ValidationResult

    @property
    def label(self) -> str:
        return FORMAT_LABELS.get(self.format, self.format)


class Validation(BaseModel):
    """The results of all outputs, in order (instance first)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    outputs: tuple[CheckedOutput, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for o in self.outputs for f in o.result.findings)

    @property
    def checks(self) -> tuple[str, ...]:
        return tuple(c for o in self.outputs for c in o.result.checks)

    @property
    def ok(self) -> bool:
        return all(o.result.ok for o in self.outputs)


def validate_format(
    fmt: str, files: dict[str, bytes], entry: str, instance: bytes, instance_name: str, schema: str
) -> ValidationResult:
    """Our checks of one xBRL-JSON, xBRL-CSV or Inline XBRL output against the instance."""
    if fmt == "xbrl-csv":
        return validate_xbrl_csv(files, entry, instance, instance_name, schema)
    check = {"xbrl-json": validate_xbrl_json, "ixbrl": validate_inline}[fmt]
    return check(files[entry], entry, instance, instance_name, schema)


def validate_outputs(
    files: dict[str, bytes],
    instance_name: str,
    schema: str,
    jsonld_name: str,
    formats: tuple[tuple[str, str, tuple[str, ...]], ...],
    resolve: Resolver,
    skipped: tuple[tuple[str, str, str], ...] = (),
) -> Validation:
    """The instance (its DTS read through `resolve`), the JSON-LD, and each of `formats`
    given as (format, entry file, files) with the bytes in `files`; the `skipped` formats
    (format, entry, reason) are reported as a warning each."""
    instance = files[instance_name]
    outputs = [
        CheckedOutput(
            format="xml",
            files=(instance_name, schema),
            result=validate_instance(instance, instance_name, resolve, Profile.EXPORTER),
        ),
        CheckedOutput(
            format="jsonld",
            files=(jsonld_name,),
            result=validate_jsonld(files[jsonld_name], instance),
        ),
    ]
    for fmt, entry, names in formats:
        result = validate_format(fmt, files, entry, instance, instance_name, schema)
        outputs.append(CheckedOutput(format=fmt, files=names, result=result))
    for fmt, entry, reason in skipped:
        warning = Finding(
            code=f"{fmt}.not-written",
            severity=Severity.WARNING,
            message=f"not written: {reason}",
            location=Location(file=entry),
        )
        result = ValidationResult(findings=(warning,), checks=(), fact_count=0)
        outputs.append(CheckedOutput(format=fmt, files=(), result=result))
    return Validation(outputs=tuple(outputs))
