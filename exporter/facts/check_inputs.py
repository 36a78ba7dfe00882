"""What the cross-check rules read (all facts, contexts, rates, the narrative) and return."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, PrivateAttr

from exporter.errors import Location
from exporter.facts.model import CalcArc, Context, Fact, ProseMerge
from exporter.findings import Finding, Severity
from exporter.metadata import ExchangeRate
from exporter.models import Frozen
from exporter.narrative.model import Narrative
from exporter.periods import Period
from exporter.taxonomy import Taxonomy

Interval = tuple[Decimal, Decimal]


class CheckInputs(BaseModel):
    """Everything the rules look at, gathered once after every fact is in."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    source: str
    facts: tuple[Fact, ...]
    contexts: dict[str, Context]
    rates: tuple[ExchangeRate, ...]
    taxonomy: Taxonomy
    narrative: Narrative | None
    merge: ProseMerge
    table_duplicates: int
    table_conflicts: int
    # The calculations the release's tables print (before any is withdrawn).
    arcs: tuple[CalcArc, ...] = ()

    _index: dict[tuple[str, str, str], Fact] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object, /) -> None:
        # A chosen concept answers for its general one (rules name the general concepts).
        for fact in self.facts:
            general = self.taxonomy.general(fact.concept)
            if general is not None:
                self._index.setdefault((general, fact.context, fact.unit), fact)
        self._index.update({(f.concept, f.context, f.unit): f for f in self.facts})

    def fact(self, concept: str, context: str, unit: str) -> Fact | None:
        """The fact of `concept` (or of the concept the release chose for it)."""
        return self._index.get((concept, context, unit))

    def context_of(self, period: Period) -> str | None:
        """The id of the plain (no member) context of `period`, if any fact uses one."""
        for context in self.contexts.values():
            if context.member is None and context.period == period:
                return context.id
        return None

    def finding(self, code: str, message: str, fact: Fact, numbers: dict[str, str]) -> Finding:
        return Finding(
            code=code,
            severity=Severity.WARNING,
            message=message,
            location=Location(
                file=self.source,
                table=fact.source.table or None,
                line=fact.source.line,
                row=fact.source.label,
            ),
            numbers=numbers,
        )


class RuleResult(Frozen):
    """What one rule found: comparisons made, failures, a note for the report."""

    checked: int
    findings: tuple[Finding, ...] = ()
    note: str = ""
    # Failures reported before the rule ran (when prose met the tables); else len(findings).
    failed: int | None = None


def half_unit(decimals: int | None) -> Decimal:
    """Half a unit of the last digit `decimals` allows (0 for exact values)."""
    return Decimal(0) if decimals is None else Decimal(5).scaleb(-decimals - 1)


def interval(fact: Fact) -> Interval:
    half = half_unit(fact.decimals)
    return fact.value - half, fact.value + half


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
