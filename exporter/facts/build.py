"""Stage 4, facts: mapped rows become XBRL facts with contexts, units, signs and decimals.

Per block: signs and this document's calculation arcs come from `calc`; every placed
number becomes a fact in the context of its column's period (an instant concept in a
duration column sits at the period's start or end) and the unit its concept's type and
column's currency call for. The same fact printed twice is kept once; two different
values for one fact are an error.
"""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal
from typing import NamedTuple

from exporter.errors import Location
from exporter.extensions import (
    concept_name,
    per_quantity,
    prices_a_unit,
    quantity_exponent,
    variant_base,
)
from exporter.facts.calc import BlockCalc, block_calculations
from exporter.facts.dash_changes import dash_is_nil_change
from exporter.facts.model import (
    INCONSISTENT_DUPLICATE,
    BuiltFacts,
    CalcArc,
    Context,
    Entity,
    Fact,
    Member,
    ProseMerge,
    Source,
    Unit,
    UnmappedNumber,
)
from exporter.facts.scales import InheritedScale, ShareScale, inherited_scales, share_scales
from exporter.findings import Finding, Severity
from exporter.labels import label_tokens, strip_footnotes
from exporter.mapping import Anchor, Mapping, RowMapping
from exporter.metadata import DocumentInfo
from exporter.numbers import PrintedNumber
from exporter.options import ConvertOptions
from exporter.periods import Period
from exporter.tables.model import Column, ColumnBlock, Scale, StatementTable, TableRow, ValueCell
from exporter.taxonomy import Balance, Concept, ConceptType, PeriodType, Taxonomy, outlook_concept
from exporter.taxonomy_cover import load_cover

_SHARES = "xbrli:shares"
_MAX_NAME = 120
# Where a fact was printed: table index, table title, row sections, row label.
Origin = tuple[int, str, tuple[str, ...], str]
_PURE = "xbrli:pure"
LABEL_PLACEMENT_CONFLICT = "period.fiscal-label-conflict"
# Days between the ends of a fiscal period and the same period a year on (52/53 weeks).
_YEAR_APART = range(357, 375)
_RESERVED_PREFIXES = frozenset({"xbrli", "link", "xlink", "iso4217", "xsd", "xsi", "xml"})


def entity_for(
    info: DocumentInfo, options: ConvertOptions, taxonomy: Taxonomy, source: str
) -> tuple[Entity, list[Finding]]:
    """The entity identifier: from the options, else the CIK of the EDGAR header the
    release came with (the SEC's own identifier and name for the filer), else the release's
    listing, else its name."""
    if options.entity_id:
        scheme = options.entity_scheme or taxonomy.ticker_scheme
        return Entity(scheme=scheme, identifier=options.entity_id, name=info.issuer), []
    filer = info.filer
    if filer is not None and filer.cik:
        name = filer.registrant or info.issuer
        return Entity(scheme=load_cover().cik_scheme, identifier=filer.cik, name=name), []
    listing = info.primary_listing
    if listing:
        identifier = f"{listing.exchange}:{listing.ticker}"
        return Entity(scheme=taxonomy.ticker_scheme, identifier=identifier, name=info.issuer), []
    # A name as an identifier, without spaces: OIM formats (an SQName entity) cannot hold them.
    identifier = "-".join((info.issuer or source.rsplit(".", 1)[0]).replace(",", " ").split())
    finding = Finding(
        code="entity.no-listing",
        severity=Severity.WARNING,
        message=f"no exchange listing found; entity identifier set to {identifier!r}",
        location=Location(file=source),
        numbers={"hint": "pass --entity-scheme and --entity-id"},
    )
    entity = Entity(scheme=taxonomy.ticker_scheme, identifier=identifier, name=info.issuer)
    return entity, [finding]


def context_id(period: Period) -> str:
    if period.start is None:
        return f"I{period.end.isoformat()}"
    return f"D{period.start.isoformat()}_{period.end.isoformat()}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entity"


def extension_prefix(info: DocumentInfo, taxonomy: Taxonomy) -> str:
    """The issuer's namespace prefix: its ticker in lower case, else "ext"."""
    listing = info.primary_listing
    prefix = re.sub(r"[^a-z0-9]", "", listing.ticker.lower()) if listing else ""
    if not prefix or not prefix[0].isalpha() or prefix in _RESERVED_PREFIXES | {taxonomy.prefix}:
        return "ext"
    return prefix


def extension_namespace(entity: Entity, contexts: list[Context], taxonomy: Taxonomy) -> str:
    """The issuer's own namespace for this release: entity and latest period end."""
    end = max((c.period.end for c in contexts), default=None)
    return taxonomy.extension_namespace.format(
        entity=_slug(entity.identifier), period_end=end.isoformat() if end else "undated"
    )


class FactDraft:
    """Accumulates contexts, units, facts, arcs and findings for one document."""

    def __init__(self, taxonomy: Taxonomy, concepts: dict[str, Concept], source: str) -> None:
        self.taxonomy = taxonomy
        self.concepts = concepts
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
        # Concept -> its qualified concept, for the row being built (`_add_qualified`).
        self.qualified: dict[str, str] = {}
        self.members: dict[str, Member] = {}
        self.origins: list[Origin] = []
        # (table, column position) of the columns headed by a fiscal label alone, and of
        # those whose period the release prints (reported, as a whole: no member).
        self.label_columns: set[tuple[int, int]] = set()
        self.dated_columns: set[tuple[int, int]] = set()
        self.label_conflicts: list[tuple[Fact, Fact]] = []
        # General concept -> the one the release's structure chose (`Mapping.chosen`).
        self.chosen: dict[str, str] = {}
        self.balances = {name: concept.balance for name, concept in concepts.items()}
        self.unit_amounts = tuple(
            label_tokens(w) for w in taxonomy.row_kinds.get("unit_amounts", ()) if label_tokens(w)
        )

    @classmethod
    def resume(cls, built: BuiltFacts) -> FactDraft:
        """A draft holding `built`, for a step that adds to it (the prose's facts)."""
        draft = cls(built.taxonomy, {c.name: c for c in built.concepts}, built.source)
        draft.chosen = dict(built.chosen)
        draft.contexts = {c.id: c for c in built.contexts}
        draft.units = {u.id: u for u in built.units}
        draft.members = {m.name: m for m in built.members}
        draft.facts = list(built.facts)
        draft.by_key = {(f.concept, f.context, f.unit): i for i, f in enumerate(built.facts)}
        draft.arcs = {(a.role, a.total, a.item): a for a in built.arcs}
        draft.presentation = {role: list(names) for role, names in built.presentation}
        draft.unmapped = list(built.unmapped)
        draft.findings = list(built.findings)
        draft.duplicates = built.duplicates
        return draft

    def built(self, start: BuiltFacts, merge: ProseMerge | None = None) -> BuiltFacts:
        """What the draft holds now, as the next step takes it (`start` gives the rest)."""
        return start.model_copy(
            update={
                "concepts": tuple(self.concepts.values()),
                "chosen": dict(self.chosen),
                "contexts": tuple(self.contexts.values()),
                "units": tuple(self.units.values()),
                "members": tuple(self.members.values()),
                "facts": tuple(self.facts),
                "arcs": tuple(self.arcs.values()),
                "presentation": tuple((r, tuple(n)) for r, n in self.presentation.items()),
                "unmapped": tuple(self.unmapped),
                "findings": tuple(self.findings),
                "duplicates": self.duplicates,
                "merge": start.merge if merge is None else merge,
            }
        )

    def location(self, table: StatementTable, line: int | None, row: str | None) -> Location:
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
        if unit_id not in self.units:
            self.units[unit_id] = Unit(id=unit_id, numerator=numerator, denominator=denominator)
        return self.units[unit_id]

    def context(
        self, period: Period, member_text: str | None = None, over: MemberSetting | None = None
    ) -> Context:
        member = self.member(member_text, over) if member_text else None
        identifier = context_id(period) + (f"_{member.name}" if member else "")
        if identifier not in self.contexts:
            self.contexts[identifier] = Context(id=identifier, period=period, member=member)
        return self.contexts[identifier]

    def member(self, text: str, over: MemberSetting | None = None) -> Member:
        """The axis member a column header or breakdown row names; the axis its words, the
        headings over it or the members beside it name (`Dimensions.axis_for`). The member
        is the one the axis names for those words (us-gaap's RetainedEarningsMember for
        "Retained earnings"), else one named after the header. A row of a measure spread
        over the income statement is a member of the location axis: the one the axis
        names for the row's line item (CostOfSalesMember for "Cost of revenues")."""
        words = label_tokens(text)
        setting = over or MemberSetting()
        siblings = tuple(label_tokens(s) for s in setting.siblings)
        located = self.taxonomy.dimensions.locating(setting.line_item)
        if located is not None:
            axis, name = located, located.line_items[setting.line_item]
        else:
            axis = self.taxonomy.dimensions.axis_for(words, setting.headings, siblings)
            name = axis.member_name(words) or ""
        name = name or f"{concept_name(text)}Member"
        if name not in self.members:
            self.members[name] = Member(axis=axis.name, name=name, label=text)
        return self.members[name]

    def _add_qualified(
        self, fact: Fact, qualifier: str, table: StatementTable, row: TableRow
    ) -> None:
        """A different figure under the same concept elsewhere: a concept of its own, named
        after the section or table that tells the two apart."""
        base = self.concepts[fact.concept]
        name = _qualified_name(base.name, qualifier)
        self.qualified[base.name] = name
        if name not in self.concepts:
            self.concepts[name] = base.model_copy(
                update={
                    "name": name,
                    "label": f"{base.label} ({qualifier})",
                    "extension": True,
                    "documentation": f"{base.label!r} as printed under {qualifier!r}.",
                }
            )
            self.balances[name] = base.balance
            self.findings.append(
                Finding(
                    code="fact.qualified",
                    severity=Severity.INFO,
                    message=(
                        f"{base.name} is printed with other figures under {qualifier!r}; "
                        f"those facts use {name}"
                    ),
                    location=self.location(table, row.line, row.label),
                )
            )
        self.add(fact.model_copy(update={"concept": name}), table, row)

    def _merge_opposite(self, index: int, kept: Fact, other: Fact) -> None:
        """The same amount printed with opposite signs (a deduction here, a loss there)."""
        self.duplicates += 1
        winner = _preferred_sign(kept, other, self.concepts[kept.concept])
        loser = other if winner is kept else kept
        sources = (*kept.duplicates, loser.source)
        self.facts[index] = winner.model_copy(update={"id": kept.id, "duplicates": sources})
        self._note_print(
            "fact.opposite-sign-duplicate",
            f"{kept.concept} in {kept.context} is printed {loser.source.printed} at line "
            f"{loser.source.line} and {winner.source.printed} at line "
            f"{winner.source.line}; kept as {winner.value}",
            loser.source,
        )

    def _note_print(self, code: str, message: str, source: Source) -> None:
        """An info finding placed at the print of a figure that was not kept as printed."""
        self.findings.append(
            Finding(
                code=code,
                severity=Severity.INFO,
                message=message,
                location=Location(
                    file=self.source, table=source.table, line=source.line, row=source.label
                ),
            )
        )

    def _merge_truncated(self, index: int, kept: Fact, fact: Fact, origin: Origin) -> None:
        """One figure printed in full in one table and cut at a coarser last digit in
        another ("6,943" thousand for 6,943,589): the full print is the fact. The cut
        print is not a duplicate XBRL can state (its rounding interval misses the value),
        so it is listed, not tagged."""
        fine, coarse = (fact, kept) if _precision(fact) > _precision(kept) else (kept, fact)
        if fine is fact:
            self.facts[index] = fact.model_copy(
                update={"id": kept.id, "duplicates": kept.duplicates}
            )
            self.origins[index] = origin
        self.duplicates += 1
        self.unmapped.append(
            _unmapped(
                coarse.source, f"the figure at line {fine.source.line} cut at its last digit"
            ).model_copy(update={"deliberate": True})
        )
        self._note_print(
            "fact.truncated-duplicate",
            f"{kept.concept} in {kept.context} is printed {coarse.source.printed} at line "
            f"{coarse.source.line}, {fine.source.printed} at line {fine.source.line} cut "
            f"at its last digit; kept as {fine.value}",
            coarse.source,
        )

    def _labelled(self, fact: Fact) -> bool:
        return (fact.source.table, fact.source.position) in self.label_columns

    def _dated(self, fact: Fact) -> bool:
        return (fact.source.table, fact.source.position) in self.dated_columns

    def _note_label_conflict(self, kept: Fact, fact: Fact) -> None:
        """A fiscal label's column ("FY 2025") placed on a period for which a dated column
        prints another figure of the same concept: kept to be judged once every fact is in
        (`report_label_conflicts`)."""
        if self._labelled(kept) != self._labelled(fact):
            label, dated = (kept, fact) if self._labelled(kept) else (fact, kept)
            if self._dated(dated):
                self.label_conflicts.append((label, dated))

    def report_label_conflicts(self) -> None:
        """A label column contradicting a dated column of its period, while its figure is
        the dated figure of the year before or after: the release names its years by the
        other convention ("fiscal 2025" for the year ending January 2026) or contradicts
        itself, and nothing it prints says which. The reading chosen is reported, never
        left to look settled."""
        for label, dated in self.label_conflicts:
            shifted = self._dated_twin_a_year_apart(label)
            if shifted is None:
                continue
            self.findings.append(
                Finding(
                    code=LABEL_PLACEMENT_CONFLICT,
                    severity=Severity.WARNING,
                    message=(
                        f"{label.concept} under {label.source.column!r} ({label.source.printed})"
                        f" is read as {self.contexts[label.context].period}, where "
                        f"{dated.source.column!r} prints {dated.source.printed}; "
                        f"{shifted.source.column!r} prints {shifted.source.printed}: the "
                        "release does not show which year its fiscal labels name"
                    ),
                    location=Location(
                        file=self.source,
                        table=label.source.table,
                        line=label.source.line,
                        row=label.source.label,
                    ),
                )
            )

    def _dated_twin_a_year_apart(self, label: Fact) -> Fact | None:
        """A dated column's fact of `label`'s concept, agreeing with it, for the period of
        the same length a year before or after `label`'s."""
        period = self.contexts[label.context].period
        for fact in self.facts:
            other = self.contexts[fact.context].period
            if fact.concept != label.concept or not self._dated(fact) or other == period:
                continue
            if _a_year_apart(period, other) and consistent(fact, label):
                return fact
        return None

    def twin(self, concept: str, context: str, unit: str) -> Fact | None:
        index = self.by_key.get((concept, context, unit))
        return None if index is None else self.facts[index]

    def add(self, fact: Fact, table: StatementTable, row: TableRow) -> None:
        key = (fact.concept, fact.context, fact.unit)
        origin = (table.index, table.title, row.sections, row.label)
        if key not in self.by_key:
            self.by_key[key] = len(self.facts)
            self.origins.append(origin)
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
        if kept.value and consistent(kept, fact.model_copy(update={"value": -fact.value})):
            self._merge_opposite(index, kept, fact)
            return
        if truncated(kept, fact) or truncated(fact, kept):
            self._merge_truncated(index, kept, fact, origin)
            return
        self._note_label_conflict(kept, fact)
        qualifier = _qualifier(origin, self.origins[index])
        if qualifier and _qualified_name(fact.concept, qualifier) != fact.concept:
            self._add_qualified(fact, qualifier, table, row)
            return
        self.findings.append(
            Finding(
                code=INCONSISTENT_DUPLICATE,
                severity=Severity.WARNING,
                message=(
                    f"{fact.concept} in {fact.context} is {fact.value} here but {kept.value} "
                    f"at line {kept.source.line}"
                ),
                location=self.location(table, fact.source.line, fact.source.label),
                numbers={"value": str(fact.value), "other": str(kept.value)},
            )
        )
        self.unmapped.append(_unmapped(fact.source, "inconsistent duplicate of an earlier fact"))


def _qualified_name(concept: str, qualifier: str) -> str:
    """The concept for `concept` printed under `qualifier` (names are cut at a maximum
    length, so a long name may already be its own qualified name)."""
    suffix = concept_name(qualifier)
    if concept.endswith(suffix):
        return concept
    return f"{concept}{suffix}"[:_MAX_NAME]


def _qualifier(new: Origin, old: Origin) -> str | None:
    """What tells a row apart from an earlier one: its own section, its table's title, or
    (two rows of one table matched to one concept) its own label."""
    sections = [s for s in new[2] if s not in old[2]]
    if sections:
        return strip_footnotes(sections[-1]).rstrip(":").strip() or None
    if new[1] and new[1] != old[1]:
        return new[1]
    if new[0] != old[0]:
        return f"table {new[0]}"
    label = strip_footnotes(new[3])
    return label if label and label != strip_footnotes(old[3]) else None


def _preferred_sign(kept: Fact, other: Fact, concept: Concept) -> Fact:
    """Of two printings with opposite signs, the one a printed calculation fixed; else, for a
    debit concept (expenses, assets), the positive one; else the first."""
    if kept.anchored != other.anchored:
        return kept if kept.anchored else other
    if concept.balance is Balance.DEBIT and kept.value < 0 < other.value:
        return other
    return kept


def _precision(fact: Fact) -> float:
    return float("inf") if fact.decimals is None else fact.decimals


def _a_year_apart(one: Period, other: Period) -> bool:
    """Two spans of the same length (within a week) whose ends lie a year apart."""
    if one.start is None or other.start is None:
        return False
    lengths = abs((one.end - one.start) - (other.end - other.start))
    return lengths <= timedelta(days=7) and abs((one.end - other.end).days) in _YEAR_APART


def consistent(a: Fact, b: Fact) -> bool:
    """Duplicates agree when their values are equal rounded to the lesser precision."""
    if a.decimals is None and b.decimals is None:
        return a.value == b.value
    quantum = Decimal(1).scaleb(-int(min(_precision(a), _precision(b))))
    return a.value.quantize(quantum, ROUND_HALF_EVEN) == b.value.quantize(quantum, ROUND_HALF_EVEN)


def truncated(coarse: Fact, fine: Fact) -> bool:
    """Whether `coarse` is `fine` cut toward nil at its own last digit, as some summaries
    print figures their statements give in full (6,943 thousand for 6,943,589): one
    figure, though rounding (what `consistent` allows) would print 6,944."""
    if coarse.decimals is None or _precision(fine) <= _precision(coarse):
        return False
    quantum = Decimal(1).scaleb(-coarse.decimals)
    return fine.value.quantize(quantum, ROUND_DOWN) == coarse.value


_NO_MEANINGFUL_CHANGE = "a dash in a change column: the change is not meaningful, not nil"


def _unmapped(source: Source, reason: str) -> UnmappedNumber:
    return UnmappedNumber(
        text=source.printed,
        table=source.table,
        line=source.line,
        page=source.page,
        label=source.label,
        reason=reason,
    )


def _unmapped_cell(
    table: StatementTable, row: TableRow, printed: str, mapping: RowMapping
) -> UnmappedNumber:
    """A cell of a row that maps to no concept, reported with the mapping's reason."""
    return UnmappedNumber(
        text=printed,
        table=table.index,
        line=row.line,
        page=row.page,
        label=row.label,
        reason=mapping.reason,
    )


# Types whose row may state its own scale: money, shares, and quantities ("Gallons sold
# (in millions)").
_STATED_SCALES = (ConceptType.MONETARY, ConceptType.SHARES, ConceptType.DECIMAL)


def _exponent(
    concept: Concept,
    scale: Scale,
    row: TableRow,
    column: Column,
    number: PrintedNumber,
    unit_amount: bool,
    volume: int = 0,
) -> int:
    """Power of ten of a printed number: the cell's own ("$120.5 million"), else the row's
    stated scale, else its column's, else the table's.

    Per-unit money ("average daily rate") is printed in plain units whatever the table's
    scale; per-share amounts may be printed in cents. A quantity whose unit carries a
    prefix (`volume`: 3 for "Oil (MBbl)") is counted in the plain unit.
    """
    if number.scale is not None and concept.type in _STATED_SCALES:
        return number.scale
    if row.scale is not None and concept.type in _STATED_SCALES:
        return row.scale
    if volume and concept.type is ConceptType.DECIMAL:
        return volume
    # A column's cents are per-share cents; its money scale counts amounts and shares.
    for stated in (row.scale, column.scale):
        if stated is not None and stated < 0 and concept.type is ConceptType.PER_SHARE:
            return stated
    if column.scale is not None and column.scale > 0 and concept.type in _STATED_SCALES:
        return column.scale
    if concept.type is ConceptType.MONETARY and unit_amount:
        return 0
    return {
        ConceptType.MONETARY: scale.money,
        ConceptType.SHARES: scale.shares,
        ConceptType.PER_SHARE: scale.per_share,
    }.get(concept.type, 0)


def _mentions(label: str, phrases: tuple[tuple[str, ...], ...]) -> bool:
    words = label_tokens(label)
    return any(words[i : i + len(p)] == p for p in phrases for i in range(len(words) - len(p) + 1))


def _period(
    column: Column, concept: Concept, anchor: Anchor | None, own: Period | None = None
) -> Period | None:
    """The period of a cell's fact: `own` is the span the row's label names for it."""
    period = column.period
    if period is None:
        return None
    if concept.period is PeriodType.DURATION:
        if own is not None:
            return own
        # A flow under a bare quarter-end date is for the quarter the date ends.
        return column.flow_period if period.is_instant else period
    if period.is_instant:
        return period
    return period.day_before_start() if anchor is Anchor.START else period.at_end()


def build_facts(
    tables: tuple[StatementTable, ...],
    mapping: Mapping,
    info: DocumentInfo,
    taxonomy: Taxonomy,
    options: ConvertOptions,
    source: str,
) -> BuiltFacts:
    """The facts the tables state, with their contexts, units and calculation arcs.

    The steps after this one: the prose's facts join (`facts.prose.merge_prose`), the
    cross-checks run (`facts.integrate.cross_check`), and only the calculations that hold
    are kept (`facts.consistency.keep_calculations_consistent`).
    """
    concepts = {**taxonomy.concepts, **{c.name: c for c in mapping.extensions}}
    builder = FactDraft(taxonomy, concepts, source)
    builder.chosen = dict(mapping.chosen)
    entity, findings = entity_for(info, options, taxonomy, source)
    builder.findings.extend(findings)
    by_row = {(m.table, m.block, m.row): m for m in mapping.rows}
    inherited = inherited_scales(tables, by_row, concepts)
    families = tuple(
        (frozenset(f.amount), frozenset((f.diluted, f.basic, f.both, f.plain)))
        for f in taxonomy.narrative.per_share_of
    )
    counted = share_scales(tables, by_row, concepts, families)
    for table in tables:
        if table.index in inherited:
            table = _with_inherited_scale(builder, table, inherited[table.index])
        if table.index in counted:
            table = _with_share_scale(builder, table, counted[table.index])
        builder.unmapped.extend(
            UnmappedNumber(
                text=u.text,
                table=table.index,
                line=u.line,
                page=u.page,
                label=u.label,
                reason=u.reason,
                deliberate=u.deliberate,
            )
            for u in table.unplaced
        )
        for b, block in enumerate(table.blocks):
            _block_facts(
                builder,
                table,
                block,
                {
                    r: by_row[(table.index, b, r)]
                    for r in range(len(block.rows))
                    if (table.index, b, r) in by_row
                },
            )
    # The issuer's namespace is dated by the tables' periods, not the outlook's.
    reported = list(builder.contexts.values())
    start = BuiltFacts(
        taxonomy=taxonomy,
        source=source,
        entity=entity,
        extension_prefix=extension_prefix(info, taxonomy),
        extension_namespace=extension_namespace(entity, reported, taxonomy),
    )
    builder.report_label_conflicts()
    return builder.built(start)


def _with_inherited_scale(
    builder: FactDraft, table: StatementTable, scale: InheritedScale
) -> StatementTable:
    """The table read in the scale its amounts show (see `exporter.facts.scales`), said in
    the report."""
    words = {3: "thousands", 6: "millions", 9: "billions"}.get(scale.exponent, "")
    builder.findings.append(
        Finding(
            code="table.scale-inherited",
            severity=Severity.INFO,
            message=(
                f"table {table.index} prints no scale; {scale.matches} of its amounts are those"
                f" of table {scale.source} in {words or f'10^{scale.exponent}'}, so it is"
                " read in that scale"
            ),
            location=builder.location(table, table.line, None),
        )
    )
    update = {"money": scale.exponent, "text": f"({words}, as table {scale.source})"}
    return table.model_copy(update={"scale": table.scale.model_copy(update=update)})


def _with_share_scale(
    builder: FactDraft, table: StatementTable, scale: ShareScale
) -> StatementTable:
    """The table's share counts read in the scale its earnings per share show (see
    `exporter.facts.scales.share_scales`), said in the report."""
    words = {0: "units", 3: "thousands", 6: "millions"}[scale.exponent]
    builder.findings.append(
        Finding(
            code="table.share-scale",
            severity=Severity.INFO,
            message=(
                f"table {table.index}'s share counts are in {words}, not the caption's scale:"
                f" earnings divided by them give the printed earnings per share in"
                f" {scale.periods} period(s)"
            ),
            location=builder.location(table, table.line, None),
        )
    )
    update = {"shares": scale.exponent}
    return table.model_copy(update={"scale": table.scale.model_copy(update=update)})


def _block_facts(
    builder: FactDraft, table: StatementTable, block: ColumnBlock, mapped: dict[int, RowMapping]
) -> None:
    # A breakdown's member rows stand beside their total, not in its arithmetic.
    concepts = {r: m.concept for r, m in mapped.items() if m.concept and not m.member}
    skipped = {r: frozenset(c for c, _ in m.overrides) for r, m in mapped.items()}
    reversed_in_print = builder.taxonomy.printed_reversed(table.kind)
    statement = builder.taxonomy.statement(table.kind)
    calc = block_calculations(
        _reported_only(block),
        concepts,
        skipped,
        builder.taxonomy,
        _with_per_share_directions(builder, concepts),
        reversed_in_print,
        adjusts=statement is not None and statement.adjusts,
    )
    _report_broken(builder, table, block, calc)
    names = builder.presentation.setdefault(statement.role if statement else "Other", [])
    written = dict(concepts)
    for r, mapping in mapped.items():
        if mapping.concept and mapping.concept not in names:
            names.append(mapping.concept)
        sign, anchored = calc.signs.get(r, 1), r in calc.anchored
        builder.qualified = {}
        _row_facts(builder, table, block, block.rows[r], mapping, sign, anchored)
        if r in written:
            written[r] = builder.qualified.get(written[r], written[r])
    _record_arcs(builder, calc, written)


def _reported_only(block: ColumnBlock) -> ColumnBlock:
    """The block without its outlook columns' cells: guidance is no part of the reported
    figures' arithmetic (and a range's two ends would count twice). Nor are the cells of a
    row naming its own period ("Net Income - Quarter" beside the year to date's "Net
    Income"): they are not of their column's period."""
    outlook = {i for i, column in enumerate(block.columns) if column.outlook}
    if not outlook and not any(c.period for row in block.rows for c in row.cells):
        return block
    rows = tuple(
        row.model_copy(
            update={
                "cells": tuple(c for c in row.cells if c.column not in outlook and c.period is None)
            }
        )
        for row in block.rows
    )
    return block.model_copy(update={"rows": rows})


def _outlook(builder: FactDraft, name: str, bound: str) -> str:
    """The concept of an outlook column's figure for the row's concept `name`: its point,
    or the low or high end of its range, as the prose names the same guidance."""
    derived = outlook_concept(builder.concepts[name], bound)
    existing = builder.concepts.get(derived.name)
    if existing is None:
        builder.concepts[derived.name] = derived
    return derived.name


def _with_per_share_directions(
    builder: FactDraft, concepts: dict[int, str]
) -> dict[str, Balance | None]:
    """The balances the block's signs are solved with, a per-share variant of a money
    concept taking its base's: XBRL gives a per-share item no balance, but "Gain on sale of
    business (0.19)" in a reconciliation of diluted earnings per share is a gain deducted,
    as "(11.2)" is in the money reconciliation."""
    balances = dict(builder.balances)
    for name in set(concepts.values()):
        concept = builder.concepts.get(name)
        base = variant_base(concept, builder.concepts) if concept else None
        if concept and concept.type is ConceptType.PER_SHARE and base and base.balance:
            balances[name] = base.balance
    return balances


def _per_share_of_row(builder: FactDraft, name: str, row_concept: str | None) -> bool:
    """Whether `name` is the per-share variant of the row's own concept: a per-share
    column beside its amounts, printed with the same convention, so signed as they are."""
    concept = builder.concepts[name]
    base = variant_base(concept, builder.concepts)
    return concept.type is ConceptType.PER_SHARE and base is not None and base.name == row_concept


def _record_arcs(builder: FactDraft, calc: BlockCalc, written: dict[int, str]) -> None:
    """The block's relations over the concepts its rows' facts were written under
    (`written`, by row): a row whose figures differ from an earlier row's under the same
    concept took a qualified concept (`_add_qualified`), and the relation its total holds
    is about that row's figures (two reconciliations in one release, each adding back its
    own share-based compensation, are each checked against their own adjustments)."""
    for role, total_row, items in calc.kept:
        total = written[total_row]
        for order, (row, weight) in enumerate(items, start=1):
            item = written[row]
            arc = CalcArc(role=role, total=total, item=item, weight=weight, order=order)
            builder.arcs.setdefault((role, total, item), arc)


def _report_broken(
    builder: FactDraft, table: StatementTable, block: ColumnBlock, calc: BlockCalc
) -> None:
    for row_index, total, items in calc.broken:
        row = block.rows[row_index]
        builder.findings.append(
            Finding(
                code="calc.release-inconsistent",
                severity=Severity.WARNING,
                message=(
                    f"{total} does not equal the sum of its printed items "
                    f"({', '.join(items)}) in every column"
                ),
                location=builder.location(table, row.line, row.label),
            )
        )


def _member(column: Column, mapping: RowMapping) -> str | None:
    """The cell's member: the row's in a transposed table, else the column's, else the
    row's (a breakdown row)."""
    if mapping.transposed:
        return mapping.member
    return column.member or mapping.member


class MemberSetting(NamedTuple):
    """What is printed around a cell's member, which may say what kind of member it is:
    the headings over it (the table's title, its column's header, the headings over its
    row: "Product sales by geography", "Net sales by reportable segment:") and the other
    members of its split (the block's other column members)."""

    headings: tuple[str, ...] = ()
    siblings: tuple[str, ...] = ()
    # The income statement line item a breakdown row's member stands for, if it is one
    # ("Cost of revenues" under "Stock-based compensation expense was as follows:").
    line_item: str = ""


def _member_setting(
    table: StatementTable, block: ColumnBlock, column: Column, row: TableRow, mapping: RowMapping
) -> MemberSetting:
    """The setting of a cell's member: a column's member stands beside the block's other
    column members; a breakdown row's beside none its cell shows."""
    headings = (table.title, column.header, *row.sections)
    if mapping.transposed or not column.member:
        return MemberSetting(headings=headings, line_item=mapping.location or "")
    siblings = tuple(dict.fromkeys(c.member for c in block.columns if c.member))
    return MemberSetting(headings=headings, siblings=siblings)


def _change_sign(block: ColumnBlock, row: TableRow, cell: ValueCell, sign: int) -> int:
    """The sign a change column's figure takes where the row's figures are stored with the
    opposite of their printed sign (an expense printed "(98.4) | (91.7)"): its change is
    then reversed too, when the printed change is the printed figures' ("(7.3)%": -98.4
    against -91.7) and not their sizes' ("7.3%", the US way); the arithmetic of the two
    figures to its left tells which."""
    change = block.columns[cell.column]
    if sign == 1 or not change.change or not cell.number.value:
        return 1
    values = {
        c.column: c.number.value
        for c in row.cells
        if c.column < cell.column and not block.columns[c.column].change
    }
    columns = [(i, block.columns[i]) for i in sorted(values)]
    now = [i for i, c in columns if c.period == change.period and c.member == change.member]
    before = [
        i
        for i, c in columns
        if c.period is not None and c.period != change.period and c.member == change.member
    ]
    if not now or not before:
        return 1
    current, prior = values[now[-1]], values[before[-1]]
    printed = (current - prior) * cell.number.value > 0
    sizes = (abs(current) - abs(prior)) * cell.number.value > 0
    return sign if printed and not sizes else 1


def _of_a_balance(builder: FactDraft, mapping: RowMapping) -> bool:
    """Whether the row's own concept is a balance at a date (an instant)."""
    concept = builder.concepts.get(mapping.concept or "")
    return concept is not None and concept.period is PeriodType.INSTANT


def _change_span(block: ColumnBlock, cell: ValueCell) -> Period | None:
    """The span a balance's change column covers: from the day after the one earlier date
    its block prints to the change's own date ("Mar. 31, 2026 | Dec. 31, 2025 | Change" is
    2026-01-01..2026-03-31). None when the block prints several earlier dates ("1Q26 | 4Q25
    | 1Q25 | QoQ | YoY"): which one the change is against, the columns do not say."""
    change = block.columns[cell.column]
    if change.period is None:
        return None
    earlier = {
        c.period.end
        for c in block.columns[: cell.column]
        if c.period is not None and not c.change and c.member == change.member
        if c.period.end < change.period.end
    }
    if len(earlier) != 1:
        return None
    return Period(start=earlier.pop() + timedelta(days=1), end=change.period.end)


def _note_column(builder: FactDraft, table: StatementTable, column: Column) -> None:
    """Where a fact's column stands on its period: named by a fiscal label, or dated."""
    place = (table.index, column.position)
    if column.fiscal_label:
        builder.label_columns.add(place)
    elif column.member is None and not (column.trailing or column.change or column.outlook):
        builder.dated_columns.add(place)


def _row_facts(
    builder: FactDraft,
    table: StatementTable,
    block: ColumnBlock,
    row: TableRow,
    mapping: RowMapping,
    sign: int,
    anchored: bool,
) -> None:
    overrides = dict(mapping.overrides)
    # A price of one unit, named by the row or the heading over it ("Netback ($/boe)").
    unit_amount = _mentions(row.label, builder.unit_amounts) or any(
        prices_a_unit(text, builder.taxonomy) or per_quantity(text, builder.taxonomy)
        for text in (row.label, *row.sections[-1:])
    )
    volume = quantity_exponent(row.label, builder.taxonomy)
    for cell in row.cells:
        column = block.columns[cell.column]
        _note_column(builder, table, column)
        overridden = cell.column in overrides
        name = overrides.get(cell.column, mapping.concept)
        if name is None:
            if mapping.reason:  # the row names no concept, and the mapping says why
                builder.unmapped.append(_unmapped_cell(table, row, cell.number.text, mapping))
            continue
        signed = not overridden or _per_share_of_row(builder, name, mapping.concept)
        unnamed = row.inferred_label or not row.label.strip()
        unnamed_outlook = column.forecast is not None and unnamed
        if column.forecast is not None and not unnamed_outlook:
            name = _outlook(builder, name, cell.bound or column.bound)
        concept = builder.concepts[name]
        exponent = _exponent(concept, table.scale, row, column, cell.number, unit_amount, volume)
        if concept.type is ConceptType.PERCENT:
            exponent = cell.number.rate_exponent
        source = Source.model_construct(
            table=table.index,
            line=row.line,
            page=row.page,
            label=row.label,
            printed=cell.number.text,
            column=column.header,
            position=column.position,
            exponent=exponent,
        )
        if (
            column.change
            and cell.number.dash
            and not dash_is_nil_change(
                block, row, cell, relative=concept.type is ConceptType.PERCENT
            )
        ):
            # A dash where the row's change is printed is a nil change only where the
            # compared figures show one at the column's precision; else (from a loss,
            # across nil, too large to print) it says the change means nothing.
            builder.unmapped.append(
                _unmapped(source, _NO_MEANINGFUL_CHANGE).model_copy(update={"deliberate": True})
            )
            continue
        if unnamed_outlook:
            # A guess at the line item ("Total Less") would name a forecast of nothing.
            reason = (
                "an outlook figure on a row without a printed label: nothing names its line item"
            )
            builder.unmapped.append(_unmapped(source, reason))
            continue
        period = _period(column, concept, mapping.anchor, cell.period)
        if overridden and column.change and _of_a_balance(builder, mapping):
            period = _change_span(block, cell)
        if column.forecast is not None:
            instant = concept.period is PeriodType.INSTANT
            period = column.forecast.at_end() if instant else column.forecast
        unit = builder.unit(concept, column)
        if period is None or unit is None:
            reason = "column has no currency" if unit is None else "period does not fit the concept"
            if column.period is None and column.missing:
                reason = f"column {column.header!r} names no period: {column.missing}"
            if unit is not None and column.change and _of_a_balance(builder, mapping):
                reason = "a change of a balance between dates its columns do not single out"
            builder.unmapped.append(_unmapped(source, reason))
            continue
        factor = sign if signed else _change_sign(block, row, cell, sign)
        value = (cell.number.value * factor).scaleb(exponent)
        if not value:
            value = value.copy_abs()  # a dash negated is nil, not "-0"
        decimals = cell.number.fraction_digits - exponent
        fact = Fact.model_construct(
            id="",
            concept=concept.name,
            context=builder.context(
                period,
                _member(column, mapping),
                _member_setting(table, block, column, row, mapping),
            ).id,
            unit=unit.id,
            value=value,
            decimals=decimals,
            source=source,
            anchored=anchored and not overridden,
        )
        builder.add(fact, table, row)
