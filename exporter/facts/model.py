"""The facts a release states, in XBRL terms: entity, contexts, units, facts, calculations."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from exporter.findings import Finding
from exporter.models import Frozen
from exporter.periods import Period
from exporter.taxonomy import Concept, Taxonomy

# A fact two table rows state with values that disagree (the cross-checks count them).
INCONSISTENT_DUPLICATE = "fact.inconsistent-duplicate"


class CheckCode(StrEnum):
    """The cross-checks (`checks.RULES`), by the code their findings carry."""

    TRANSLATION = "check.translation"
    TEXT_VS_TABLE = "check.text-vs-table"
    DUPLICATES = "check.duplicates"
    MARGIN = "check.margin"
    PER_ADS = "check.per-ads"
    NON_GAAP = "check.non-gaap"
    CROSS_STATEMENT = "check.cross-statement"
    STATED_CHANGE = "check.stated-change"
    SHARE_OF_TOTAL = "check.share-of-total"
    BREAKDOWN = "check.breakdown"
    EXPENSE_SIGN = "check.expense-sign"
    PER_SHARE_SIZE = "check.per-share-size"
    ONE_UNIT = "check.one-unit"


class Entity(Frozen):
    """The reporting entity's identifier (scheme URI and identifier) and name."""

    scheme: str
    identifier: str
    name: str | None = None


class Member(Frozen):
    """An axis member for columns that split a period's figures ("International")."""

    axis: str
    name: str
    label: str


class Context(Frozen):
    """A period, and for split columns the axis member the facts belong to."""

    id: str
    period: Period
    member: Member | None = None


class Unit(Frozen):
    """A unit as QNames (prefix:local): a plain measure, or numerator over denominator."""

    id: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...] = ()


class SourceKind(StrEnum):
    """Where in the release a number was printed: a table cell or running text."""

    TABLE = "table"
    PARAGRAPH = "paragraph"


class Source(Frozen):
    """Where a fact was printed.

    A table cell: its table, row label and column header. A paragraph (`kind`
    PARAGRAPH, `table` 0): the words that named the figure (`label`), the section heading
    above it, the words that gave its period (`wording`) and its offset (`position`).
    """

    table: int
    line: int
    page: int | None = None
    label: str
    printed: str
    column: str
    position: int
    kind: SourceKind = SourceKind.TABLE
    section: str = ""
    wording: str = ""
    # The power of ten the facts stage applied to this print's digits (thousands: 3, a
    # percentage: -2): every format reads the cell exactly as the facts stage did.
    exponent: int | None = None


class Fact(Frozen):
    """A numeric fact; `decimals` None means INF (exact)."""

    id: str
    concept: str
    context: str
    unit: str
    value: Decimal
    decimals: int | None
    source: Source
    duplicates: tuple[Source, ...] = ()
    # The sign was fixed by a calculation the release prints (not just copied from the print).
    anchored: bool = False


class CalcArc(Frozen):
    """One calculation arc of this document's calculation linkbase."""

    role: str
    total: str
    item: str
    weight: int
    order: int


class UnmappedNumber(Frozen):
    """A number that is in the input but not a fact, and why."""

    text: str
    table: int
    line: int
    page: int | None = None
    label: str
    reason: str
    # A number left out on purpose (a ratio of other facts, a column of changes the
    # release derives), as opposed to one the exporter did not understand.
    deliberate: bool = False


class CheckStatus(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_APPLICABLE = "not applicable"


class CheckOutcome(Frozen):
    """One cross-check over the facts: what it compared, how many, how many disagreed."""

    id: str
    title: str
    status: CheckStatus
    checked: int
    failed: int
    note: str = ""


class ProseStatus(StrEnum):
    FACT = "fact"
    DUPLICATE = "duplicate"
    NOT_A_FACT = "not a fact"


class ProseRecord(Frozen):
    """What became of one figure of the prose: a fact, a duplicate of one, or why not.

    `value` and `decimals` are the prose's own reading; `fact` is the id of the fact it
    became or restates (a table fact keeps its own, more precise value).
    """

    line: int
    page: int | None = None
    section: str
    printed: str
    label: str
    role: str
    status: ProseStatus
    # Where in its paragraph the figure stands (orders figures of one line).
    position: int = 0
    fact: str | None = None
    concept: str | None = None
    context: str | None = None
    unit: str | None = None
    value: Decimal | None = None
    decimals: int | None = None
    reason: str = ""


class FactFootnote(Frozen):
    """A footnote of the release linked to the facts whose words it explains."""

    id: str
    marker: str
    line: int
    text: str
    facts: tuple[str, ...]


class CoverFact(Frozen):
    """A cover fact (dei name): what document this is, whose, for which period. Its
    value is text in the lexical form of the concept's item type (`2024-12-31`, `false`)."""

    id: str
    concept: str
    context: str
    value: str


class FactSet(Frozen):
    """Everything the render stage needs, and what did not make it."""

    entity: Entity
    contexts: tuple[Context, ...]
    units: tuple[Unit, ...]
    facts: tuple[Fact, ...]
    calculations: tuple[CalcArc, ...]
    presentation: tuple[tuple[str, tuple[str, ...]], ...]
    unmapped: tuple[UnmappedNumber, ...]
    findings: tuple[Finding, ...]
    duplicate_count: int
    extensions: tuple[Concept, ...] = ()
    members: tuple[Member, ...] = ()
    extension_prefix: str = "ext"
    extension_namespace: str = ""
    # Cross-checks (exporter/facts/checks.py), prose figures and footnotes.
    checks: tuple[CheckOutcome, ...] = ()
    prose: tuple[ProseRecord, ...] = ()
    footnotes: tuple[FactFootnote, ...] = ()
    cover: tuple[CoverFact, ...] = ()


class Restatement(Frozen):
    """A prose figure met a fact already there: whose, and whether they agree."""

    table: bool
    agreed: bool


class ProseMerge(Frozen):
    """What merging the narrative did: records, restatements, kept fact ids, footnotes."""

    records: tuple[ProseRecord, ...] = ()
    restatements: tuple[Restatement, ...] = ()
    # For each narrative fact (by index): the id of the fact it is or duplicates, or None.
    kept: tuple[str | None, ...] = ()
    footnotes: tuple[FactFootnote, ...] = ()
    axes: tuple[str, ...] = ()


class BuiltFacts(Frozen):
    """The facts stage between its steps: the facts, contexts, units, members and printed
    calculations found so far, in the order they were met, with what the later steps read
    (the concepts, including extensions; how the prose merged). `fact_set` is the
    `FactSet` they make."""

    taxonomy: Taxonomy
    source: str
    entity: Entity
    extension_prefix: str
    extension_namespace: str
    concepts: tuple[Concept, ...] = ()
    chosen: dict[str, str] = Field(default_factory=dict)
    contexts: tuple[Context, ...] = ()
    units: tuple[Unit, ...] = ()
    members: tuple[Member, ...] = ()
    facts: tuple[Fact, ...] = ()
    arcs: tuple[CalcArc, ...] = ()
    presentation: tuple[tuple[str, tuple[str, ...]], ...] = ()
    unmapped: tuple[UnmappedNumber, ...] = ()
    findings: tuple[Finding, ...] = ()
    duplicates: int = 0
    merge: ProseMerge = ProseMerge()

    def fact_set(self) -> FactSet:
        """The facts in the order the outputs write them; the presentation and extensions
        without concepts no fact uses."""
        concepts = {c.name: c for c in self.concepts}
        used = {f.concept for f in self.facts}
        ordered = sorted(self.arcs, key=lambda a: (a.role, a.total, a.order, a.item))
        return FactSet(
            entity=self.entity,
            contexts=tuple(sorted(self.contexts, key=lambda c: c.id)),
            units=tuple(sorted(self.units, key=lambda u: u.id)),
            facts=self.facts,
            calculations=tuple(ordered),
            presentation=tuple(
                (role, tuple(n for n in names if n in used or not concepts[n].extension))
                for role, names in self.presentation
            ),
            unmapped=self.unmapped,
            findings=self.findings,
            duplicate_count=self.duplicates,
            extensions=tuple(c for c in self.concepts if c.extension and c.name in used),
            members=tuple(sorted(self.members, key=lambda m: m.name)),
            extension_prefix=self.extension_prefix,
            extension_namespace=self.extension_namespace,
            prose=self.merge.records,
            footnotes=self.merge.footnotes,
        )
