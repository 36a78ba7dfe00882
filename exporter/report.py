"""The conversion report: what was read, what became facts, what did not and why, what was checked.

Written as JSON for machines and as a short text summary for people. It holds nothing
that varies between runs (no timings, no absolute paths), so reports are reproducible.
"""

from __future__ import annotations

from collections import Counter

from pydantic import Field, computed_field

from exporter.facts.model import (
    CheckOutcome,
    CheckStatus,
    Entity,
    FactFootnote,
    FactSet,
    ProseRecord,
    ProseStatus,
    SourceKind,
    UnmappedNumber,
)
from exporter.facts.ocr_review import OcrSummary
from exporter.findings import Finding, Severity
from exporter.models import Frozen
from exporter.tables.model import StatementTable

# A release is `incomplete` when more of its table numbers than this share were neither
# facts, duplicates of facts, nor left out on purpose: the bar for a conversion a
# user can take as read (a few notes, a stray page number), not fitted to any release.
INCOMPLETE_SHARE = 0.05


class TableSummary(Frozen):
    table: int
    line: int
    kind: str
    title: str
    blocks: int
    rows: int
    numbers: int


class ExtensionSummary(Frozen):
    """An extension concept made for a line item the taxonomy does not know."""

    name: str
    label: str
    type: str
    period: str
    # "table" for a line item no label matched; "text" for a concept derived from what the
    # prose says about another (a stated change, a share of a total, an outlook).
    origin: str = "table"


class Report(Frozen):
    """Everything a reader needs to trust (or distrust) one conversion."""

    source: str
    format: str
    issuer: str | None
    entity: Entity
    outputs: tuple[str, ...]
    valid: bool
    tables: tuple[TableSummary, ...]
    numbers_in_tables: int
    # Facts written (tables and prose); `table_facts` of them printed in tables.
    facts: int
    duplicates: int
    unmapped: tuple[UnmappedNumber, ...]
    extensions: tuple[ExtensionSummary, ...]
    checks: tuple[str, ...]
    findings: tuple[Finding, ...]
    # Facts by where they were printed ("table", "paragraph").
    facts_by_source: dict[str, int] = Field(default_factory=dict)
    table_facts: int = 0
    # Every figure of the prose and what became of it (fact, duplicate, not a fact).
    text_figures: tuple[ProseRecord, ...] = ()
    # The cross-checks (exporter/facts/checks.py), each passed, failed or not applicable.
    cross_checks: tuple[CheckOutcome, ...] = ()
    footnotes: tuple[FactFootnote, ...] = ()
    # Statement titles in a release from which no table was read (a layout the readers do
    # not know): the release is incomplete whatever its prose gave.
    unread_statements: tuple[str, ...] = ()
    # Pages read through OCR and the facts read there, each with its place and the OCR
    # engine's confidence; absent (not even null) for a release with a usable text layer.
    ocr: OcrSummary | None = Field(default=None, exclude_if=lambda value: value is None)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @computed_field  # type: ignore[prop-decorator]  # mypy sees no property under it
    @property
    def deliberate_non_facts(self) -> int:
        """Table numbers left out on purpose (ratios of other facts)."""
        return sum(1 for u in self.unmapped if u.deliberate)

    @computed_field  # type: ignore[prop-decorator]  # mypy sees no property under it
    @property
    def not_understood(self) -> int:
        """Table numbers that are neither facts, duplicates, nor left out on purpose."""
        return sum(1 for u in self.unmapped if not u.deliberate)

    @computed_field  # type: ignore[prop-decorator]  # mypy sees no property under it
    @property
    def understood_share(self) -> float:
        if not self.numbers_in_tables:
            return 1.0
        return 1 - self.not_understood / self.numbers_in_tables

    @computed_field  # type: ignore[prop-decorator]  # mypy sees no property under it
    @property
    def status(self) -> str:
        """invalid, incomplete (too many table numbers not understood), warnings or ok."""
        if not self.valid or self.count(Severity.ERROR):
            return "invalid"
        if 1 - self.understood_share > INCOMPLETE_SHARE or self.unread_statements:
            return "incomplete"
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
        table_facts=sum(1 for f in facts.facts if f.source.kind is SourceKind.TABLE),
        duplicates=facts.duplicate_count,
        unmapped=facts.unmapped,
        extensions=_extensions(facts),
        checks=checks,
        findings=findings,
        facts_by_source=dict(sorted(Counter(f.source.kind.value for f in facts.facts).items())),
        text_figures=facts.prose,
        cross_checks=facts.checks,
        footnotes=facts.footnotes,
    )


def _extensions(facts: FactSet) -> tuple[ExtensionSummary, ...]:
    from_tables = {f.concept for f in facts.facts if f.source.kind is SourceKind.TABLE}
    return tuple(
        ExtensionSummary(
            name=f"{facts.extension_prefix}:{c.name}",
            label=c.label,
            type=c.type.value,
            period=c.period.value,
            origin="table" if c.name in from_tables else "text",
        )
        for c in facts.extensions
    )


def report_json(report: Report) -> bytes:
    return (report.model_dump_json(indent=2) + "\n").encode("utf-8")


def _text_line(report: Report) -> str | None:
    figures = report.text_figures
    if not figures:
        return None
    count = Counter(f.status for f in figures)
    return (
        f"  text         {len(figures)} figures in paragraphs: {count[ProseStatus.FACT]} facts, "
        f"{count[ProseStatus.DUPLICATE]} restate other facts, "
        f"{count[ProseStatus.NOT_A_FACT]} not facts"
    )


def _ocr_line(report: Report) -> str | None:
    ocr = report.ocr
    if ocr is None:
        return None
    pages = ", ".join(str(p) for p in ocr.pages)
    return (
        f"  ocr          page{'s' if len(ocr.pages) > 1 else ''} {pages} read through OCR "
        f"({ocr.engine}): {len(ocr.facts)} facts, confidence {ocr.mean_confidence:.0%} on "
        f"average, {ocr.lowest_confidence:.0%} at the lowest; {ocr.withheld} numbers withheld "
        "for review (a printed total does not add up)"
    )


def _check_lines(report: Report) -> list[str]:
    outcomes = report.cross_checks
    if not outcomes:
        return []
    count = Counter(o.status for o in outcomes)
    lines = [
        f"  cross-checks {len(outcomes)} rules: {count[CheckStatus.PASSED]} passed, "
        f"{count[CheckStatus.FAILED]} failed, {count[CheckStatus.NOT_APPLICABLE]} not applicable"
    ]
    width = max(len(o.id) for o in outcomes)
    for o in outcomes:
        counts = "" if o.status is CheckStatus.NOT_APPLICABLE else f" ({o.failed} of {o.checked})"
        lines.append(f"    {o.status.value:<15}{o.id:<{width}}  {o.title}{counts}")
    return lines


def summary_text(report: Report) -> str:
    """A few lines for people: the outcome, the counts, the checks, every error and warning."""
    issuer = "" if report.issuer else " (issuer not found)"
    lines = [
        f"{report.source}: {report.status}{issuer}",
        f"  entity       {report.entity.identifier} ({report.issuer or 'issuer not found'})",
        f"  tables       {len(report.tables)}: "
        + (", ".join(f"{t.kind} (line {t.line})" for t in report.tables) or "prose only"),
        f"  numbers      {report.numbers_in_tables} in tables: {report.table_facts} facts, "
        f"{report.duplicates} consistent duplicates, {report.deliberate_non_facts} "
        f"left out on purpose, {report.not_understood} not understood "
        f"({report.understood_share:.1%} understood)",
    ]
    lines += [line for line in [_text_line(report)] if line]
    lines += [f"  not read     statement at {title}" for title in report.unread_statements]
    lines += [line for line in [_ocr_line(report)] if line]
    if report.footnotes:
        linked = len({fact for f in report.footnotes for fact in f.facts})
        lines.append(f"  footnotes    {len(report.footnotes)}, linked to {linked} facts")
    lines.append(
        f"  checks       {len(report.checks)} run; {report.count(Severity.ERROR)} errors, "
        f"{report.count(Severity.WARNING)} warnings"
    )
    lines += _check_lines(report)
    from_tables = [e for e in report.extensions if e.origin == "table"]
    derived = len(report.extensions) - len(from_tables)
    if from_tables:
        lines.append(
            f"  extensions   {len(from_tables)} concepts for line items the "
            "taxonomy does not know: " + ", ".join(e.label for e in from_tables)
        )
    if derived:
        lines.append(
            f"  derived      {derived} concepts for what the text states about others "
            "(changes, shares of a total, outlook)"
        )
    if report.outputs:
        lines.append(f"  written      {', '.join(report.outputs)}")
    reasons = Counter(u.reason for u in report.unmapped)
    lines.extend(f"  not a fact   {n} x {reason}" for reason, n in reasons.most_common())
    text_reasons = Counter(
        f.reason for f in report.text_figures if f.status is ProseStatus.NOT_A_FACT
    )
    lines.extend(
        f"  not a fact   {n} x {reason} (text)" for reason, n in text_reasons.most_common()
    )
    lines.extend(
        f"  {finding}" for finding in report.findings if finding.severity is not Severity.INFO
    )
    return "\n".join(lines) + "\n"
