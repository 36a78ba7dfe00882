"""Narrative facts join the table facts: one FactSet, one value per fact.

A prose figure that restates a table fact ("RMB4,482.3 million" for the table's
4,482,252 thousand) agrees when the table's value lies within the prose's rounding:
it becomes a duplicate of the table fact, which keeps its more precise value and gains the
paragraph as a source. A figure that disagrees is not a fact: it is reported (a failed
`check.text-vs-table`), never written beside the table's value. The same holds between two
paragraphs (`check.duplicates`). Other figures become facts of their own, with a
`paragraph` source; footnotes the prose marks are linked to the facts they explain.
"""

from __future__ import annotations

from decimal import Decimal

from exporter.errors import Location
from exporter.extensions import concept_name
from exporter.facts.build import FactDraft
from exporter.facts.model import (
    BuiltFacts,
    CheckCode,
    Context,
    Fact,
    FactFootnote,
    Member,
    ProseMerge,
    ProseRecord,
    ProseStatus,
    Restatement,
    Source,
    SourceKind,
    Unit,
)
from exporter.findings import Finding, Severity
from exporter.narrative.model import Narrative, NarrativeFact
from exporter.tables.model import Column
from exporter.taxonomy import Concept

NARRATIVE_ROLE = "Narrative"


def _precision(decimals: int | None) -> float:
    return float("inf") if decimals is None else decimals


def agrees(a: Fact, b: Fact) -> bool:
    """Two printings of one fact agree when some value lies within both one's rounding and
    the other's: 77.5 million (77.45 to 77.55) restates 77,450 thousand."""
    half_a, half_b = _half(a.decimals), _half(b.decimals)
    return abs(a.value - b.value) <= half_a + half_b


def _half(decimals: int | None) -> Decimal:
    return Decimal(0) if decimals is None else Decimal(5).scaleb(-decimals - 1)


def _unit(builder: FactDraft, concept: Concept, currency: str | None) -> Unit | None:
    if concept.unit is None:
        column = Column(position=0, header="", period=None, currency=currency)
        return builder.unit(concept, column)
    measure = f"{builder.taxonomy.prefix}:{concept.unit}"
    if concept.unit not in builder.units:
        builder.units[concept.unit] = Unit(id=concept.unit, numerator=(measure,))
    return builder.units[concept.unit]


def _context(builder: FactDraft, fact: NarrativeFact) -> Context:
    plain = builder.context(fact.period)
    if fact.member is None or fact.axis is None:
        return plain
    name = f"{concept_name(fact.member)}Member"
    if name not in builder.members:
        builder.members[name] = Member(axis=fact.axis, name=name, label=fact.member)
    member = builder.members[name]
    identifier = f"{plain.id}_{name}"
    if identifier not in builder.contexts:
        builder.contexts[identifier] = Context(id=identifier, period=fact.period, member=member)
    return builder.contexts[identifier]


def _source(fact: NarrativeFact) -> Source:
    prose = fact.source
    return Source(
        table=0,
        line=prose.line,
        page=prose.page,
        label=prose.label,
        printed=prose.printed,
        column="",
        position=prose.position,
        kind=SourceKind.PARAGRAPH,
        section=prose.section,
        wording=prose.wording,
    )


class _Merger:
    def __init__(self, builder: FactDraft, narrative: Narrative) -> None:
        self.builder = builder
        self.tabled = {fact.concept for fact in builder.facts}
        self.printed = self.tabled | {fact.concept for fact in narrative.facts}
        self.records: list[ProseRecord] = []
        self.restatements: list[Restatement] = []
        self.kept: list[str | None] = []
        self.axes: set[str] = set()

    def record(self, figure: NarrativeFact, status: ProseStatus, **fields: object) -> None:
        source = figure.source
        self.records.append(
            ProseRecord(
                line=source.line,
                page=source.page,
                section=source.section,
                printed=source.printed,
                label=source.label,
                role=figure.role.value,
                status=status,
                position=source.position,
                **fields,
            )
        )

    def _named(self, figure: NarrativeFact) -> str:
        """The concept as the tables chose it; where no table prints the line, as the
        taxonomy's choices give it for the prose's words ("net income" in a release that
        names no noncontrolling interest is the parent's own, as in a table)."""
        general = figure.concept
        if general in self.builder.chosen:
            return self.builder.chosen[general]
        if general in self.tabled:
            return general
        label, day = figure.source.label, figure.period.end
        return self.builder.taxonomy.chosen(general, label, self.printed, day) or general

    def add(self, narrative_fact: NarrativeFact) -> None:
        builder = self.builder
        name = self._named(narrative_fact)
        concept = builder.concepts.get(name)
        unit = _unit(builder, concept, narrative_fact.currency) if concept else None
        if concept is None or unit is None:
            reason = "unknown concept" if concept is None else "no currency for a money figure"
            self.kept.append(None)
            self.record(narrative_fact, ProseStatus.NOT_A_FACT, reason=reason)
            return
        context = _context(builder, narrative_fact)
        if narrative_fact.axis:
            self.axes.add(narrative_fact.axis)
        fact = Fact(
            id="",
            concept=concept.name,
            context=context.id,
            unit=unit.id,
            value=narrative_fact.value,
            decimals=narrative_fact.decimals,
            source=_source(narrative_fact),
        )
        index = builder.by_key.get((fact.concept, fact.context, fact.unit))
        if index is None and (same := self._same_as(fact)) is not None:
            fact, index = same
        implausible = _implausible(builder.facts, fact) if index is None else ""
        if implausible:
            self.kept.append(None)
            self.record(narrative_fact, ProseStatus.NOT_A_FACT, reason=implausible)
        elif index is None:
            self._new(narrative_fact, fact)
        else:
            self._restated(narrative_fact, fact, index)

    def _same_as(self, fact: Fact) -> tuple[Fact, int] | None:
        """The release's fact this prose figure restates under a more specific name (see
        `SameAs`), when one of them has its value in its context."""
        builder = self.builder
        for same in builder.taxonomy.narrative.same_as:
            if same.concept != fact.concept:
                continue
            for name in same.facts:
                index = builder.by_key.get((name, fact.context, fact.unit))
                named = fact.model_copy(update={"concept": name})
                if index is not None and agrees(builder.facts[index], named):
                    return named, index
        return None

    def _fields(self, fact: Fact) -> dict[str, object]:
        return {
            "fact": fact.id,
            "concept": fact.concept,
            "context": fact.context,
            "unit": fact.unit,
            "value": fact.value,
            "decimals": fact.decimals,
        }

    def _new(self, narrative_fact: NarrativeFact, fact: Fact) -> None:
        builder = self.builder
        fact = fact.model_copy(update={"id": f"f{len(builder.facts) + 1}"})
        builder.by_key[(fact.concept, fact.context, fact.unit)] = len(builder.facts)
        builder.facts.append(fact)
        presented = {name for names in builder.presentation.values() for name in names}
        if fact.concept not in presented:
            builder.presentation.setdefault(NARRATIVE_ROLE, []).append(fact.concept)
        self.kept.append(fact.id)
        self.record(narrative_fact, ProseStatus.FACT, **self._fields(fact))

    def _restated(self, narrative_fact: NarrativeFact, fact: Fact, index: int) -> None:
        builder = self.builder
        kept = builder.facts[index]
        table = kept.source.kind is SourceKind.TABLE
        if agrees(kept, fact):
            better = (
                fact
                if not table and _precision(fact.decimals) > _precision(kept.decimals)
                else kept
            )
            other = fact.source if better is kept else kept.source
            builder.facts[index] = better.model_copy(
                update={"id": kept.id, "duplicates": (*kept.duplicates, other)}
            )
            self.restatements.append(Restatement(table=table, agreed=True))
            self.kept.append(kept.id)
            fields = {**self._fields(fact), "fact": kept.id}
            self.record(narrative_fact, ProseStatus.DUPLICATE, **fields)
            return
        self.restatements.append(Restatement(table=table, agreed=False))
        self.kept.append(None)
        where = "table" if table else "paragraph"
        reason = (
            f"disagrees with {kept.id} ({kept.value} from the {where} at line {kept.source.line})"
        )
        self.record(narrative_fact, ProseStatus.NOT_A_FACT, reason=reason, concept=fact.concept)
        apart = _powers_apart(fact, kept) if table else 0
        scale = (
            f": the same figure 10^{apart} times the table's, so the table's scale (a unit "
            "line above it?) was not read and its amounts are likely all off by as much"
            if apart
            else ""
        )
        builder.findings.append(
            Finding(
                code=CheckCode.TEXT_VS_TABLE if table else CheckCode.DUPLICATES,
                severity=Severity.WARNING,
                message=(
                    f"{fact.concept} in {fact.context}: the text says {fact.source.printed} "
                    f"({fact.value}), the {where} at line {kept.source.line} says "
                    f"{kept.source.printed} ({kept.value}){scale}"
                ),
                location=Location(file=builder.source, line=fact.source.line),
                numbers={"text": str(fact.value), where: str(kept.value), "fact": kept.id},
            )
        )


# The powers of ten a scale word stands for, at least ("thousand" to "trillion").
_SCALE_POWERS = range(3, 13)


def _powers_apart(text: Fact, table: Fact) -> int:
    """The power of ten (a scale word's, 10^3 or more) by which the text's figure is the
    table's, within both roundings, else 0: a sign the table's scale was missed (the text
    says "KRW 4,512.3 billion", the table prints 4,512.3 under a unit line not read)."""
    if not text.value or not table.value:
        return 0
    powers: list[int] = [*_SCALE_POWERS, *(-p for p in _SCALE_POWERS)]
    for power in powers:
        decimals = None if table.decimals is None else table.decimals - power
        scaled = table.model_copy(update={"value": table.value.scaleb(power), "decimals": decimals})
        if agrees(text, scaled):
            return power
    return 0


_PLAUSIBLE = 100


def _implausible(facts: list[Fact], fact: Fact) -> str:
    """Why a new prose fact cannot be right against the table's figures of its concept
    (a hundred times off: a scale the text left out, or another measure), else ""."""
    values = [
        abs(f.value)
        for f in facts
        if f.concept == fact.concept and f.unit == fact.unit and f.value
        if f.source.kind is SourceKind.TABLE
    ]
    if not values or not fact.value:
        return ""
    if abs(fact.value) * _PLAUSIBLE < min(values) or abs(fact.value) > max(values) * _PLAUSIBLE:
        return (
            f"{fact.value} is a hundred times off the table's {fact.concept} figures "
            f"({min(values)} to {max(values)}): a scale the text leaves out?"
        )
    return ""


def _footnotes(
    narrative: Narrative, kept: list[str | None], facts: list[Fact]
) -> tuple[FactFootnote, ...]:
    """Each footnote with the facts whose words carry its mark, and every fact of the
    concepts it defines."""
    linked: list[FactFootnote] = []
    for footnote in narrative.footnotes:
        ids = {
            kept[i]
            for i, fact in enumerate(narrative.facts)
            if footnote.id in fact.footnotes and kept[i] is not None
        }
        ids.update(f.id for f in facts if f.concept in footnote.concepts)
        if not ids:
            continue
        ordered = tuple(sorted((i for i in ids if i), key=lambda i: int(i[1:])))
        linked.append(
            FactFootnote(
                id=footnote.id,
                marker=footnote.marker,
                line=footnote.line,
                text=footnote.text,
                facts=ordered,
            )
        )
    return tuple(linked)


def merge_prose(built: BuiltFacts, narrative: Narrative | None) -> BuiltFacts:
    """The facts with the prose's figures joined (after the table facts), and what became
    of each figure (`BuiltFacts.merge`)."""
    draft = FactDraft.resume(built)
    merge = merge_narrative(draft, narrative)
    return draft.built(built, merge)


def merge_narrative(builder: FactDraft, narrative: Narrative | None) -> ProseMerge:
    """Add the narrative's facts to `builder` (after the table facts); what became of each."""
    if narrative is None:
        return ProseMerge()
    for concept in narrative.concepts:
        if concept.name not in builder.concepts:
            builder.concepts[concept.name] = concept
            builder.balances[concept.name] = concept.balance
    merger = _Merger(builder, narrative)
    for fact in narrative.facts:
        merger.add(fact)
    for unplaced in narrative.unplaced:
        merger.records.append(
            ProseRecord(
                line=unplaced.line,
                page=unplaced.page,
                section=unplaced.section,
                printed=unplaced.printed,
                label="",
                role="",
                status=ProseStatus.NOT_A_FACT,
                reason=unplaced.reason,
                position=unplaced.position,
            )
        )
    records = sorted(merger.records, key=lambda r: (r.line, r.position))
    return ProseMerge(
        records=tuple(records),
        restatements=tuple(merger.restatements),
        kept=tuple(merger.kept),
        footnotes=_footnotes(narrative, merger.kept, builder.facts),
        axes=tuple(sorted(merger.axes)),
    )
