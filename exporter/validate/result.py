"""The outcome of a validation: findings, the checks that ran, and how many facts."""

from __future__ import annotations

from exporter.findings import Finding, Severity
from exporter.models import Frozen

# Findings that say the numbers disagree (XBRL 2.1 §5.2.5.2, Calculations 1.1) rather than
# that a document breaks a rule: reported apart, and failing `conforms` all the same.
CALC_INCONSISTENT = "calc.inconsistent"
CALC_EXCESS_DIGITS = "calc.excess-digits-bound"
INCONSISTENCIES = frozenset({CALC_INCONSISTENT, CALC_EXCESS_DIGITS})


class ValidationResult(Frozen):
    """What a validator saw. `checks` names every rule that ran, so silence means "passed"."""

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
    def inconsistencies(self) -> tuple[Finding, ...]:
        """Calculation inconsistencies (warnings in severity, counted on their own)."""
        return tuple(f for f in self.findings if f.code in INCONSISTENCIES)

    @property
    def ok(self) -> bool:
        """True when nothing is an error (warnings, e.g. calculation inconsistencies, pass)."""
        return not self.errors

    @property
    def conforms(self) -> bool:
        """True when nothing is an error or an inconsistency: a processor's "valid"."""
        return not self.errors and not self.inconsistencies

    @property
    def problems(self) -> tuple[Finding, ...]:
        """The errors and inconsistencies, what makes a document not conform."""
        return tuple(
            f for f in self.findings if f.severity is Severity.ERROR or f.code in INCONSISTENCIES
        )

    def codes(self) -> set[str]:
        """The distinct finding codes, handy for tests and summaries."""
        return {f.code for f in self.findings}
