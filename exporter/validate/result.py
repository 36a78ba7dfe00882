"""The outcome of a validation: findings, the checks that ran, and how many facts."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from exporter.findings import Finding, Severity


class ValidationResult(BaseModel):
    """What a validator saw. `checks` names every rule that ran, so silence means "passed"."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    findings: tuple[Finding, ...]
    checks: tuple[str, ...]
    fact_count: int

    @classmethod
    def of(cls, findings: list[Finding], checks: list[str], count: int) -> ValidationResult:
        """A result from the lists a validator collects as it goes."""
        return cls(findings=tuple(findings), checks=tuple(checks), fact_count=count)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """True when nothing is an error (warnings, e.g. calculation inconsistencies, pass)."""
        return not self.errors

    def codes(self) -> set[str]:
        """The distinct finding codes, handy for tests and summaries."""
        return {f.code for f in self.findings}
