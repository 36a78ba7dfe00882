"""OCR'd facts: kept with their place and confidence, and held to the release's own sums.

OCR misreads a digit now and then, and a misread number looks like any other. The
release's arithmetic is the check: in a block of a table read through OCR, a total whose
printed items add up to it in some columns (so the release does print that sum) but not
in another marks that column's total and items for review. They are withheld, not
published: listed in the report's unmapped numbers with the reason and warned about
(`ocr.withheld`), so no fact rests on a reading its own release contradicts. The sums are
the facts stage's own: the taxonomy's relations found among a block's rows
(`find_relations`), under the row signs that make most of them hold (`solve_signs`), each
tested column by column within rounding (`holds`).

Every OCR'd fact is listed in the report (`OcrSummary`) with its page, line and box on
the page, and the OCR engine's confidence in it (0-1; a text layer's figures are exact).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exporter.document import Document, OcrChunk, OcrLayer
from exporter.errors import Location
from exporter.facts.model import Fact, FactSet, ProseStatus, Source, SourceKind, UnmappedNumber
from exporter.facts.signs import RelationInstance, RowValues, find_relations, holds, solve_signs
from exporter.findings import Finding, Severity
from exporter.mapping import Mapping, RowMapping
from exporter.models import Frozen
from exporter.tables.model import ColumnBlock, StatementTable
from exporter.taxonomy import Taxonomy

_DIGITS = re.compile(r"\d(?:[\d,.]*\d)?")
WITHHELD = "read by OCR and withheld for review"

# A cell of a table: table index, page, line, column position (as a fact's `Source`).
Cell = tuple[int, int | None, int, int]


class OcrFact(Frozen):
    """A published fact whose number was read through OCR: where, and how sure."""

    fact: str
    page: int
    line: int
    printed: str
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    confidence: float


class OcrSummary(Frozen):
    """The pages read through OCR, the facts read there, and how many were withheld."""

    engine: str
    pages: tuple[int, ...]
    facts: tuple[OcrFact, ...]
    withheld: int
    # The lowest and mean confidence of the OCR'd facts (1.0 when there are none).
    lowest_confidence: float
    mean_confidence: float


def review_ocr_facts(
    document: Document,
    tables: tuple[StatementTable, ...],
    mapping: Mapping,
    taxonomy: Taxonomy,
    facts: FactSet,
) -> FactSet:
    """`facts` without the OCR'd table facts a printed total contradicts (see module)."""
    if document.ocr is None:
        return facts
    pages = set(document.ocr.pages)
    suspects: dict[Cell, str] = {}
    by_row = {(m.table, m.block, m.row): m for m in mapping.rows}
    for table in tables:
        for b, block in enumerate(table.blocks):
            if not any(row.page in pages for row in block.rows):
                continue
            mapped = {
                r: by_row[(table.index, b, r)]
                for r in range(len(block.rows))
                if (table.index, b, r) in by_row
            }
            for cell, reason in _unbalanced(table, block, mapped, taxonomy):
                if cell[1] in pages:
                    suspects.setdefault(cell, reason)
    return _withhold(facts, suspects, document.source)


def _unbalanced(
    table: StatementTable, block: ColumnBlock, mapped: dict[int, RowMapping], taxonomy: Taxonomy
) -> Iterator[tuple[Cell, str]]:
    """The cells of each (total, column) where the block's printed sum for the total
    holds in another column but not in this one, with the reason."""
    concepts = {r: m.concept for r, m in mapped.items() if m.concept and not m.member}
    order = sorted(concepts)
    rows = [_row_values(block, r, concepts[r], mapped[r]) for r in order]
    instances = find_relations(rows, taxonomy)
    reversed_in_print = taxonomy.printed_reversed(table.kind)
    signs = solve_signs(
        rows, instances, [-1 if r.concept in reversed_in_print else 1 for r in rows]
    )
    by_total: dict[int, list[RelationInstance]] = {}
    for instance in instances:
        by_total.setdefault(instance.total, []).append(instance)
    for total, group in by_total.items():
        status = {c: [holds(i, rows, signs, c) for i in group] for c in rows[total].values}
        held = [c for c, s in status.items() if True in s]
        failed = [c for c, s in status.items() if False in s and True not in s]
        if not held or not failed:
            continue
        best = max(group, key=lambda i: sum(holds(i, rows, signs, c) is True for c in held))
        total_row = block.rows[order[total]]
        for column in failed:
            header = block.columns[column].header
            reason = (
                f"{WITHHELD}: {total_row.label!r} does not equal the sum of its items in "
                f"column {header!r}, as it does in the others"
            )
            for index in (best.total, *(i for i, _ in best.items)):
                if column in rows[index].values:
                    row = block.rows[order[index]]
                    position = block.columns[column].position
                    yield (table.index, row.page, row.line, position), reason


def _row_values(block: ColumnBlock, row: int, concept: str, mapping: RowMapping) -> RowValues:
    """A row's numbers by column, as the facts stage sums them (override columns, such
    as changes and ratios, are not the row's concept and stay out)."""
    skip = {c for c, _ in mapping.overrides}
    cells = [c for c in block.rows[row].cells if c.column not in skip]
    return RowValues(
        concept=concept,
        values={c.column: c.number.value for c in cells},
        digits={c.column: c.number.fraction_digits for c in cells},
    )


def _withhold(facts: FactSet, suspects: dict[Cell, str], source: str) -> FactSet:
    """The fact set with the facts printed in `suspects` withheld and reported."""
    withheld = [
        f for f in facts.facts if f.source.kind is SourceKind.TABLE and _cell(f) in suspects
    ]
    if not withheld:
        return facts
    ids = {f.id for f in withheld}
    unmapped = tuple(
        UnmappedNumber(
            text=f.source.printed,
            table=f.source.table,
            line=f.source.line,
            page=f.source.page,
            label=f.source.label,
            reason=suspects[_cell(f)],
        )
        for f in withheld
    )
    findings = tuple(_finding(f, suspects[_cell(f)], source) for f in withheld)
    reason = f"restates a fact {WITHHELD}"
    prose = tuple(
        r.model_copy(update={"status": ProseStatus.NOT_A_FACT, "fact": None, "reason": reason})
        if r.fact in ids
        else r
        for r in facts.prose
    )
    footnotes = tuple(
        n.model_copy(update={"facts": tuple(i for i in n.facts if i not in ids)})
        for n in facts.footnotes
    )
    return facts.model_copy(
        update={
            "facts": tuple(f for f in facts.facts if f.id not in ids),
            "unmapped": facts.unmapped + unmapped,
            "findings": facts.findings + findings,
            "prose": prose,
            "footnotes": footnotes,
        }
    )


def _cell(fact: Fact) -> Cell:
    source = fact.source
    return (source.table, source.page, source.line, source.position)


def _finding(fact: Fact, reason: str, file: str) -> Finding:
    source = fact.source
    return Finding(
        code="ocr.withheld",
        severity=Severity.WARNING,
        message=f"{source.printed} ({fact.concept}, {fact.context}) {reason}",
        location=Location(
            file=file, page=source.page, table=source.table, row=source.label, line=source.line
        ),
    )


def ocr_summary(layer: OcrLayer, facts: FactSet) -> OcrSummary:
    """Every published fact read on an OCR'd page, with its place and confidence."""
    pages = set(layer.pages)
    chunks: dict[int, list[OcrChunk]] = {}
    for chunk in layer.chunks:
        chunks.setdefault(chunk.page, []).append(chunk)
    used: set[int] = set()
    listed = [
        _ocr_fact(fact, chunks.get(fact.source.page or 0, []), used)
        for fact in facts.facts
        if fact.source.page in pages
    ]
    confidences = [f.confidence for f in listed]
    return OcrSummary(
        engine=layer.engine,
        pages=layer.pages,
        facts=tuple(listed),
        withheld=sum(1 for u in facts.unmapped if u.reason.startswith(WITHHELD)),
        lowest_confidence=min(confidences, default=1.0),
        mean_confidence=round(sum(confidences) / len(confidences), 3) if confidences else 1.0,
    )


def _ocr_fact(fact: Fact, chunks: list[OcrChunk], used: set[int]) -> OcrFact:
    """The fact with the OCR'd chunk its number was printed in (a table cell's line, or
    a paragraph's lines from its first); without one, the page's lowest confidence."""
    source = fact.source
    chunk = _chunk_of(source, chunks, used)
    page, line = source.page or 0, source.line
    if chunk is None:
        lowest = min((c.confidence for c in chunks), default=0.0)
        return OcrFact(
            fact=fact.id, page=page, line=line, printed=source.printed, confidence=lowest
        )
    if source.kind is SourceKind.TABLE:  # a cell's chunk is one number; prose holds many
        used.add(id(chunk))
    return OcrFact(
        fact=fact.id,
        page=page,
        line=chunk.line,
        printed=source.printed,
        x0=chunk.x0,
        top=chunk.top,
        x1=chunk.x1,
        bottom=chunk.bottom,
        confidence=chunk.confidence,
    )


def _chunk_of(source: Source, chunks: list[OcrChunk], used: set[int]) -> OcrChunk | None:
    """The first unused chunk holding the printed number's digits ("261.2" of "261.2
    million"): on the row's line (else the nearest line, for a row whose label wraps), or
    in a paragraph from its first line."""
    digits = _DIGITS.search(source.printed)
    printed = digits.group() if digits else source.printed
    found = [
        c
        for c in chunks
        if id(c) not in used
        and printed in c.text
        and (source.kind is SourceKind.TABLE or c.line >= source.line)
    ]
    return min(found, key=lambda c: abs(c.line - source.line), default=None)
