"""Stage 3b, narrative: the figures of a release's prose become facts-to-be.

Passage by passage, sentence by sentence: each figure's role (value, translation,
comparative, change, share, range, alternative, breakdown) comes from the words around it
(`sentence`), its concept from the phrase or template that names it (`concepts`), its
period from the phrase after or before it, else the sentence's earlier value, the section
heading or the report's own period (`calendar`). Comparatives take their period relative
to the value they compare with ("in the prior quarter"). Footnotes the prose marks are
kept with the figures whose words carry the mark.
"""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

from exporter.labels import label_tokens
from exporter.narrative.calendar import (
    PhraseKind,
    ReportCalendar,
    find_phrases,
)
from exporter.narrative.concepts import ConceptChooser, Derived
from exporter.narrative.figures import figure_reader
from exporter.narrative.model import (
    Comparison,
    FigureKind,
    NarrativeFact,
    ProseSource,
    Role,
    UnplacedFigure,
)
from exporter.narrative.passages import Mark, Passage
from exporter.narrative.phrases import Entry, Mention, TemplateMatch, phrase_index
from exporter.narrative.related import RelatedFigures
from exporter.narrative.sentence import (
    Cue,
    Cues,
    DefinedTerm,
    Sentence,
    first_word_after,
    labels_a_bracket,
    read_sentence,
)
from exporter.narrative.state import Anchor, Output, Spot, State, Subject
from exporter.periods import Period, months_back
from exporter.taxonomy import Balance, Concept, Taxonomy

_FAR = timedelta(days=800)
# How many words before a figure its verb can stand ("was 83%", "amounted to RMB410 million").
_PAST_REACH = 3
_NAME_WORD = re.compile(r"[A-Za-z][\w&'\u2019-]*")


class NarrativeReader(RelatedFigures):
    """Reads the figures of one document's prose (holds its calendar and concepts)."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        report: ReportCalendar,
        rates: tuple[str, ...] = (),
        currency: str | None = None,
        issuer: str | None = None,
        decimal_comma: bool = False,
    ) -> None:
        self.report = report
        # The release prints its numbers with a decimal comma ("EUR 148,6 million").
        self.decimal_comma = decimal_comma
        # The words of the issuer's name: "Acme revenue" is the whole, not a part.
        self.issuer = frozenset(w.lower() for w in _NAME_WORD.findall(issuer or ""))
        self.rates = rates
        # The release's currency: a money figure that names none ("52.62 cents") is in it.
        self.currency = currency
        self.figures = figure_reader(taxonomy)
        self.index = phrase_index(taxonomy)
        self.concepts: dict[str, Concept] = dict(taxonomy.concepts)
        self.chooser = ConceptChooser(taxonomy, self.concepts)
        self.derived = Derived(self.concepts)
        self.cues = Cues(taxonomy.narrative.words, self.index.heads)
        spoken = taxonomy.narrative.words
        self.loss = frozenset(t for w in spoken.loss_words for t in label_tokens(w))
        self.outflow = frozenset(t for w in spoken.outflow_words for t in label_tokens(w))
        # The words naming each direction of a line item ("expense", "benefit"): a subject
        # whose head word names the direction opposite to its concept's balance is negative.
        self.directions = {
            balance: frozenset(t for w in taxonomy.row_kinds.get(kind, ()) for t in label_tokens(w))
            for balance, kind in (
                (Balance.DEBIT, "debit_directions"),
                (Balance.CREDIT, "credit_directions"),
            )
        }
        self.net_flows = frozenset(spoken.net_flows)
        self.stops = spoken.stops
        self.margin_words = frozenset(t for w in spoken.margin_words for t in label_tokens(w))
        # The margin of each measure: its ratio to revenue ("Ebit": "EbitMargin").
        self.margins = {
            r.numerator: r.concept
            for r in taxonomy.narrative.ratios
            if r.denominator == spoken.margin_denominator
        }
        self.outlook = frozenset(t for w in spoken.outlook_words for t in label_tokens(w))
        self.past = frozenset(t for w in spoken.past_words for t in label_tokens(w))
        pairing = "|".join(map(re.escape, spoken.respective))
        # "... $2.1 million and $1.5 million, respectively": the list's figures pair with
        # the sentence's periods in order (a pattern that never matches when none are known).
        self.respective = re.compile(rf"\s*,?\s*(?:{pairing})\b" if pairing else r"(?!)", re.I)
        self.totals = frozenset(r.total for _, n in taxonomy.networks() for r in n.relations)
        self.out = Output()
        self.group: tuple[str, ...] = ()
        self.section = ""
        # The heading over the release's first passage: its title.
        self.title: str | None = None
        # The period the current section's text last dated a value with in words.
        self.said: Period | None = None
        self.keys = 0
        # The taxonomy concept each subject's value was (footnotes define these).
        self.bases: dict[int, str] = {}
        # The values the current passage stated, by concept (for "These results compare to").
        self.stated: dict[str, Anchor] = {}
        self.templates_only = False
        # Concepts the release's footnotes define their marked terms as, by mark.
        self.definitions: dict[str, tuple[Entry, ...]] = {}

    def define(self, passages: tuple[Passage, ...]) -> None:
        """Learn the terms the footnotes define before reading the prose that marks them
        (footnotes follow the text they annotate)."""
        for passage in passages:
            if passage.footnote is not None:
                entries = self.index.defined(passage.text)
                if entries:
                    self.definitions.setdefault(passage.footnote, entries)

    # -- passages and sentences ------------------------------------------------------

    def passage(
        self, passage: Passage, default: Period | None = None, templates_only: bool = False
    ) -> list[tuple[int, Mark]]:
        """Read a passage; returns its footnote marks with the subject key each sits on."""
        if self.title is None:
            self.title = passage.section
        if passage.section != self.section:
            self.section, self.group, self.said = passage.section, (), None
        self.templates_only, self.stated = templates_only, {}
        marks: list[tuple[int, Mark]] = []
        for start, end in passage.sentences(self.stops):
            text = passage.text[start:end]
            found = self.figures.figures(text, self.currency, self.decimal_comma)
            if not found:
                continue  # no figure: no fact, and no subject for a footnote mark to sit on
            defined = tuple(
                DefinedTerm(offset=m.offset - start, entries=self.definitions[m.label])
                for m in passage.marks
                if start <= m.offset <= end and m.label in self.definitions
            )
            sentence = read_sentence(
                text,
                start,
                self.figures,
                self.index,
                self.report,
                found=found,
                defined=defined,
                issuer=self.issuer,
            )
            state = State()
            fallback = (default, "") if default else self._heading_period(passage.section, sentence)
            self._sentence(passage, sentence, state, fallback)
            for mark in passage.marks:
                if start <= mark.offset <= end:
                    key = _subject_at(state.subjects, mark.offset - start)
                    if key is not None:
                        marks.append((key, mark))
        return marks

    def _heading_period(self, heading: str, sentence: Sentence) -> tuple[Period, str] | None:
        """The period a section's heading dates the figures under it with: the one it
        names, or, where it names several ("Fourth quarter and full year 2025 results"),
        the one of them the section's text last dated a figure with ("Full year revenue of
        $1,538.4m" before "Operating profit of $253.0m"), else the first.

        The release's title says what the release reports, whose period its tables and
        dateline give: a year the title names that had not ended when the release was
        published dates only what the title or the sentence calls an outlook. Under
        "Strong start to fiscal year 2026", "EBIT rose to EUR 14.9 million" reports the
        quarter, not the year begun. A section of its own ("Fiscal 2026") is about the
        year it names."""
        speaks_of_outlook = bool(self.outlook & {*sentence.tokens, *label_tokens(heading)})
        begun = heading == self.title and not speaks_of_outlook
        periods = [
            p.period
            for p in find_phrases(heading, self.report)
            if p.kind is PhraseKind.ABSOLUTE
            and p.period is not None
            and not (begun and self.report.is_forecast(p.period))
        ]
        if not periods:
            return None
        return (self.said if self.said in periods else periods[0]), heading

    def _sentence(
        self,
        passage: Passage,
        sentence: Sentence,
        state: State,
        default: tuple[Period, str] | None,
    ) -> None:
        words = sentence.tokens + label_tokens(passage.section) + self.group
        outlook = bool(self.outlook & set(sentence.tokens))
        for index, figure in enumerate(sentence.figures):
            spot = Spot(passage, sentence, index, words, default, outlook)
            if self._exchange_rate(spot):
                continue
            cue = self.cues.cue(sentence, index, state.previous)
            if state.change and cue.role is not Role.COMPARATIVE and not cue.after_change:
                self._flush_change(spot, state)
            placed = self._figure(spot, cue, state)
            if placed is None and cue.role is Role.VALUE:
                state.anchor = None
            if placed is None and cue.role is Role.COMPARATIVE:
                state.last_period = None  # its "or $0.31 per diluted share" has no period
            state.previous, state.last_figure = cue.role, figure
        if state.change:
            spot = Spot(passage, sentence, state.change[0], words, default, outlook)
            self._flush_change(spot, state)

    def _exchange_rate(self, spot: Spot) -> bool:
        figure, text = spot.figure, spot.sentence.text
        for rate in self.rates:
            at = text.find(rate)
            if 0 <= at <= figure.start and figure.end <= at + len(rate):
                self._unplaced(spot, "the stated exchange rate (check.translation uses it)")
                return True
        return False

    # -- one figure ---------------------------------------------------------------------

    def _figure(self, spot: Spot, cue: Cue, state: State) -> NarrativeFact | None:
        role = cue.role
        if role is Role.VALUE:
            return self._value(spot, cue, state)
        if role is Role.TRANSLATION:
            return self._translation(spot, state)
        if role in (Role.LOW, Role.HIGH):
            return self._range(spot, cue, state)
        if role is Role.CHANGE:
            early = cue.mention or state.early  # "grew $52.7 million, or 1.3%": the first's
            state.early = early if state.anchor is None else None
            if cue.amount:
                self._unplaced(spot, "a change stated as an amount, not the line item's level")
                return None
            state.change = (spot.index, spot.figure, cue.change_sign)
            return None
        if role is Role.COMPARATIVE:
            return self._comparative(spot, cue, state)
        if state.anchor is None:
            self._unplaced(spot, f"a {role} with no value stated before it")
            return None
        if role is Role.SHARE:
            return self._share(spot, state.anchor, state)
        return self._alternative(spot, state)

    def _value(self, spot: Spot, cue: Cue, state: State) -> NarrativeFact | None:
        template = spot.sentence.templates.get(spot.index)
        if self.templates_only and template is None:
            self._unplaced(spot, "a figure in a footnote no template names")
            return None
        mention = state.early if cue.after_change else cue.mention
        subject = (
            self._subject(spot, template, mention, state)
            or self._margin(spot, state)
            or self._listed_subject(spot, state)
        )
        if subject is None:
            self._unplaced(spot, cue.reason or "no phrase of the taxonomy names this figure")
            return None
        period, wording = self._value_period(spot, state, cue.after_change)
        if template is not None and template.slot == "share":
            base = subject.entries[0].concept
            anchor = Anchor(concept=base, base=base, period=period, subject=subject, sign=1)
            return self._share(spot, anchor, state, wording)
        choice = self.chooser.choose(subject.entries, spot.figure, period, spot.words)
        if choice.concept is None or choice.period is None:
            self._unplaced(spot, choice.reason)
            return None
        forecast = self.report.is_forecast(choice.period)
        if forecast and not spot.outlook and self._stated_as_past(spot):
            self._unplaced(spot, f"stated as past for {choice.period}, which had not ended")
            return None
        outlook = self._future(choice.period, spot)
        if not outlook and choice.period.end - self.report.current.end > _FAR:
            self._unplaced(spot, f"{choice.period} is far from the report's period")
            return None
        self.bases[subject.key] = choice.concept
        concept = self.derived.outlook(self.concepts[choice.concept]) if outlook else choice.concept
        sign = self._sign(subject, choice.concept)
        member = _member(spot, template)
        fact = self._emit(
            spot, state, subject, concept, choice.period, Role.VALUE, sign, wording, member
        )
        if member is None:
            anchor = Anchor(
                concept=concept,
                base=choice.concept,
                period=choice.period,
                subject=subject,
                sign=sign,
            )
            state.anchor, state.period = anchor, (choice.period, wording)
            self.stated[choice.concept] = anchor
            if choice.concept in self.totals:
                self.group = label_tokens(subject.label)
        return fact

    def _listed_subject(self, spot: Spot, state: State) -> Subject | None:
        """ "a Net Loss of $2.1 million and $1.5 million, respectively": a later figure of
        a list paired with the sentence's periods is of the first figure's subject."""
        sentence, anchor = spot.sentence, state.anchor
        listed = sentence.listed(spot.index, self.respective)
        if anchor is None or listed is None or listed[0] == 0:
            return None
        if sentence.respective_phrase(spot.index, self.respective) is None:
            return None
        return anchor.subject

    def _margin(self, spot: Spot, state: State) -> Subject | None:
        """ "EBIT amounted to EUR 387.5 million (9M 2024: ...), corresponding to a margin of
        10.7%": a percentage named only by a margin word (narrative.toml `margin_words`)
        after a value of the same sentence is that value's margin, the ratio of its concept
        to revenue ([[ratio]])."""
        anchor, figure = state.anchor, spot.figure
        if anchor is None or figure.kind is not FigureKind.PERCENT or state.last_figure is None:
            return None
        margin = self.margins.get(anchor.base)
        gap = spot.sentence.text[state.last_figure.end : figure.start]
        if margin is None or not self.margin_words & set(label_tokens(gap)):
            return None
        self.keys += 1
        named = min(gap.lower().find(w) for w in self.margin_words if w in gap.lower())
        subject = Subject(
            entries=(Entry(concept=margin),),
            label=" ".join(gap[named:].split()),
            start=state.last_figure.end,
            end=figure.start,
            key=self.keys,
        )
        state.subjects.append(subject)
        return subject

    def _subject(
        self, spot: Spot, template: TemplateMatch | None, mention: Mention | None, state: State
    ) -> Subject | None:
        text = spot.sentence.text
        if template is not None:
            figure = spot.figure
            label = text[template.start : figure.start] + text[figure.end : template.end]
            start, end, entries = template.start, template.end, template.entries
        elif mention is not None:
            label, start, end, entries = mention.text, mention.start, mention.end, mention.entries
        else:
            return None
        self.keys += 1
        # "Adjusted EBITDA loss of $0.4 million": the word right after the subject says loss.
        after = first_word_after(text, end, spot.figure)
        subject = Subject(
            entries=entries,
            label=" ".join(label.split()),
            start=start,
            end=end,
            key=self.keys,
            loss=self.says_loss({*label_tokens(label), *after}, {e.concept for e in entries}),
            templated=template is not None,
        )
        state.subjects.append(subject)
        return subject

    def _sign(self, subject: Subject, concept: str) -> int:
        named = set(label_tokens(self.concepts[concept].label))
        if subject.loss and not (self.loss & named):
            return -1
        return -1 if self._opposite_direction(subject, self.concepts[concept]) else 1

    def _opposite_direction(self, subject: Subject, concept: Concept) -> bool:
        """ "Income tax benefit of $10.8 million": the last word of the subject that names a
        direction ("benefit") is the one opposite to the concept's balance (a debit, an
        expense), which its label does not name: the amount is negative in the concept. A
        wording with the figure inside ("at a cost of") names no direction of the item."""
        if concept.balance is None or subject.templated:
            return False
        ours = self.directions.get(concept.balance, frozenset())
        theirs = frozenset().union(*(d for b, d in self.directions.items() if b != concept.balance))
        said = [t for t in label_tokens(subject.label) if t in ours or t in theirs]
        if not said or said[-1] not in theirs:
            return False
        return said[-1] not in label_tokens(concept.label)

    def _future(self, period: Period, spot: Spot) -> bool:
        """Forecast: after the release's date; without one, after the report, in words of
        outlook ("expects")."""
        if self.report.published is not None:
            return self.report.is_forecast(period)
        return spot.outlook and self.report.is_forecast(period)

    def _stated_as_past(self, spot: Spot) -> bool:
        """ "The gross profit margin for 2025 was 83%": a verb in the past right before the
        figure reports what happened, which a period not yet ended cannot hold."""
        before = spot.sentence.text[: spot.figure.start]
        words = label_tokens(before, drop_parenthesised=False)[-_PAST_REACH:]
        return bool(self.past & set(words))

    def _value_period(
        self, spot: Spot, state: State, after_change: bool = False
    ) -> tuple[Period, str]:
        sentence, index = spot.sentence, spot.index
        paired = sentence.respective_phrase(index, self.respective)
        if paired is not None and paired.period is not None:
            self.said = paired.period
            return paired.period, paired.text
        phrase = sentence.phrase_after(index, absolute_only=True)
        # "$71.5 million in the quarter (Q3 2024: $64.0 million)": the bracket's label dates
        # the figure inside it, never the one before.
        if phrase is not None and labels_a_bracket(sentence.text, phrase):
            phrase = None
        phrase = phrase or sentence.own_phrase_before(index)
        if phrase is None and after_change:
            # "expects full-year 2025 revenue to increase by $50 million to $1.25 billion":
            # the level the change reaches is of the period the change is dated by.
            phrase = sentence.own_phrase_before(index - 1)
        if phrase is not None and phrase.period is not None:
            self.said = phrase.period
            return phrase.period, phrase.text
        if state.period is not None:
            return state.period
        opening = sentence.opening_phrase()
        if opening is not None and opening.period is not None:
            self.said = opening.period
            return opening.period, opening.text
        period, wording = spot.default or (self.report.current, "")
        return self._like_comparatives(spot, period), wording

    def _like_comparatives(self, spot: Spot, period: Period) -> Period:
        """A value with no period of its own compared with "the full year 2022" is a year."""
        sentence = spot.sentence
        limit = sentence.reason_after(spot.index)
        later = [
            p
            for p in sentence.phrases
            if spot.figure.end <= p.start < limit
            and not labels_a_bracket(sentence.text, p)
            and not sentence.dates_a_subject(p)
        ]
        other = next((p.period for p in later if p.period and p.period.start), None)
        if other is None:
            bracketed = self._bracket_comparative(spot)
            return period if bracketed is None else self._same_part(period, bracketed)
        if period.start is None or other.start is None:
            return period
        if (other.end - other.start).days >= 360 > (period.end - period.start).days:
            return self.report.year(self.report.fiscal_label(self.report.current.end))
        return period

    def _bracket_comparative(self, spot: Spot) -> Period | None:
        """The period of the labelled bracket right after the figure ("EUR 387.5 million
        (9M 2024: EUR 351.2 million)"): its comparative's."""
        sentence = spot.sentence
        for phrase in sentence.phrases:
            if phrase.start < spot.figure.end or not labels_a_bracket(sentence.text, phrase):
                continue
            gap = sentence.text[spot.figure.end : phrase.start]
            if re.fullmatch(r"\s*\(\s*", gap):
                return phrase.period
            return None
        return None

    def _same_part(self, period: Period, other: Period) -> Period:
        """The value's period as the same part of its year as the comparative's, a year
        later: "(9M 2024: ...)" makes a value the sentence leaves undated the nine months to
        the report's end, not its quarter."""
        if other.start is None or period.start is None:
            return period
        months = (other.end.year - other.start.year) * 12 + other.end.month - other.start.month + 1
        year_ago = (period.end - other.end).days
        if not 350 <= year_ago <= 380 or months == self._months(period):
            return period
        return Period(start=months_back(period.end, months), end=period.end)

    @staticmethod
    def _months(period: Period) -> int:
        start = period.start or period.end
        return (period.end.year - start.year) * 12 + period.end.month - start.month + 1

    # -- output ---------------------------------------------------------------------------

    def _source(self, spot: Spot, label: str, wording: str) -> ProseSource:
        offset = spot.sentence.start + spot.figure.start
        return ProseSource(
            line=spot.passage.line_at(offset),
            page=spot.passage.page,
            section=spot.passage.section,
            label=label,
            printed=spot.figure.text,
            wording=wording,
            position=offset,
        )

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
    ) -> NarrativeFact:
        figure = spot.figure
        money = figure.kind in (FigureKind.MONEY, FigureKind.PER_SHARE, FigureKind.PER_ADS)
        fact = NarrativeFact(
            concept=concept,
            period=period,
            # A figure printed negative ("$(0.08) per share") already says loss.
            value=figure.value * Decimal(sign if figure.value >= 0 else 1),
            decimals=figure.decimals,
            currency=(figure.currency or self.currency) if money else None,
            axis=member[0] if member else None,
            member=member[1] if member else None,
            role=role,
            source=self._source(spot, subject.label, wording),
            comparison=comparison,
        )
        self.out.facts.append(fact)
        self.out.subject_of.append(subject.key)
        state.last = fact
        state.last_period = period
        return fact

    def _unplaced(self, spot: Spot, reason: str) -> None:
        figure = spot.figure
        if figure.bare:
            return None
        self.out.unplaced.append(
            UnplacedFigure(
                line=spot.passage.line_at(spot.sentence.start + figure.start),
                page=spot.passage.page,
                section=spot.passage.section,
                printed=figure.text,
                reason=reason,
                position=spot.sentence.start + figure.start,
            )
        )
        return None


def _member(spot: Spot, template: TemplateMatch | None) -> tuple[str, str] | None:
    """The (axis, member words) of a breakdown template's figure."""
    if template is None or template.member is None:
        return None
    prose = template.entries[0].prose
    if prose is None or prose.axis is None:
        return None
    start, end = template.member
    return prose.axis, spot.sentence.text[start:end].strip(" \"'\u201c\u201d")


def _subject_at(subjects: list[Subject], offset: int) -> int | None:
    """The subject a footnote mark at `offset` sits on (inside it, or right after it)."""
    for subject in subjects:
        if subject.start <= offset <= subject.end + 1:
            return subject.key
    return None
