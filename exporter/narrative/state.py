"""What the narrative reader keeps while it reads: subjects, anchors, sentence state, output."""

from __future__ import annotations

from dataclasses import dataclass, field

from exporter.narrative.model import AdsRatio, Figure, NarrativeFact, Role, UnplacedFigure
from exporter.narrative.passages import Passage
from exporter.narrative.phrases import Entry, Mention
from exporter.narrative.sentence import Sentence
from exporter.periods import Period


@dataclass
class Subject:
    """The words that named the figures of a clause: a mention or a template."""

    entries: tuple[Entry, ...]
    label: str
    start: int
    end: int
    key: int
    loss: bool = False
    # Named by a wording with the figure inside ("repurchased ... at a cost of {value}"),
    # not by the line item's own name.
    templated: bool = False


@dataclass
class Anchor:
    """The value a clause stated, which comparatives, changes and shares refer to."""

    concept: str
    base: str
    period: Period
    subject: Subject
    sign: int


@dataclass
class State:
    """What one sentence has said so far."""

    anchor: Anchor | None = None
    previous: Role | None = None
    last: NarrativeFact | None = None
    # The period of the last fact stated: an alternative ("or $0.05 per share") after a
    # comparative is the comparative's.
    last_period: Period | None = None
    last_figure: Figure | None = None
    period: tuple[Period, str] | None = None
    change: tuple[int, Figure, int] | None = None
    early: Mention | None = None
    range_change: bool = False
    subjects: list[Subject] = field(default_factory=list)


@dataclass
class Output:
    """Everything read so far in the document."""

    facts: list[NarrativeFact] = field(default_factory=list)
    subject_of: list[int] = field(default_factory=list)
    unplaced: list[UnplacedFigure] = field(default_factory=list)
    ads_ratio: AdsRatio | None = None


@dataclass
class Spot:
    """One figure in its sentence, with what the sentence and its section give it."""

    passage: Passage
    sentence: Sentence
    index: int
    words: tuple[str, ...]
    default: tuple[Period, str] | None
    outlook: bool

    @property
    def figure(self) -> Figure:
        return self.sentence.figures[self.index]
