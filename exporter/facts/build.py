"""Stage 4, facts: mapped rows become XBRL facts with contexts, units, signs and decimals.

Per block: signs come from the calculation relationships the block prints (see
`signs`), those relationships become this document's calculation arcs, and every placed
number becomes a fact in the context of its column's period (an instant concept in a
duration column sits at the period's start or end) and the unit its concept's type and
column's currency call for. The same fact printed twice is kept once; two different
values for one fact are an error.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from exporter.errors import Location
from exporter.facts.model import (
    CalcArc,
    Context,
    Entity,
    Fact,
    FactSet,
    Source,
    Unit,
    UnmappedNumber,
)
from exporter.facts.signs import RelationInstance, RowValues, find_relations, holds, solve_signs
from exporter.findings import Finding, Severity
from exporter.mapping import Anchor, RowMapping
from exporter.metadata import DocumentInfo, ExchangeRate
from exporter.options import ConvertOptions
from exporter.periods import Period
from exporter.tables.model import Column, ColumnBlock, Scale, StatementTable, TableRow
from exporter.taxonomy import Concept, ConceptType, Taxonomy

_SHARES = "xbrli:shares"
_PURE = "xbrli:pure"


def entity_for(
    info: DocumentInfo, options: ConvertOptions, taxonomy: Taxonomy, source: str
) -> tuple[Entity, list[Finding]]:
    """The entity identifier: from the options, else the release's listing, else its name."""
    if options.entity_id:
        scheme = options.entity_scheme or taxonomy.ticker_scheme
        return Entity(scheme=scheme, identifier=options.entity_id, name=info.issuer), []
    listing = info.primary_listing
    if listing:
        identifier = f"{listing.exchange}:{listing.ticker}"
        return Entity(scheme=taxonomy.ticker_scheme, identifier=identifier, name=info.issuer), []
    identifier = info.issuer or source.rsplit(".", 1)[0]
    finding = Finding(
        code="entity.no-listing",
        severity=Severity.WARNING,
        message=f"no exchange listing found; entity identifier set to {identifier!r}",
        location=Location(file=source),
        numbers={"hint": "pass --entity-scheme and --entity-id"},
    )
    return Entity(
        scheme=taxonomy.ticker_scheme, identifier=" ".join(identifier.split()), name=info.issuer
    ), [finding]


def context_id(period: Period) -> str:
    if period.start is None:
        return f"I{period.end.isoformat()}"
    return f"D{period.start.isoformat()}_{period.end.isoformat()}"


class _Builder:
    """Accumulates contexts, units, facts and findings for one document."""

    def __init__(self, taxonomy: Taxonomy, source: str) -> None:
        self.taxonomy = taxonomy
        self.source = source
        self.contexts: dict[str, Context] = {}
        self.units: dict[str, Unit] = {}
        self.facts: list[Fact] = []
        self.by_key: dict[tuple[str, str, str], int] = {}
        self.arcs: dict[tuple[str, str, str], CalcArc] = {}
        self.unmapped: list[UnmappedNumber] = []
        self.findings: list[Finding] = []
        self.duplicates = 0
        self.presentation: dict[str, list[str]] = {}

    def location(
        self, table: StatementTable, line: int | None = None, row: str | None = None
    ) -> Location:
        return Location(file=self.source, table=table.index, line=line, row=row, page=table.page)

    def unit(self, concept: Concept, column: Column) -> Unit | None:
        kind = concept.type
        if kind is ConceptType.SHARES:
            return self._unit("shares", (_SHARES,))
        if kind in (ConceptType.PERCENT, ConceptType.PURE, ConceptType.DECIMAL):
            return self._unit("pure", (_PURE,))
        if column.currency is None:
            return None
        measure = f"iso4217:{column.currency}"
        if kind is ConceptType.PER_SHARE:
            return self._unit(f"{column.currency}_per_share", (measure,), (_SHARES,))
        return self._unit(column.currency, (measure,))

    def _unit(
        self, unit_id: str, numerator: tuple[str, ...], denominator: tuple[str, ...] = ()
    ) -> Unit:
        return self.units.setdefault(
            unit_id, Unit(id=unit_id, numerator=numerator, denominator=denominator)
        )

    def context(self, period: Period) -> Context:
        identifier = context_id(period)
        return self.contexts.setdefault(identifier, Context(id=identifier, period=period))

    def add(self, fact: Fact, table: StatementTable) -> None:
        key = (fact.concept, fact.context, fact.unit)
        if key not in self.by_key:
            self.by_key[key] = len(self.facts)
            self.facts.append(fact.model_copy(update={"id": f"f{len(self.facts) + 1}"}))
            return
        index = self.by_key[key]
        kept = self.facts[index]
        if consistent(kept, fact):
            self.duplicates += 1
            better = fact if _precision(fact) > _precision(kept) else kept
            sources = (*kept.duplicates, fact.source if better is kept else kept.source)
            self.facts[index] = better.model_copy(update={"id": kept.id, "duplicates": sources})
            return
        self.findings.append(
            Finding(
                code="fact.inconsistent-duplicate",
                severity=Severity.ERROR,
                message=(
                    f"{fact.concept} in {fact.context} is {fact.value} here but {kept.value} "
                    f"at line {kept.source.line}"
                ),
                location=self.location(table, fact.source.line, fact.source.label),
                numbers={"value": str(fact.value), "other": str(kept.value)},
            )
        )
        self.unmapped.append(_unmapped(fact.source, "inconsistent duplicate of an earlier fact"))


def _precision(fact: Fact) -> float:
    return float("inf") if fact.decimals is None else fact.decimals


def consistent(a: Fact, b: Fact) -> bool:
    """Duplicates agree when their values are equal rounded to the lesser precision."""
    if a.decimals is None and b.decimals is None:
        return a.value == b.value
    decimals = min(_precision(a), _precision(b))
    quantum = Decimal(1).scaleb(-int(decimals))
    return a.value.quantize(quantum, ROUND_HALF_EVEN) == b.value.quantize(quantum, ROUND_HALF_EVEN)


def _unmapped(source: Source, reason: str) -> UnmappedNumber:
    return UnmappedNumber(
        text=source.printed,
        table=source.table,
        line=source.line,
        page=None,
        label=source.label,
        reason=reason,
    )


def _exponent(concept: Concept, scale: Scale) -> int:
    if concept.type is ConceptType.MONETARY:
        return scale.money
    if concept.type is ConceptType.SHARES:
        return scale.shares
    if concept.type is ConceptType.PER_SHARE:
        return scale.per_share
    return 0


def _period(column: Column, concept: Concept, anchor: Anchor | None) -> Period | None:
    period = column.period
    if period is None or concept.type is ConceptType.ABSTRACT:
        return None
    if concept.period.value == "duration":
        return None if period.is_instant else period
    if period.is_instant:
        return period
    return period.day_before_start() if anchor is Anchor.START else period.at_end()


def _row_values(row: TableRow, concept: str) -> RowValues:
    return RowValues(
        concept=concept,
        values={c.column: c.number.value for c in row.cells},
        digits={c.column: c.number.fraction_digits for c in row.cells},
    )


def _solve_block(
    block: ColumnBlock, mapped: dict[int, RowMapping], taxonomy: Taxonomy
) -> tuple[dict[int, int], list[RowValues], list[int], list[RelationInstance]]:
    order = sorted(mapped)
    rows = [_row_values(block.rows[r], mapped[r].concept or "") for r in order]
    instances = find_relations(rows, taxonomy)
    signs = solve_signs(rows, instances)
    return {r: signs[i] for i, r in enumerate(order)}, rows, signs, instances


def _column_status(
    instance: RelationInstance, rows: list[RowValues], signs: list[int]
) -> list[bool]:
    columns = sorted({c for row in rows for c in row.values})
    results = [holds(instance, rows, signs, c) for c in columns]
    return [r for r in results if r is not None]


def _select_relations(
    instances: list[RelationInstance], rows: list[RowValues], signs: list[int]
) -> tuple[list[RelationInstance], list[RelationInstance]]:
    """Relations to publish: those that hold, else per total the fullest one (inconsistent)."""
    by_total: dict[int, list[RelationInstance]] = {}
    for instance in instances:
        by_total.setdefault(instance.total, []).append(instance)
    kept: list[RelationInstance] = []
    broken: list[RelationInstance] = []
    for group in by_total.values():
        good = [i for i in group if (s := _column_status(i, rows, signs)) and all(s)]
        if good:
            kept.extend(good)
            continue
        fullest = max(group, key=lambda i: len(i.items))
        if len(fullest.items) >= 2 and _column_status(fullest, rows, signs):
            kept.append(fullest)
            broken.append(fullest)
    return kept, broken


def build_facts(
    tables: tuple[StatementTable, ...],
    mappings: tuple[RowMapping, ...],
    info: DocumentInfo,
    taxonomy: Taxonomy,
    options: ConvertOptions,
    source: str,
) -> FactSet:
    """All facts of a document, with their contexts, units and calculation arcs."""
    builder = _Builder(taxonomy, source)
    entity, findings = entity_for(info, options, taxonomy, source)
    builder.findings.extend(findings)
    by_row = {(m.table, m.block, m.row): m for m in mappings}
    for table in tables:
        builder.unmapped.extend(
            UnmappedNumber(
                text=u.text,
                table=table.index,
                line=u.line,
                page=u.page,
                label=u.label,
                reason=u.reason,
            )
            for u in table.unplaced
        )
        for b, block in enumerate(table.blocks):
            _block_facts(builder, table, b, block, by_row)
    _check_translations(builder, info.exchange_rates)
    return FactSet(
        entity=entity,
        contexts=tuple(sorted(builder.contexts.values(), key=lambda c: c.id)),
        units=tuple(sorted(builder.units.values(), key=lambda u: u.id)),
        facts=tuple(builder.facts),
        calculations=tuple(builder.arcs[k] for k in sorted(builder.arcs)),
        presentation=tuple((role, tuple(names)) for role, names in builder.presentation.items()),
        unmapped=tuple(builder.unmapped),
        findings=tuple(builder.findings),
        duplicate_count=builder.duplicates,
    )


def _block_facts(
    builder: _Builder,
    table: StatementTable,
    b: int,
    block: ColumnBlock,
    by_row: dict[tuple[int, int, int], RowMapping],
) -> None:
    mapped = {
        r: by_row[(table.index, b, r)]
        for r in range(len(block.rows))
        if (table.index, b, r) in by_row
    }
    concept_rows = {r: m for r, m in mapped.items() if m.concept}
    signs, rows, sign_list, instances = _solve_block(block, concept_rows, builder.taxonomy)
    kept, broken = _select_relations(instances, rows, sign_list)
    _record_arcs(builder, kept, rows)
    for instance in broken:
        _report_broken(builder, table, block, instance, rows, sign_list, sorted(concept_rows))
    statement = builder.taxonomy.statement(table.kind)
    role = statement.role if statement else "Other"
    names = builder.presentation.setdefault(role, [])
    for r, mapping in mapped.items():
        row = block.rows[r]
        if mapping.concept is None:
            builder.unmapped.extend(
                UnmappedNumber(
                    text=c.number.text,
                    table=table.index,
                    line=row.line,
                    page=row.page,
                    label=row.label,
                    reason=mapping.reason,
                )
                for c in row.cells
            )
            continue
        if mapping.concept not in names:
            names.append(mapping.concept)
        _row_facts(builder, table, block, row, mapping, signs.get(r, 1))


def _record_arcs(builder: _Builder, kept: list[RelationInstance], rows: list[RowValues]) -> None:
    for instance in kept:
        total = rows[instance.total].concept
        for order, (item, weight) in enumerate(instance.items, start=1):
            concept = rows[item].concept
            key = (instance.role, total, concept)
            builder.arcs.setdefault(
                key,
                CalcArc(role=instance.role, total=total, item=concept, weight=weight, order=order),
            )


def _report_broken(
    builder: _Builder,
    table: StatementTable,
    block: ColumnBlock,
    instance: RelationInstance,
    rows: list[RowValues],
    signs: list[int],
    order: list[int],
) -> None:
    total_row = block.rows[order[instance.total]]
    items = ", ".join(rows[i].concept for i, _ in instance.items)
    builder.findings.append(
        Finding(
            code="calc.release-inconsistent",
            severity=Severity.WARNING,
            message=f"{rows[instance.total].concept} does not equal the sum of its printed items ({items}) in every column",
            location=builder.location(table, total_row.line, total_row.label),
        )
    )


def _row_facts(
    builder: _Builder,
    table: StatementTable,
    block: ColumnBlock,
    row: TableRow,
    mapping: RowMapping,
    sign: int,
) -> None:
    concept = builder.taxonomy.concepts[mapping.concept or ""]
    exponent = _exponent(concept, table.scale)
    for cell in row.cells:
        column = block.columns[cell.column]
        source = Source(
            table=table.index,
            line=row.line,
            page=row.page,
            label=row.label,
            printed=cell.number.text,
            column=column.header,
            position=column.position,
        )
        period = _period(column, concept, mapping.anchor)
        unit = builder.unit(concept, column)
        if period is None or unit is None:
            reason = "column has no currency" if unit is None else "period does not fit the concept"
            builder.unmapped.append(_unmapped(source, reason))
            continue
        value = cell.number.value * sign
        decimals = cell.number.fraction_digits - exponent
        if concept.type is ConceptType.PERCENT:
            value, decimals = value / 100, decimals + 2
        else:
            value = value.scaleb(exponent)
        builder.add(
            Fact(
                id="",
                concept=concept.name,
                context=builder.context(period).id,
                unit=unit.id,
                value=value,
                decimals=decimals,
                source=source,
            ),
            table,
        )


def _check_translations(builder: _Builder, rates: tuple[ExchangeRate, ...]) -> None:
    """Each fact in a quote currency against its twin in the base currency, at the stated rate.

    Releases translate line by line and often total the translated lines, so a translated
    total may miss its own rounding by a little: up to one unit of its last printed digit
    passes; more is a warning.
    """
    for rate in rates:
        checked = failed = 0
        for fact in builder.facts:
            twin = _twin(builder, fact, rate)
            if twin is None:
                continue
            checked += 1
            expected = twin.value / rate.rate
            slack = 2 * _half(fact.decimals) + _half(twin.decimals) / rate.rate
            if abs(expected - fact.value) > slack:
                failed += 1
                builder.findings.append(_translation_finding(builder, fact, twin, rate, expected))
        builder.findings.append(
            Finding(
                code="check.translation.summary",
                severity=Severity.INFO,
                message=(
                    f"{checked} {rate.quote} facts checked against {rate.currency} at "
                    f"{rate.rate} ({rate.text!r}, line {rate.line}); {failed} off by more "
                    "than one unit of their last digit"
                ),
                numbers={"checked": str(checked), "failed": str(failed), "rate": str(rate.rate)},
            )
        )


def _twin(builder: _Builder, fact: Fact, rate: ExchangeRate) -> Fact | None:
    twin_unit = _twin_unit(fact.unit, rate)
    if twin_unit is None:
        return None
    index = builder.by_key.get((fact.concept, fact.context, twin_unit))
    return None if index is None else builder.facts[index]


def _translation_finding(
    builder: _Builder, fact: Fact, twin: Fact, rate: ExchangeRate, expected: Decimal
) -> Finding:
    printed = format(fact.value, "f")
    return Finding(
        code="check.translation",
        severity=Severity.WARNING,
        message=(
            f"{fact.concept} in {fact.context}: {printed} {rate.quote} printed, but "
            f"{format(twin.value, 'f')} {rate.currency} / {rate.rate} = {expected:.4f}"
        ),
        location=Location(
            file=builder.source,
            table=fact.source.table,
            line=fact.source.line,
            row=fact.source.label,
        ),
        numbers={"printed": printed, "expected": f"{expected:.4f}", "rate": str(rate.rate)},
    )


def _twin_unit(unit: str, rate: ExchangeRate) -> str | None:
    if unit == rate.quote:
        return rate.currency
    if unit == f"{rate.quote}_per_share":
        return f"{rate.currency}_per_share"
    return None


def _half(decimals: int | None) -> Decimal:
    return Decimal(0) if decimals is None else Decimal(5).scaleb(-decimals - 1)
