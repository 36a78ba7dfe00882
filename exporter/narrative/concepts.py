"""Which concept a figure is, among those its words name; and concepts derived from them.

A phrase may name several concepts ("dividend": per share and per ADS; "other services
fees" under two revenue groups): the figure's own kind (money, per ADS, percent, months),
the period the text gives it (instant or duration), `context` words and the concept's
`within` phrases (against the group the prose last spoke of) choose one. Figures that say
something *about* a concept get a concept derived from it in the issuer's namespace, named
the US-GAAP way: a stated change (`RevenuesPercentChangeFromPriorYear`), a share of the
total (`...PercentOfTotal`), an outlook (`ProfitLossOutlookLow`).
"""

from __future__ import annotations

from exporter.labels import contains_phrase, label_tokens
from exporter.models import Frozen
from exporter.narrative.model import Figure, FigureKind
from exporter.narrative.phrases import Entry
from exporter.periods import Period
from exporter.taxonomy import (
    Concept,
    ConceptType,
    PeriodType,
    Taxonomy,
    derived_concept,
    outlook_concept,
)

_PER_SHARE_LIMIT = 10_000


class Choice(Frozen):
    """The concept chosen for a figure and the period it takes, or why none fits."""

    concept: str | None = None
    period: Period | None = None
    reason: str = ""


def fits_kind(concept: Concept, entry: Entry, figure: Figure) -> bool:
    """Whether a figure of this kind can be a value of `concept`."""
    kind, per = figure.kind, entry.prose.figure if entry.prose else None
    if concept.unit is not None or kind is FigureKind.UNIT:
        return concept.unit == figure.unit and kind is FigureKind.UNIT
    if concept.type is ConceptType.MONETARY:
        return kind is FigureKind.MONEY
    if concept.type is ConceptType.PER_SHARE:
        if kind is FigureKind.MONEY:  # "a dividend of 9.0p": per share, unless it says ADS
            return abs(figure.value) < _PER_SHARE_LIMIT and per != "per_ads"
        wanted = {FigureKind.PER_SHARE: "per_share", FigureKind.PER_ADS: "per_ads"}.get(kind)
        return wanted is not None and per in (None, wanted)
    if concept.type is ConceptType.PERCENT:
        return kind is FigureKind.PERCENT
    if concept.type in (ConceptType.SHARES, ConceptType.DECIMAL, ConceptType.PURE):
        return kind is FigureKind.COUNT
    return False


def period_for(concept: Concept, period: Period) -> Period | None:
    """The period a concept takes from the text's period: an instant concept in a duration
    sits at its end; a duration concept cannot take an instant."""
    if concept.period is PeriodType.INSTANT:
        return period.at_end()
    return period if period.start is not None else None


class ConceptChooser:
    """Chooses among the concepts a phrase names (one per document)."""

    def __init__(self, taxonomy: Taxonomy, concepts: dict[str, Concept]) -> None:
        self.taxonomy = taxonomy
        self.concepts = concepts

    def choose(
        self, entries: tuple[Entry, ...], figure: Figure, period: Period, words: tuple[str, ...]
    ) -> Choice:
        """The concept among `entries` for `figure` in `period`; `words` are the sentence's,
        its section heading's and the group the prose last spoke of."""
        fitting = [e for e in entries if self._fits(e, figure, words)]
        per_share = self._per_share_of(entries, figure)
        if not fitting and per_share is not None:
            return Choice(concept=per_share, period=period_for(self.concepts[per_share], period))
        if not fitting:
            listed = ", ".join(sorted({e.concept for e in entries}))
            return Choice(
                reason=f"no concept of the phrase ({listed}) takes a {figure.kind} figure"
            )
        exact = [e for e in fitting if self._exact_period(e, period)]
        pool = exact or fitting
        names = sorted({e.concept for e in pool})
        if len(names) > 1:
            return Choice(reason=f"the phrase names several concepts: {', '.join(names)}")
        concept = self.concepts[names[0]]
        placed = period_for(concept, period)
        if placed is None:
            return Choice(
                reason=f"{concept.name} is a duration; the text gives the instant {period}"
            )
        return Choice(concept=concept.name, period=placed)

    def _per_share_of(self, entries: tuple[Entry, ...], figure: Figure) -> str | None:
        """The per-share concept of the amount the phrase names, for a per-share figure
        beside it ("or $1.22 per diluted share")."""
        if figure.kind is not FigureKind.PER_SHARE:
            return None
        named = {e.concept for e in entries}
        words = set(label_tokens(figure.text))
        for family in self.taxonomy.narrative.per_share_of:
            if named & set(family.amount):
                return family.named_by(words)
        return None

    def _fits(self, entry: Entry, figure: Figure, words: tuple[str, ...]) -> bool:
        concept = self.concepts[entry.concept]
        if not fits_kind(concept, entry, figure):
            return False
        context = entry.prose.context if entry.prose else ()
        if context and not any(contains_phrase(words, label_tokens(w)) for w in context):
            return False
        return not concept.within or any(
            contains_phrase(words, label_tokens(w)) for w in concept.within
        )

    def _exact_period(self, entry: Entry, period: Period) -> bool:
        instant = self.concepts[entry.concept].period is PeriodType.INSTANT
        return instant == (period.start is None)


class Derived:
    """Concepts derived from a base concept for what the prose says about it."""

    def __init__(self, concepts: dict[str, Concept]) -> None:
        self.concepts = concepts
        self.made: dict[str, Concept] = {}

    def _make(self, base: Concept, suffix: str, update: dict[str, object]) -> str:
        return self._keep(derived_concept(base, suffix, update))

    def _keep(self, concept: Concept) -> str:
        """The name of `concept`, made once; a taxonomy concept of that name wins."""
        name = concept.name
        if name in self.made:
            return name
        existing = self.concepts.get(name)
        if existing is not None and not existing.extension:
            return name
        self.made[name] = concept
        self.concepts[name] = concept
        return name

    def change(self, base: Concept, compared: str, range_end: str = "") -> str:
        """A stated percentage change of `base` against the prior year, quarter or period."""
        words = {"PriorYear": "prior year", "PriorQuarter": "prior quarter"}.get(
            compared, "prior period"
        )
        end = f", {range_end.lower()} end of range" if range_end else ""
        return self._make(
            base,
            f"PercentChangeFrom{compared}{range_end}",
            {
                "type": ConceptType.PERCENT,
                "balance": None,
                "unit": None,
                "label": f"{base.label}, % change from {words}{end}",
                "documentation": (
                    f"Change of {base.label!r} against the {words}, as the release states it."
                ),
            },
        )

    def share(self, base: Concept, total: str | None) -> str:
        """`base` as a percentage of the total it is part of."""
        of = f" of {self.concepts[total].label!r}" if total in self.concepts else " of its total"
        return self._make(
            base,
            "PercentOfTotal",
            {
                "type": ConceptType.PERCENT,
                "balance": None,
                "unit": None,
                "label": f"{base.label}, % of total",
                "documentation": f"{base.label!r} as a percentage{of}, as the release states it.",
            },
        )

    def outlook(self, base: Concept, range_end: str = "") -> str:
        """The release's outlook for `base`: a point, or the low or high end of a range
        (derived as the tables' outlook columns derive it: `outlook_concept`)."""
        return self._keep(outlook_concept(base, range_end))
