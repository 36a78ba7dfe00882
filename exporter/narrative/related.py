"""Figures that say something about a value stated before them.

Comparatives ("compared to RMB4,495.5 million in the same period of 2023"), changes ("an
increase of 0.4% from ..."), shares ("representing 53.2% of the total"), alternatives ("or
US$0.70 per ADS"), translations ("(US$614.1 million)") and ranges ("between RMB1.75 billion
and RMB1.85 billion"). A mixin of `reader.NarrativeReader`, which holds the state these use.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from exporter.labels import label_tokens
from exporter.narrative.calendar import (
    PeriodPhrase,
    PhraseKind,
    ReportCalendar,
    prior_quarter,
    resolve,
    shift_years,
)
from exporter.narrative.concepts import ConceptChooser, Derived, fits_kind, period_for
from exporter.narrative.model import (
    AdsRatio,
    Comparison,
    Figure,
    FigureKind,
    NarrativeFact,
    ProseSource,
    Role,
)
from exporter.narrative.phrases import Mention, TemplateMatch
from exporter.narrative.sentence import Cue, Sentence, first_word_after
from exporter.narrative.state import Anchor, Output, Spot, State, Subject
from exporter.periods import Period
from exporter.taxonomy import Concept

RELATIVE = (
    PhraseKind.PRIOR_YEAR,
    PhraseKind.PRIOR_QUARTER,
    PhraseKind.SAME_PERIOD_OF,
    PhraseKind.PRIOR_YEAR_END,
)
ALL_KINDS = (PhraseKind.ABSOLUTE, *RELATIVE)


# A year alone ("2023", "fiscal 2023"), as a comparative's period phrase may be printed.
_BARE_YEAR = re.compile(r"(?:in\s+)?(?:fiscal\s+)?(?:19|20)\d\d", re.IGNORECASE)
_YEAR_DAYS = 360


class RelatedFigures:
    """How figures related to a stated value become facts (see `reader`).

    The state and the helpers below are `NarrativeReader`'s; they are declared here so
    that what this mixin uses of its host is checked."""

    report: ReportCalendar
    concepts: dict[str, Concept]
    chooser: ConceptChooser
    derived: Derived
    loss: frozenset[str]
    outflow: frozenset[str]
    net_flows: frozenset[str]
    out: Output
    bases: dict[int, str]
    stated: dict[str, Anchor]

    def says_loss(self, words: set[str], concepts: set[str]) -> bool:
        """Words naming a loss, or a net flow's outflow ("net cash used in")."""
        outflow = bool(self.outflow & words) and bool(self.net_flows & concepts)
        return bool(self.loss & words) or outflow

    if TYPE_CHECKING:

        def _unplaced(self, spot: Spot, reason: str) -> None: ...

        def _subject(
            self, spot: Spot, template: TemplateMatch | None, mention: Mention | None, state: State
        ) -> Subject | None: ...

        def _sign(self, subject: Subject, concept: str) -> int: ...

        def _future(self, period: Period, spot: Spot) -> bool: ...

        def _value_period(
            self, spot: Spot, state: State, after_change: bool = False
        ) -> tuple[Period, str]: ...

        def _source(self, spot: Spot, label: str, wording: str) -> ProseSource: ...

        def _emit(
            self,
            spot: Spot,
            state: State,
            subject: Subject,
            concept: str,
            period: Period,
            role: Role,
            sign: int,
            wording: str,
            member: tuple[str, str] | None = None,
            comparison: Comparison | None = None,
        ) -> NarrativeFact: ...

    def _comparative(self, spot: Spot, cue: Cue, state: State) -> NarrativeFact | None:
        anchor = state.anchor
        mention = cue.mention
        names = {e.concept for e in mention.entries} if mention else set()
        if mention and names and (anchor is None or anchor.base not in names):
            anchor = next((self.stated[n] for n in sorted(names) if n in self.stated), None)
            if anchor is None:
                self._unplaced(spot, f"compares with another figure ({mention.text!r})")
                return None
        if anchor is None:
            self._unplaced(spot, "a comparative with no value stated before it")
            return None
        phrase = self._comparative_phrase(spot)
        if cue.labelled:
            inside = spot.sentence.phrase_before(spot.index, ALL_KINDS)
            phrase = inside or _a_year_earlier(spot)
        elif cue.bracketed and (phrase is None or phrase.start < spot.figure.start):
            phrase = _a_year_earlier(spot)
        elif phrase is None:
            phrase = spot.sentence.earlier_comparison(spot.index)
        period = resolve(phrase, anchor.period, self.report) if phrase else None
        if phrase is not None and period is not None:
            period = self._same_part_of_year(phrase, period, anchor.period)
        base = self.concepts[anchor.base]
        if phrase is None or period is None:
            self._unplaced(spot, "a comparative whose period the text does not give")
            return None
        placed = period_for(base, period)
        entries = anchor.subject.entries
        entry = next((e for e in entries if e.concept == base.name), entries[0])
        if placed is None or not fits_kind(base, entry, spot.figure):
            self._unplaced(spot, f"a comparative that does not fit {base.name}")
            return None
        sign = anchor.sign
        if cue.mention is not None:
            text, mention = spot.sentence.text, cue.mention
            said = {*label_tokens(mention.text), *first_word_after(text, mention.end, spot.figure)}
            sign = -1 if self.says_loss(said, {e.concept for e in mention.entries}) else 1
            sign = sign if self.loss & set(label_tokens(base.label)) == set() else 1
        fact = self._emit(
            spot, state, anchor.subject, base.name, placed, Role.COMPARATIVE, sign, phrase.text
        )
        if state.change is not None and state.anchor is not None:
            self._emit_change(spot, state, placed)
        return fact

    def _same_part_of_year(self, phrase: PeriodPhrase, period: Period, anchor: Period) -> Period:
        """A comparative dated by a bare year ("$18.4 million, or $10.42 per share, in 2023")
        after a figure for part of a year (nine months) is that part of the year named."""
        bare = _BARE_YEAR.fullmatch(phrase.text.strip())
        whole = period.start is not None and (period.end - period.start).days >= _YEAR_DAYS
        part = anchor.start is not None and (anchor.end - anchor.start).days < _YEAR_DAYS
        if not (bare and whole and part):
            return period
        years = self.report.fiscal_label(period.end) - self.report.fiscal_label(anchor.end)
        if years == 0:
            return period  # "R$3.5 billion in 4Q25 ... and R$13.2 billion in 2025": the year
        return self.report.as_printed(shift_years(anchor, years))

    def _comparative_phrase(self, spot: Spot) -> PeriodPhrase | None:
        """The period phrase after a comparative, past "or $0.05 per share" alternatives."""
        sentence = spot.sentence
        for index in range(spot.index, len(sentence.figures)):
            phrase = sentence.phrase_after(index, absolute_only=False)
            if phrase is not None:
                return phrase
            following = index + 1
            if following >= len(sentence.figures):
                break
            start, end = sentence.gap(following)
            if sentence.text[start:end].strip(" ,").lower() != "or":
                break
        return sentence.phrase_before(spot.index, ALL_KINDS)

    def _flush_change(self, spot: Spot, state: State) -> None:
        assert state.change is not None
        index = state.change[0]
        sentence, anchor = spot.sentence, state.anchor
        phrase = sentence.phrase_after(index, absolute_only=False)
        if phrase is None or phrase.kind not in RELATIVE:
            phrase = sentence.compared_phrase(index) or sentence.phrase_before(index, RELATIVE)
        period = resolve(phrase, anchor.period, self.report) if phrase and anchor else None
        if phrase is None and anchor is not None and self._dated_subject(sentence, anchor, index):
            # "Fourth quarter net sales rose 6.2%", "Full-year revenue increased 14.2%": a
            # change of a period its subject names, compared with no other, is against the
            # same period a year earlier.
            period = self.report.as_printed(shift_years(anchor.period, -1))
        change_spot = Spot(spot.passage, sentence, index, spot.words, None, False)
        if period is None:
            state.change = None
            self._unplaced(change_spot, "a change without the period it compares with")
            return
        self._emit_change(change_spot, state, period)

    @staticmethod
    def _dated_subject(sentence: Sentence, anchor: Anchor, index: int) -> bool:
        """The words naming the changed value's subject date it with the value's period."""
        subject, figure = anchor.subject, sentence.figures[index]
        phrase = sentence.subject_phrase(subject.start, subject.end, figure.start)
        return phrase is not None and phrase.period == anchor.period

    def _emit_change(
        self, spot: Spot, state: State, other: Period, end: str = ""
    ) -> NarrativeFact | None:
        assert state.change is not None and state.anchor is not None
        index, _, sign = state.change
        state.change = None
        anchor = state.anchor
        change_spot = Spot(spot.passage, spot.sentence, index, spot.words, None, False)
        base = self.concepts[anchor.concept]
        concept = self.derived.change(base, _compared(anchor.period, other), end)
        comparison = Comparison(
            base=anchor.base, period=anchor.period, other_concept=anchor.base, other_period=other
        )
        return self._emit(
            change_spot,
            state,
            anchor.subject,
            concept,
            anchor.period,
            Role.CHANGE,
            sign or 1,
            "",
            None,
            comparison,
        )

    def _share(
        self, spot: Spot, anchor: Anchor, state: State, wording: str = ""
    ) -> NarrativeFact | None:
        base = self.concepts[anchor.base]
        prose = next((e.prose for e in anchor.subject.entries if e.concept == base.name), None)
        total = prose.part_of if prose else None
        concept = self.derived.share(base, total)
        comparison = None
        if total is not None:
            other = period_for(self.concepts[total], anchor.period) or anchor.period
            comparison = Comparison(
                base=base.name, period=anchor.period, other_concept=total, other_period=other
            )
        return self._emit(
            spot,
            state,
            anchor.subject,
            concept,
            anchor.period,
            Role.SHARE,
            1,
            wording,
            None,
            comparison,
        )

    def _alternative(self, spot: Spot, state: State) -> NarrativeFact | None:
        anchor = state.anchor
        assert anchor is not None
        period, sign = anchor.period, anchor.sign
        if state.previous is Role.COMPARATIVE:
            if state.last_period is None:
                self._unplaced(spot, "the alternative of a comparative the text gives no period")
                return None
            period = state.last_period  # "compared to $3.4 million, or $(0.14) per share"
            # "net income was $17.5 million ..., compared to a net loss of $19.4 million, or
            # $0.31 per share": the comparative's sign, a loss where the value was income.
            if state.last is not None and state.last.value:
                sign = -1 if state.last.value < 0 else 1
        choice = self.chooser.choose(anchor.subject.entries, spot.figure, period, spot.words)
        if choice.concept is None or choice.period is None:
            self._unplaced(spot, choice.reason)
            return None
        self._ads_ratio(spot, state.last_figure)
        return self._emit(
            spot,
            state,
            anchor.subject,
            choice.concept,
            choice.period,
            Role.ALTERNATIVE,
            sign,
            "",
        )

    def _ads_ratio(self, spot: Spot, previous: Figure | None) -> None:
        """A per-share figure and a per-ADS one for the same amount show the ADS ratio."""
        figure = spot.figure
        if self.out.ads_ratio is not None or previous is None or not previous.value:
            return
        kinds = {previous.kind, figure.kind}
        if (
            kinds != {FigureKind.PER_SHARE, FigureKind.PER_ADS}
            or previous.currency != figure.currency
        ):
            return
        ads, share = (figure, previous) if figure.kind is FigureKind.PER_ADS else (previous, figure)
        ratio = ads.value / share.value
        if ratio > 0 and ratio == ratio.to_integral_value():
            start, end = min(previous.start, figure.start), max(previous.end, figure.end)
            self.out.ads_ratio = AdsRatio(
                shares_per_ads=ratio,
                line=spot.passage.line_at(spot.sentence.start + figure.start),
                text=spot.sentence.text[start:end],
                stated=False,
            )

    def _translation(self, spot: Spot, state: State) -> NarrativeFact | None:
        last = state.last
        if last is None:
            self._unplaced(spot, "a translation of a figure that is not a fact")
            return None
        fact = last.model_copy(
            update={
                "value": spot.figure.value * (-1 if last.value < 0 else 1),
                "decimals": spot.figure.decimals,
                "currency": spot.figure.currency,
                "role": Role.TRANSLATION,
                "source": self._source(spot, last.source.label, last.source.wording),
            }
        )
        self.out.facts.append(fact)
        self.out.subject_of.append(self.out.subject_of[-1])
        return fact

    def _range(self, spot: Spot, cue: Cue, state: State) -> NarrativeFact | None:
        end = "Low" if cue.role is Role.LOW else "High"
        if cue.role is Role.LOW:
            state.range_change = bool(cue.change_sign and cue.mention is None and state.anchor)
        if state.range_change:
            return self._range_change(spot, state, end)
        mention = cue.mention if cue.role is Role.LOW else None
        subject = self._subject(spot, None, mention, state) if mention else None
        subject = subject or (state.anchor.subject if state.anchor else None)
        if subject is None:
            self._unplaced(spot, "a range no phrase names")
            return None
        period, wording = self._value_period(spot, state)
        figure = _scaled_like_high(spot) if cue.role is Role.LOW else spot.figure
        choice = self.chooser.choose(subject.entries, figure, period, spot.words)
        if choice.concept is None or choice.period is None:
            self._unplaced(spot, choice.reason)
            return None
        base = self.concepts[choice.concept]
        self.bases[subject.key] = base.name
        if not self._future(choice.period, spot):
            self._unplaced(spot, f"a range for {choice.period}, which is not a forecast")
            return None
        concept = self.derived.outlook(base, end)
        sign = self._sign(subject, choice.concept)
        if cue.role is Role.LOW:
            point = self.derived.outlook(base)
            state.anchor = Anchor(
                concept=point, base=base.name, period=choice.period, subject=subject, sign=sign
            )
            state.period = (choice.period, wording)
        fact = self._emit(spot, state, subject, concept, choice.period, cue.role, sign, wording)
        if figure is not spot.figure:
            fact = fact.model_copy(
                update={"value": figure.value * sign, "decimals": figure.decimals}
            )
            self.out.facts[-1] = state.last = fact
        return fact

    def _range_change(self, spot: Spot, state: State, end: str) -> NarrativeFact | None:
        """ "representing a year-on-year growth between 49% and 58%"."""
        anchor = state.anchor
        assert anchor is not None
        last = state.last
        if end == "High" and last is not None and last.comparison is not None:
            other: Period | None = last.comparison.other_period
        else:
            phrase = spot.sentence.phrase_before(spot.index, RELATIVE)
            other = resolve(phrase, anchor.period, self.report) if phrase else None
        if other is None:
            self._unplaced(spot, "a range of changes without the period it compares with")
            return None
        state.change = (spot.index, spot.figure, 1)
        return self._emit_change(spot, state, other, end)


def _a_year_earlier(spot: Spot) -> PeriodPhrase:
    """The period of a bracketed comparative: the value's own, a year earlier (the
    convention of releases that print "NOK 310 million (270)")."""
    figure = spot.figure
    return PeriodPhrase(
        start=figure.start, end=figure.end, text="(a year earlier)", kind=PhraseKind.PRIOR_YEAR
    )


def _scaled_like_high(spot: Spot) -> Figure:
    """ "$8.70 to $8.72 billion": the low end takes the scale printed after the high end."""
    figure, figures = spot.figure, spot.sentence.figures
    following = figures[spot.index + 1] if spot.index + 1 < len(figures) else None
    if following is None or figure.scale or not following.scale:
        return figure
    return figure.model_copy(
        update={
            "value": figure.value.scaleb(following.scale),
            "decimals": figure.decimals - following.scale,
            "scale": following.scale,
            "bare": False,
        }
    )


def _compared(period: Period, other: Period) -> str:
    """Which earlier period a change compares with; a 52/53-week year moves the tables'
    dates by days (a week at most), which does not make it another period."""
    if _near(other, shift_years(period, -1)):
        return "PriorYear"
    earlier = prior_quarter(period)
    if earlier is not None and _near(other, earlier):
        return "PriorQuarter"
    return "PriorPeriod"


def _near(period: Period, other: Period) -> bool:
    week = timedelta(days=7)
    if (period.start is None) != (other.start is None):
        return False
    starts = period.start is None or other.start is None or abs(period.start - other.start) <= week
    return starts and abs(period.end - other.end) <= week
