"""Every output of one conversion validated before it is written, each against the instance.

The instance is validated first (XBRL 2.1 with the exporter's stricter profile,
Calculations 1.1, through the resolver); the JSON-LD, xBRL-JSON, xBRL-CSV and Inline XBRL
renderings are then checked on their own terms and fact by fact against it. Each format's
check here takes the same arguments (its files, its entry file, the `Instance`), so the
output registry (`exporter/outputs.py`) can list them. `Validation` keeps each output's
result (the review page shows them apart) and answers like one `ValidationResult` for all.
"""

from __future__ import annotations

from pydantic import ConfigDict

from exporter.errors import Location
from exporter.findings import Finding, Severity
from exporter.models import Frozen
from exporter.validate.inline import validate_inline
from exporter.validate.jsonld import validate_jsonld
from exporter.validate.options import Profile
from exporter.validate.result import ValidationResult
from exporter.validate.sources import Resolver
from exporter.validate.validator import validate_instance
from exporter.validate.xbrl_csv import validate_xbrl_csv
from exporter.validate.xbrl_json import validate_xbrl_json


class Instance(Frozen):
    """The instance every output is checked against: its bytes and name, the schema it
    refers to, and how its DTS (the schema and the shared taxonomy) is read."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    data: bytes
    name: str
    schema_name: str
    resolve: Resolver


class CheckedOutput(Frozen):
    """One output as validated before writing: what it is, its files, the result."""

    format: str
    label: str
    files: tuple[str, ...]
    result: ValidationResult


class Validation(Frozen):
    """The results of all outputs, in order (instance first)."""

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


def check_instance(files: dict[str, bytes], entry: str, instance: Instance) -> ValidationResult:
    """XBRL 2.1 and the exporter's profile, the DTS read through the resolver."""
    return validate_instance(instance.data, instance.name, instance.resolve, Profile.EXPORTER)


def check_jsonld(files: dict[str, bytes], entry: str, instance: Instance) -> ValidationResult:
    return validate_jsonld(files[entry], instance.data)


def check_xbrl_json(files: dict[str, bytes], entry: str, instance: Instance) -> ValidationResult:
    return validate_xbrl_json(
        files[entry], entry, instance.data, instance.name, instance.schema_name
    )


def check_xbrl_csv(files: dict[str, bytes], entry: str, instance: Instance) -> ValidationResult:
    """The metadata file is the entry; its tables are the other files."""
    return validate_xbrl_csv(files, entry, instance.data, instance.name, instance.schema_name)


def check_inline(files: dict[str, bytes], entry: str, instance: Instance) -> ValidationResult:
    return validate_inline(files[entry], entry, instance.data, instance.name, instance.schema_name)


def not_written(fmt: str, label: str, entry: str, reason: str) -> CheckedOutput:
    """A chosen format that could not be rendered: a warning, and no files."""
    warning = Finding(
        code=f"{fmt}.not-written",
        severity=Severity.WARNING,
        message=f"not written: {reason}",
        location=Location(file=entry),
    )
    result = ValidationResult(findings=(warning,), checks=(), fact_count=0)
    return CheckedOutput(format=fmt, label=label, files=(), result=result)
