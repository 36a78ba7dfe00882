"""The review page (`<stem>.review.html`): what a person checks before trusting a conversion.
It is the last step, after validation and the report, and reads both.

It shows the outcome and counts, every output with the checks that validated it and
their outcome, the conversion's own findings (translations off the stated rate, totals
the release does not foot, ...) and the numbers that are not facts. Each finding and
each untagged number links to its cell (or row) in the Inline XBRL view when that view
was written, so the reviewer sees the number where it is printed.
"""

from __future__ import annotations

from collections import Counter

from exporter.findings import Finding, Severity
from exporter.render.env import decimal_text, render
from exporter.render.statements import Row, StatementViews
from exporter.report import Report
from exporter.validate.outputs import CheckedOutput
from exporter.validate.result import ValidationResult


class _Links:
    """Where findings point in the Inline XBRL view: a fact's cell, else its row.

    A finding names its row by table, line and label. Within the row, the cell is the one
    whose fact the finding names (`numbers["fact"]`), else the one printing of a fact whose
    value is among the finding's numbers (a translation finding gives the printed value).
    """

    def __init__(self, views: StatementViews, inline: str | None) -> None:
        self.inline = inline
        self.facts: dict[str, str] = {}
        self.numbers: dict[tuple[int, int, str], str] = {}
        self.rows: dict[tuple[int, int | None, int, str], Row] = {}
        for statement, row, cell in views.cells():
            if cell.printing is not None and cell.printing.primary:
                self.facts[cell.printing.fact.id] = cell.anchor
            self.numbers.setdefault((statement.table, row.line, cell.text), cell.anchor)
        for statement in views.statements:
            for block in statement.blocks:
                for row in block.rows:
                    self.rows.setdefault((statement.table, row.page, row.line, row.label), row)

    def href(self, anchor: str | None) -> str | None:
        return f"{self.inline}#{anchor}" if self.inline and anchor else None

    def finding(self, finding: Finding) -> str | None:
        if finding.numbers.get("fact") in self.facts:
            return self.href(self.facts[finding.numbers["fact"]])
        where = finding.location
        if where is None or where.table is None or where.line is None:
            return None
        row = self.rows.get((where.table, where.page, where.line, where.row or ""))
        if row is None:
            return None
        values = set(finding.numbers.values())
        cells = [
            c.anchor
            for c in row.cells
            if c and c.printing and decimal_text(c.printing.fact.value) in values
        ]
        return self.href(cells[0] if len(cells) == 1 else row.anchor)

    def number(self, table: int, page: int | None, line: int, label: str, text: str) -> str | None:
        anchor = self.numbers.get((table, line, text))
        row = self.rows.get((table, page, line, label))
        return self.href(anchor or (row.anchor if row else None))


def _place(finding: Finding) -> str:
    """Where in the input (or output) a finding points, without the file name."""
    where = finding.location
    if where is None:
        return ""
    parts = [f"page {where.page}"] if where.page is not None else []
    if where.table is not None:
        parts.append(f"table {where.table}")
    if where.line is not None:
        parts.append(f"line {where.line}")
    if not parts and where.file:
        parts.append(where.file)
    elif where.file and where.table is None:
        parts.insert(0, where.file)
    return ", ".join(parts)


def _finding_view(finding: Finding, links: _Links) -> dict[str, object]:
    return {
        "severity": finding.severity.value,
        "code": finding.code,
        "message": finding.message,
        "row": finding.location.row if finding.location and finding.location.row else "",
        "where": _place(finding),
        "href": links.finding(finding),
    }


def _outcome(result: ValidationResult) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    if not errors and not warnings:
        return "passed"
    return f"{errors} errors, {warnings} warnings"


def render_review(
    report: Report, views: StatementViews, checked: tuple[CheckedOutput, ...], inline: str | None
) -> bytes:
    """The review page; `inline` is the Inline XBRL file to link to (None: not written).
    Findings of the outputs' validation are shown with each output; the others are the
    conversion's own."""
    links = _Links(views, inline)
    validated = Counter(f.model_dump_json() for c in checked for f in c.result.findings)
    conversion_findings = []
    for finding in report.findings:
        key = finding.model_dump_json()
        if validated[key]:
            validated[key] -= 1
        else:
            conversion_findings.append(finding)
    outputs = [
        {
            "label": c.label,
            "files": c.files,
            "checks": c.result.checks,
            "facts": c.result.fact_count,
            "outcome": _outcome(c.result),
            "ok": c.result.ok,
            "findings": [_finding_view(f, links) for f in c.result.findings],
        }
        for c in checked
    ]
    shown = [f for f in conversion_findings if f.severity is not Severity.INFO]
    notes = [f for f in conversion_findings if f.severity is Severity.INFO]
    unmapped = [
        {
            "text": u.text,
            "label": u.label,
            "table": u.table,
            "line": u.line,
            "reason": u.reason,
            "href": links.number(u.table, u.page, u.line, u.label, u.text),
        }
        for u in report.unmapped
    ]
    return render(
        "review.html.j2",
        report=report,
        status=report.status,
        errors=report.count(Severity.ERROR),
        warnings=report.count(Severity.WARNING),
        written=report.outputs,
        inline=inline,
        outputs=outputs,
        findings=[_finding_view(f, links) for f in shown],
        notes=[_finding_view(f, links) for f in notes],
        unmapped=unmapped,
        ocr=report.ocr,
        ocr_facts=_ocr_facts(report),
    )


def _ocr_facts(report: Report) -> list[dict[str, object]]:
    """The figures read through OCR, least sure first: the ones a reviewer checks first
    against the page."""
    if report.ocr is None:
        return []
    rows = sorted(report.ocr.facts, key=lambda f: (f.confidence, f.page, f.line))
    return [
        {
            "fact": f.fact,
            "printed": f.printed,
            "page": f.page,
            "line": f.line,
            "confidence": f"{f.confidence:.0%}",
        }
        for f in rows
    ]
