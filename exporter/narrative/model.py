"""What the narrative stage hands to the facts stage: figures read from the prose.

A `NarrativeFact` is one figure with its concept, period, currency, value and `decimals`
(from what is printed: "RMB4,482.3 million" is 4482300000 with decimals -5), and where it
was printed. Figures that cannot become facts are listed with the reason. Concepts the
stage derives from taxonomy concepts (stated changes, shares of a total, outlook ranges)
travel with it, as do footnotes that define what the prose names.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from exporter.models import Frozen
from exporter.periods import Period
from exporter.taxonomy import Concept


class FigureKind(StrEnum):
    """What a printed figure counts, from its own wording."""

    MONEY = "money"
    PER_SHARE = "per_share"
    PER_ADS = "per_ads"
    PERCENT = "percent"
    COUNT = "count"
    UNIT = "unit"


class Figure(Frozen):
    """A number as printed in prose, read: `value` in full units (a percentage as a ratio)."""

    text: str
    start: int
    end: int
    value: Decimal
    decimals: int
    kind: FigureKind
    currency: str | None = None
    unit: str | None = None
    # Nothing but digits: no currency, scale, percent sign or unit (a count, or not a figure).
    bare: bool = False
    # The power of ten its scale word states ("million": 6).
    scale: int = 0
    # Its currency sign is one several currencies share ("$"): the release's own currency
    # (`currency` holds the US dollar, the reading with no other evidence).
    shared_sign: bool = False


class Role(StrEnum):
    """What a figure says about its concept, from the words around it."""

    VALUE = "value"
    TRANSLATION = "translation"
    COMPARATIVE = "comparative"
    ALTERNATIVE = "alternative"
    CHANGE = "change"
    SHARE = "share"
    LOW = "low"
    HIGH = "high"
    BREAKDOWN = "breakdown"


class ProseSource(Frozen):
    """Where a figure was printed: line, section heading, the words that named it."""

    line: int
    page: int | None = None
    section: str
    label: str
    printed: str
    wording: str = ""
    position: int


class Comparison(Frozen):
    """For a stated change or share: the concept and periods it compares."""

    base: str
    period: Period
    other_concept: str
    other_period: Period


class NarrativeFact(Frozen):
    """One figure of the prose as a fact-to-be; the facts stage adds the unit and context."""

    concept: str
    period: Period
    value: Decimal
    decimals: int
    currency: str | None = None
    axis: str | None = None
    member: str | None = None
    role: Role
    source: ProseSource
    # Ids of the footnotes whose mark sits on the words that named this figure.
    footnotes: tuple[str, ...] = ()
    comparison: Comparison | None = None


class UnplacedFigure(Frozen):
    """A figure of the prose that is not a fact, and why."""

    line: int
    page: int | None = None
    section: str
    printed: str
    reason: str
    position: int = 0


class Footnote(Frozen):
    """A footnote the prose refers to by its mark, and the concepts the mark sits on."""

    id: str
    marker: str
    line: int
    text: str
    concepts: tuple[str, ...] = ()


class AdsRatio(Frozen):
    """Ordinary shares per ADS: stated ("each ADS represents two ...") or shown by a pair
    of figures ("US$0.35 per share, or US$0.70 per ADS")."""

    shares_per_ads: Decimal
    line: int
    text: str
    stated: bool


class Narrative(Frozen):
    """The narrative stage's result for one document."""

    facts: tuple[NarrativeFact, ...] = ()
    unplaced: tuple[UnplacedFigure, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    concepts: tuple[Concept, ...] = ()
    ads_ratio: AdsRatio | None = None
