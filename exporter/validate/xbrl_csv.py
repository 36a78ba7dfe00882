"""Validate our xBRL-CSV (OIM 1.0) before it is written: metadata, tables, facts.

- metadata (xBRL-CSV 1.0 §3): a JSON object whose `documentInfo` has the xBRL-CSV
  `documentType`, `namespaces` and the release's schema as `taxonomy`; `tableTemplates`
  and `tables`, each table naming an existing template and a CSV file we rendered;
- tables (§4): UTF-8 CSV whose header row names columns of the template, each an
  identifier, none twice; every `$name` a column definition refers to is a column of
  the header (not a comment column);
- facts (§3.4-§3.6): every non-empty fact cell is a decimal (or, without unit and
  decimals, the text of a non-numeric fact) and its concept, entity,
  period, unit, dimensions and decimals resolve (column, then report, definitions; `$`
  references read the row); a parameter cell with a value is used by a fact of its row;
- footnotes (§3.9): `xbrl:note` columns, and `links` whose sources are the cells' OIM
  fact ids, the same links as the instance's (see `footnotes`);
- the facts are the instance's: each instance fact stated, every other stated fact a
  consistent duplicate of one (see `oim.compare_with_instance`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from exporter.findings import Finding
from exporter.validate.footnotes import csv_links, is_note, link_findings, text_of
from exporter.validate.instance import Period
from exporter.validate.oim import (
    Resolver,
    StatedFact,
    against_instance,
    decimal_value,
    document_info,
    finding,
    parse_json,
    reference,
)
from exporter.validate.result import ValidationResult

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-csv"
IDENTIFIER = re.compile(r"[A-Za-z_][\w\-\u00b7]*")
_CORE = ("concept", "entity", "period", "unit")
_INTEGER = re.compile(r"[+-]?\d+")


@dataclass
class _Table:
    """One table read from its CSV file, with what its template says of each column."""

    id: str
    url: str
    header: list[str]
    rows: list[list[str]]
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    comments: set[str] = field(default_factory=set)
    dimensions: dict[str, Any] = field(default_factory=dict)
    """The template's own dimensions (between the report's and a column's)."""
    notes: set[str] = field(default_factory=set)
    """Columns of `xbrl:note` facts (footnotes)."""
    row_id: str | None = None

    def row_name(self, row: list[str], line: int) -> str:
        """The row's identifier: its row id cell, else its number (xBRL-CSV 1.0 §3.5)."""
        if self.row_id in self.header:
            i = self.header.index(self.row_id)
            return row[i] if i < len(row) else ""
        return str(line - 1)

    def fact_id(self, row: list[str], line: int, column: str) -> str:
        """The OIM id of the fact in a cell, as links name it."""
        return f"{self.id}.r_{self.row_name(row, line)}.{column}"


def metadata_findings(data: Any, name: str, taxonomy: str) -> Iterator[Finding]:
    """The metadata object has what an xBRL-CSV report needs."""
    info, found = document_info(data, name, "xbrl-csv", DOCUMENT_TYPE, taxonomy, "metadata")
    yield from found
    if info is None:
        return
    if not isinstance(info.get("namespaces"), dict):
        yield finding("xbrl-csv.structure", "documentInfo.namespaces is missing", name)
    for key in ("tableTemplates", "tables"):
        if not isinstance(data.get(key), dict):
            yield finding("xbrl-csv.structure", f"{key} is missing or not an object", name)


def _read_table(
    table_id: str, table: Any, data: dict[str, Any], files: dict[str, bytes], name: str
) -> tuple[_Table | None, list[Finding]]:
    """The CSV file of one table, its header checked against its template."""
    template = (
        data["tableTemplates"].get(table.get("template", table_id))
        if isinstance(table, dict)
        else None
    )
    url = table.get("url") if isinstance(table, dict) else None
    if not isinstance(template, dict) or not isinstance(template.get("columns"), dict):
        return None, [finding("xbrl-csv.template", f"table {table_id} has no template", name)]
    if not isinstance(url, str) or url not in files:
        return None, [finding("xbrl-csv.table-missing", f"table {table_id}: no file {url!r}", name)]
    try:
        text = files[url].decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except (UnicodeDecodeError, csv.Error) as exc:
        return None, [finding("xbrl-csv.table-malformed", f"{url}: {exc}", url)]
    if not rows:
        return None, [finding("xbrl-csv.table-malformed", f"{url} has no header row", url)]
    result = _Table(id=table_id, url=url, header=rows[0], rows=rows[1:])
    problems = []
    columns = template["columns"]
    namespaces = data["documentInfo"].get("namespaces", {})
    if isinstance(template.get("dimensions"), dict):
        result.dimensions = template["dimensions"]
    if isinstance(template.get("rowIdColumn"), str):
        result.row_id = template["rowIdColumn"]
    for position, column in enumerate(result.header, start=1):
        if not IDENTIFIER.fullmatch(column):
            problems.append(f"header column {position} {column!r} is not an identifier")
        elif column not in columns:
            problems.append(f"header column {column!r} is not in the template")
        elif result.header.index(column) != position - 1:
            problems.append(f"header column {column!r} is repeated")
    for column, definition in columns.items():
        if not isinstance(definition, dict):
            problems.append(f"column {column!r} has no definition object")
        elif definition.get("comment") is True:
            result.comments.add(column)
        elif is_note(_concept(definition), namespaces):
            result.notes.add(column)
        elif "dimensions" in definition:
            result.facts[column] = definition
    return result, [finding("xbrl-csv.header", p, url, 1) for p in problems]


def _concept(definition: dict[str, Any]) -> Any:
    dimensions = definition.get("dimensions")
    return dimensions.get("concept") if isinstance(dimensions, dict) else None


def reference_findings(table: _Table, report: dict[str, Any]) -> Iterator[Finding]:
    """Every `$name` a fact column uses is a non-comment column of the header."""
    usable = set(table.header) - table.comments
    for column, definition in table.facts.items():
        values = [*definition["dimensions"].values(), definition.get("decimals")]
        inherited = {**report, **table.dimensions}
        values += [v for k, v in inherited.items() if k not in definition["dimensions"]]
        for value in values:
            if isinstance(value, str) and value.startswith("$"):
                target = value[1:].partition("@")[0]
                if target not in usable:
                    message = f"column {column!r} refers to {value!r}, which is no column"
                    yield finding("xbrl-csv.reference", message, table.url, 1)


class _RowReader:
    """Resolves the fact cells of a row, noting which parameter cells were used."""

    def __init__(self, table: _Table, resolver: Resolver, report: dict[str, Any]) -> None:
        self.table = table
        self.resolver = resolver
        self.report = report
        self.index = {c: i for i, c in enumerate(table.header)}

    def cell(self, row: list[str], column: str) -> str:
        i = self.index.get(column)
        return row[i] if i is not None and i < len(row) else ""

    def resolve(self, value: Any, row: list[str], used: set[str]) -> tuple[str, str]:
        """A definition value with its `$reference` read from the row; and any @suffix."""
        if not (isinstance(value, str) and value.startswith("$")):
            return ("" if value is None else str(value)), ""
        target, _, suffix = value[1:].partition("@")
        used.add(target)
        return self.cell(row, target), suffix

    def fact(
        self, row: list[str], line: int, column: str, used: set[str]
    ) -> tuple[StatedFact | None, list[str]]:
        definition = self.table.facts[column]
        aspects = {**self.report, **self.table.dimensions, **definition["dimensions"]}
        texts = {k: self.resolve(v, row, used) for k, v in aspects.items()}
        decimals_text, _ = self.resolve(definition.get("decimals"), row, used)
        problems = []
        cell = self.cell(row, column)
        value: Decimal | str | None = decimal_value(cell)
        if value is None and not decimals_text and "unit" not in aspects:
            value = cell  # a non-numeric fact (the cover's): its text
        concept = self.resolver.concept(texts.get("concept", ("", ""))[0])
        who = self.resolver.entity(texts.get("entity", ("", ""))[0])
        period = _period(self.resolver, *texts.get("period", ("", "")))
        unit_text = texts.get("unit", ("", ""))[0]
        unit = self.resolver.unit(unit_text or None)
        members: list[tuple[str, str]] = []
        for aspect, (member, _) in sorted(texts.items()):
            if aspect in _CORE or not member:
                continue
            axis, named = self.resolver.concept(aspect), self.resolver.concept(member)
            if axis is None or named is None:
                problems.append(f"dimension {aspect!r}: {member!r} does not resolve")
            else:
                members.append((axis, named))
        checks = (("value", value), ("concept", concept), ("entity", who), ("period", period))
        problems += [f"{what} does not resolve" for what, got in checks if got is None]
        if isinstance(value, str):
            unit = None
        elif unit is None:
            problems.append(f"unit {unit_text!r} does not resolve")
        if decimals_text and not _INTEGER.fullmatch(decimals_text):
            problems.append(f"decimals {decimals_text!r} is not an integer")
        if problems or value is None or concept is None or who is None or period is None:
            return None, problems
        return StatedFact(
            id=self.table.fact_id(row, line, column),
            where=f"{self.table.url} line {line} column {column}",
            concept=concept,
            entity=who,
            period=period,
            members=tuple(sorted(members)),
            unit=unit,
            value=value,
            decimals=int(decimals_text) if decimals_text else None,
            line=line,
        ), []


def _period(resolver: Resolver, text: str, suffix: str) -> Period | None:
    period = resolver.period(text)
    if period is None or not suffix:
        return period
    if period.kind != "duration" or suffix not in ("start", "end"):
        return None
    return Period("instant", None, period.start if suffix == "start" else period.end)


def table_facts(
    table: _Table, resolver: Resolver, report: dict[str, Any]
) -> tuple[list[StatedFact], list[Finding]]:
    """The facts of every row, and findings for cells that do not resolve or are unused."""
    reader = _RowReader(table, resolver, report)
    parameters = set(table.header) - table.comments - set(table.facts) - table.notes
    parameters.discard(table.row_id or "")
    facts: list[StatedFact] = []
    findings: list[Finding] = []
    for line, row in enumerate(table.rows, start=2):
        if len(row) > len(table.header):
            findings.append(finding("xbrl-csv.row", "more cells than columns", table.url, line))
        used: set[str] = set()
        for column in table.facts:
            if not reader.cell(row, column):
                continue
            fact, problems = reader.fact(row, line, column, used)
            for problem in problems:
                message = f"column {column!r}: {problem}"
                findings.append(finding("xbrl-csv.fact", message, table.url, line))
            if fact is not None:
                facts.append(fact)
        for column in sorted(parameters - used):
            if reader.cell(row, column):
                message = f"parameter cell {column!r} is used by no fact of its row"
                findings.append(finding("xbrl-csv.unused-parameter", message, table.url, line))
    return facts, findings


def table_notes(table: _Table) -> dict[str, str]:
    """The footnote texts of a table's `xbrl:note` columns, by their OIM fact ids."""
    index = {c: i for i, c in enumerate(table.header)}
    notes = {}
    for line, row in enumerate(table.rows, start=2):
        for column in table.notes:
            i = index.get(column)
            if i is not None and i < len(row) and row[i]:
                notes[table.fact_id(row, line, column)] = text_of(row[i])
    return notes


def validate_xbrl_csv(
    files: dict[str, bytes], name: str, instance: bytes, instance_name: str, taxonomy: str
) -> ValidationResult:
    """Check the xBRL-CSV report whose metadata is `files[name]` (its tables are in
    `files` by URL), then its facts against the XML instance."""
    checks = ["xbrl-csv.syntax"]
    data, malformed = parse_json(files[name], name, "xbrl-csv")
    if malformed:
        return ValidationResult.of(malformed, checks, 0)
    checks.append("xbrl-csv.metadata")
    findings = list(metadata_findings(data, name, taxonomy))
    if findings:
        return ValidationResult.of(findings, checks, 0)
    resolver = Resolver(data["documentInfo"]["namespaces"])
    report = data.get("dimensions", {})
    checks += ["xbrl-csv.tables", "xbrl-csv.references", "xbrl-csv.facts", "xbrl-csv.footnotes"]
    stated: list[StatedFact] = []
    notes: dict[str, str] = {}
    for table_id, table in data["tables"].items():
        read, problems = _read_table(table_id, table, data, files, name)
        findings.extend(problems)
        if read is None or problems:
            continue
        findings.extend(reference_findings(read, report))
        facts, problems = table_facts(read, resolver, report)
        findings.extend(problems)
        stated.extend(facts)
        notes.update(table_notes(read))
    expected = reference(instance, instance_name).facts
    links, problems = csv_links(data, notes, stated, expected, name)
    findings += problems + list(link_findings("xbrl-csv", links, instance, name))
    return against_instance(
        "xbrl-csv", stated, findings, checks, (instance, instance_name), name, by_id=False
    )
