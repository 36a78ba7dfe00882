"""The conversion report: what was read, what became facts, what did not and why, what was checked.

Written as JSON for machines and as a short text summary for people. It holds nothing
that varies between runs (no timings, no absolute paths), so reports are reproducible.
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, ConfigDict

from exporter.facts.model import Entity, FactSet, UnmappedNumber
from exporter.findings import Finding, Severity
from exporter.tables.model import StatementTable

FROZEN = ConfigDict(frozen=True, extra="forbid")


class TableSummary(BaseModel):
    model_config = FROZEN

    table: int
    line: int
    kind: str
    title: str
    blocks: int
    rows: int
    numbers: int


class ExtensionSummary(BaseModel):
    """An extension concept made for a line item the taxonomy does not know."""

    model_config = FROZEN

    name: str
    label: str
    type: str
    period: str


class Report(BaseModel):
    """Everything a reader needs to trust (or distrust) one conversion."""

    model_config = FROZEN

    source: str
    format: str
    issuer: str | None
    entity: Entity
    outputs: tuple[str, ...]
    valid: bool
    tables: tuple[TableSummary, ...]
    numbers_in_tables: int
    facts: int
    duplicates: int
    unmapped: tuple[UnmappedNumber, ...]
    extensions: tuple[ExtensionSummary, ...]
    checks: tuple[str, ...]
    findings: tuple[Finding, ...]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def status(self) -> str:
        if not self.valid or self.count(Severity.ERROR):
            return "invalid"
        return "warnings" if self.count(Severity.WARNING) else "ok"


def table_summaries(tables: tuple[StatementTable, ...]) -> tuple[TableSummary, ...]:
    return tuple(
        TableSummary(
            table=t.index,
            line=t.line,
            kind=t.kind,
            title=t.title,
            blocks=len(t.blocks),
            rows=sum(len(b.rows) for b in t.blocks),
            numbers=sum(len(r.cells) for b in t.blocks for r in b.rows) + len(t.unplaced),
        )
        for t in tables
    )


def build_report(
    source: str,
    fmt: str,
    issuer: str | None,
    tables: tuple[StatementTable, ...],
    facts: FactSet,
    checks: tuple[str, ...],
    findings: tuple[Finding, ...],
    outputs: tuple[str, ...],
) -> Report:
    summaries = table_summaries(tables)
    valid = not any(f.severity is Severity.ERROR for f in findings)
    return Report(
        source=source,
        format=fmt,
        issuer=issuer,
        entity=facts.entity,
        outputs=outputs,
        valid=valid,
        tables=summaries,
        numbers_in_tables=sum(t.numbers for t in summaries),
        facts=len(facts.facts),
        duplicates=facts.duplicate_count,
        unmapped=facts.unmapped,
        extensions=tuple(
            ExtensionSummary(
                name=f"{facts.extension_prefix}:{c.name}",
                label=c.label,
                type=c.type.value,
                period=c.period.value,
            )
            for c in facts.extensions
        ),
        checks=checks,
        findings=findings,
    )


def report_json(report: Report) -> bytes:
    return (report.model_dump_json(indent=2) + "\n").encode("utf-8")


def summary_text(report: Report) -> str:
    """A few lines for people: the outcome, the counts, and every error and warning."""
    lines = [
        f"{report.source}: {report.status}",
        f"  entity       {report.entity.identifier} ({report.issuer or 'issuer not found'})",
        f"  tables       {len(report.tables)}: "
        + ", ".join(f"{t.kind} (line {t.line})" for t in report.tables),
        f"  numbers      {report.numbers_in_tables} in tables: {report.facts} facts, "
        f"{report.duplicates} consistent duplicates, {len(report.unmapped)} not facts",
        f"  checks       {len(report.checks)} run; {report.count(Severity.ERROR)} errors, "
        f"{report.count(Severity.WARNING)} warnings",
    ]
    if report.extensions:
        lines.append(
            f"  extensions   {len(report.extensions)} concepts for line items the "
            "taxonomy does not know: " + ", ".join(e.label for e in report.extensions)
        )
    if report.outputs:
        lines.append(f"  written      {', '.join(report.outputs)}")
    reasons = Counter(u.reason for u in report.unmapped)
    lines.extend(f"  not a fact   {n} x {reason}" for reason, n in reasons.most_common())
    lines.extend(
        f"  {finding}" for finding in report.findings if finding.severity is not Severity.INFO
    )
    return "\n".join(lines) + "\n"
