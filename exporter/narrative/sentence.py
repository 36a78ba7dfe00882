"""One sentence's words: its figures, period phrases, mentions and templates, and the role
each figure plays from the words just before and after it.

"Total net revenue was RMB4,482.3 million (US$614.1 million), compared to RMB4,495.5
million in the same period of 2023, and RMB4,370.2 million in the prior quarter": the
first figure is the *value* of the concept the sentence names, the second its
*translation*, the others *comparatives* whose periods the phrases after them give. "an
increase of 0.4% from ..." is a *change*, "between ... and ..." a *low* and *high*,
"representing 53.2% of the total" a *share*, "or US$0.70 per ADS" an *alternative*.
"""

from __future__ import annotations

import re

from pydantic import ConfigDict

from exporter.labels import label_tokens
from exporter.models import Frozen
from exporter.narrative.calendar import (
    DATE_PATTERN,
    PeriodPhrase,
    PhraseKind,
    ReportCalendar,
    find_phrases,
)
from exporter.narrative.figures import FigureReader, closes_bracket
from exporter.narrative.model import Figure, FigureKind, Role
from exporter.narrative.phrases import Entry, Mention, PhraseIndex, TemplateMatch, words
from exporter.taxonomy_narrative import NarrativeWords

FROZEN = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

_CONNECTIVE = re.compile(
    r"\b(?:from|compare[ds]?\s+(?:to|with)|versus|vs\.?|against|relative\s+to)\b",
    re.IGNORECASE,
)
# The words that make the period after them the one compared with ("than in 4Q23"): the
# comparison words, and "than" and "over".
_COMPARED_BEFORE = re.compile(
    rf"(?:\b(?:than|over)\b|{_CONNECTIVE.pattern})\.?\s+(?:in\s+|the\s+)?$", re.IGNORECASE
)
# A phrase right after "and" / "or" is the tail of a longer name ("cash and restricted cash").
# What stands between two figures of a list: a comma, "and" or "or".
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?", re.IGNORECASE)
_JOINED = re.compile(r"(\S)\s+(?:and|or|&)\s*$", re.IGNORECASE)
# ", as increased gross profit was offset ...": a clause giving a reason dates nothing said
# before it.
_REASON = r",\s*(?:as|due\s+to|driven\s+by|reflecting|primarily|mainly|because)\s"
_CLAUSE = re.compile(
    # ", an increase of ..." opens a clause; ", a year ago" dates the figure before it.
    r"[;]|,\s*(?:an?\s+(?!(?:year|quarter)\s+(?:ago|earlier|before)\b)|representing\s+)"
    rf"|{_REASON}"
    r"|\b(?:compared|from|versus|representing|while)\b",
    re.IGNORECASE,
)

# "Revenue for the third quarter", "Net sales in Q3": a period right after a subject.
_DATES_BEHIND = re.compile(r"\s+(?:for|in|during)\s+(?:the\s+)?", re.IGNORECASE)
_OPENING = re.compile(r"\W*(?:(?:in|for|during|over|throughout)\s+)?(?:the\s+)?", re.IGNORECASE)
_COMPARED_WITH = re.compile(r"compared|from|versus", re.IGNORECASE)
_FOLLOWS = re.compile(r"\.?\s*(?:(?:to|with)\s+)?", re.IGNORECASE)  # "vs. 4Q24"


class Cue(Frozen):
    """What the words around a figure say it is."""

    role: Role
    change_sign: int = 0
    mention: Mention | None = None
    # "increased by 39.4% to $138,000": the value after a change names no phrase itself.
    after_change: bool = False
    # Why no phrase names a value (when `mention` is None).
    reason: str = ""
    # "EBITDA was NOK 310 million (NOK 270 million)": a figure alone in brackets right after
    # a value is the same measure a year earlier, the comparative printed the short way.
    bracketed: bool = False
    # "EUR 412.8 million (Q1 2025: EUR 371.9 million)": the bracket names the comparative's
    # period before it ("prior year:", "2024:").
    labelled: bool = False
    # "reduced net debt by $38.6 million": a change stated as an amount, not the level.
    amount: bool = False


class Sentence(Frozen):
    """A sentence read: text, figures, period phrases, mentions, templates by figure."""

    start: int
    text: str
    figures: tuple[Figure, ...]
    phrases: tuple[PeriodPhrase, ...]
    mentions: tuple[Mention, ...]
    templates: dict[int, TemplateMatch]
    tokens: tuple[str, ...]

    def gap(self, index: int) -> tuple[int, int]:
        start = self.figures[index - 1].end if index else 0
        return start, self.figures[index].start

    def after(self, index: int) -> tuple[int, int]:
        figure = self.figures[index]
        end = self.figures[index + 1].start if index + 1 < len(self.figures) else len(self.text)
        return figure.end, end

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def phrase_after(self, index: int, absolute_only: bool) -> PeriodPhrase | None:
        """The first period phrase after a figure, before its clause ends."""
        start, end = self.after(index)
        stop = _CLAUSE.search(self.text, start, end)
        limit = stop.start() if stop else end
        # "up 5.6% from the previous year": a period right after the comparing word is the
        # one compared with (a figure there would be the comparative, with its own period);
        # never the figure's own period, which `absolute_only` asks for.
        if not absolute_only and stop is not None and _COMPARED_WITH.fullmatch(stop.group(0)):
            follows = _FOLLOWS.match(self.text, stop.end())
            limit = follows.end() + 1 if follows else limit
        for phrase in self.phrases:
            wanted = not absolute_only or phrase.kind is PhraseKind.ABSOLUTE
            if start <= phrase.start < limit and wanted and not self.dates_a_subject(phrase):
                return phrase
        return None

    def listed(self, index: int, respective: re.Pattern[str]) -> tuple[int, int, int] | None:
        """The figure's place in a list that `respective` words right after it pair with
        the sentence's earlier periods ("$2.1 million and $1.5 million, respectively"), the
        list's length and its first figure; None when the figure is in no such list."""
        first = last = index
        while first and self._listed_after(first - 1):
            first -= 1
        while last + 1 < len(self.figures) and self._listed_after(last):
            last += 1
        if first == last or not respective.match(self.text, self.figures[last].end):
            return None
        return index - first, last - first + 1, first

    def _listed_after(self, index: int) -> bool:
        """The next figure follows this one in a list: only a comma, "and" or "or" between."""
        between = self.text[self.figures[index].end : self.figures[index + 1].start]
        return _LIST_JOIN.fullmatch(between) is not None

    def respective_phrase(self, index: int, respective: re.Pattern[str]) -> PeriodPhrase | None:
        """The period a "respectively" pairs the figure with: the period phrases of its
        clause before the list, one per figure, in order; None when there are not as many
        different ones (the list then pairs with its subjects, or with periods not named one
        by one: "for the three and six months ended June 30")."""
        listed = self.listed(index, respective)
        if listed is None:
            return None
        place, count, first = listed
        at = self.figures[first].start
        clause = self.text.rfind(";", 0, at) + 1
        phrases = [
            p
            for p in self.phrases
            if clause <= p.start
            and p.end <= at
            and p.kind is PhraseKind.ABSOLUTE
            and p.period is not None
        ]
        distinct = len({p.period for p in phrases}) == len(phrases)
        return phrases[place] if len(phrases) == count and distinct else None

    def reason_after(self, index: int) -> int:
        """Where a clause giving a reason opens after a figure (", as ...", ", due to ..."),
        else the sentence's end: no period past it is the figure's."""
        found = re.compile(_REASON, re.IGNORECASE).search(self.text, self.figures[index].end)
        return found.start() if found else len(self.text)

    def dates_a_subject(self, phrase: PeriodPhrase) -> bool:
        """The phrase stands before a name ("... to $27 million and full-year gross profit
        ..."): it dates the next subject, not the figure before it."""
        rest = self.text[phrase.end :]
        at = phrase.end + len(rest) - len(rest.lstrip())
        return any(m.start == at for m in self.mentions)

    def subject_phrase(self, start: int, end: int, before: int) -> PeriodPhrase | None:
        """The period phrase that dates the subject named at `start`..`end`, said before
        `before`: right before it ("Fourth quarter net sales rose 6.2%", "Q3 revenue") or
        right after it by a preposition ("Revenue for the third quarter increased 14%")."""
        for phrase in self.phrases:
            if phrase.kind is not PhraseKind.ABSOLUTE or phrase.end > before:
                continue
            ahead = phrase.end <= start and not self.text[phrase.end : start].strip()
            behind = phrase.start >= end and _DATES_BEHIND.fullmatch(self.text, end, phrase.start)
            if ahead or behind:
                return phrase
        return None

    def compared_phrase(self, index: int) -> PeriodPhrase | None:
        """The period a comparison word right after a figure compares with ("up 12.1% vs.
        4Q24", "an increase of 9% over the third quarter of 2024")."""
        start, end = self.after(index)
        for connective in _CONNECTIVE.finditer(self.text, start, end):
            if self.text[start : connective.start()].strip(" ,"):
                return None
            follows = _FOLLOWS.match(self.text, connective.end())
            at = follows.end() if follows else connective.end()
            return next((p for p in self.phrases if p.start == at), None)
        return None

    def opening_phrase(self) -> PeriodPhrase | None:
        """The period a sentence opens with ("In 2024, ...", "For the first half of 2024"):
        it dates every figure of the sentence that has no period of its own."""
        for phrase in self.phrases:
            lead = self.text[: phrase.start]
            if phrase.kind is PhraseKind.ABSOLUTE and _OPENING.fullmatch(lead):
                return phrase
        return None

    def phrase_before(self, index: int, kinds: tuple[PhraseKind, ...]) -> PeriodPhrase | None:
        """The last period phrase of the given kinds between the previous figure and this one."""
        start, end = self.gap(index)
        found = [p for p in self.phrases if start <= p.start and p.end <= end and p.kind in kinds]
        return found[-1] if found else None

    def earlier_comparison(self, index: int) -> PeriodPhrase | None:
        """The relative period the sentence compared an earlier figure with ("an increase
        of 12.4% from 87.8 billion yen a year earlier, and the operating margin improved to
        8.0% from 7.5%"): a comparative that names no period of its own in the same sentence
        compares on the same basis."""
        relative = (PhraseKind.PRIOR_YEAR, PhraseKind.PRIOR_QUARTER, PhraseKind.PRIOR_YEAR_END)
        at = self.figures[index].start
        clause = self.text.rfind(";", 0, at) + 1  # a semicolon parts independent clauses
        found = [
            p for p in self.phrases if clause <= p.start and p.end <= at and p.kind in relative
        ]
        return found[-1] if found else None

    def own_phrase_before(self, index: int) -> PeriodPhrase | None:
        """The period phrase before a figure that can be its own: not the period the
        previous figure was compared with ("19.9% higher than in 4Q23; operating margin
        reached 14.0%"), nor one a semicolon parts from the figure."""
        phrase = self.phrase_before(index, (PhraseKind.ABSOLUTE,))
        if phrase is None:
            return None
        compared = _COMPARED_BEFORE.search(self.text[: phrase.start])
        parted = ";" in self.text[phrase.end : self.figures[index].start]
        return None if compared or parted else phrase


def _inside(figure: Figure, spans: list[tuple[int, int]]) -> bool:
    return any(a <= figure.start < b or a < figure.end <= b for a, b in spans)


def _starts_in(figure: Figure, spans: list[tuple[int, int]]) -> bool:
    """The figure's digits sit inside a name ("90 day+ delinquency rate")."""
    return any(a <= figure.start < b for a, b in spans)


def _joined(text: str, mention: Mention, figures: list[Figure]) -> bool:
    """The phrase follows "and" after a word: it ends a longer name, not a new clause."""
    match = _JOINED.search(text, 0, mention.start)
    if match is None or match.group(1) in ",;:)":
        return False
    return not any(f.end == match.end(1) for f in figures)


def _held_by_another(
    text: str,
    mention: Mention,
    figures: list[Figure],
    index: PhraseIndex,
    periods: tuple[tuple[int, int], ...],
    issuer: frozenset[str],
) -> bool:
    """An amount's phrase after "in" whose verb's subject is not the issuer ("advertising
    offerings generated $317 million in revenue"): a part's."""
    after = _after_amount(text, mention, figures)
    return after and index.held_by_another(text, mention.start, periods, issuer)


def _after_amount(text: str, mention: Mention, figures: list[Figure]) -> bool:
    """The phrase follows an amount and "in" ("$45.2 million in cash and cash equivalents")."""
    for figure in figures:
        found = _IN_NOUN.match(text, figure.end)
        if found is not None and found.start("noun") == mention.start:
            return True
    return False


def first_word_after(text: str, end: int, figure: Figure) -> tuple[str, ...]:
    """The first word between a subject's phrase and its figure ("Adjusted EBITDA loss of
    $0.4 million": "loss"), where the figure follows the phrase."""
    return tuple(label_tokens(text[end : figure.start])[:1]) if end <= figure.start else ()


def read_sentence(
    text: str,
    start: int,
    reader: FigureReader,
    index: PhraseIndex,
    report: ReportCalendar,
    found: list[Figure] | None = None,
    defined: tuple[DefinedTerm, ...] = (),
    issuer: frozenset[str] = frozenset(),
) -> Sentence:
    """Figures (dates and names taken out), phrases, mentions and templates of a sentence;
    `found` is `reader.figures(text)` when the caller already has it; `defined` the marks in
    it whose footnotes define their terms; `issuer` the words of the issuer's name (a
    phrase next to them names the whole, not a part)."""
    raw = index.without_filler(words(text))
    mentions = index.mentions(raw, text)
    phrases = tuple(p for p in find_phrases(text, report) if not _dates_an_event(text, p, index))
    periods = tuple((p.start, p.end) for p in phrases)
    # Dates and period phrases are no figures: "1H FY24", "9M 2025" print digits.
    dates = [m.span() for m in DATE_PATTERN.finditer(text)] + list(periods)
    names = [(m.start, m.end) for m in mentions]
    figures = [
        f
        for f in (reader.figures(text) if found is None else found)
        if not _inside(f, dates) and not _starts_in(f, names)
    ]
    mentions = [
        m
        for m in index.on_basis(raw, text, mentions)
        if not _joined(text, m, figures)
        and not index.qualified_before(text, m.start, periods, issuer)
        and not index.qualified_after(text, m.end, periods, issuer)
        and not index.qualified_subject(text, m.start, periods, issuer)
        and not _held_by_another(text, m, figures, index, periods, issuer)
        and not index.participle_of_a_part(text, m.start, periods, issuer, tuple(names))
    ]
    # Without figures the stream is the raw words and no template can bind.
    stream = index.without_filler(words(text, figures)) if figures else []
    templates = {m.figure: _resolved(text, m, figures) for m in index.templates_in(stream)}
    for term in defined:
        match = _defined_match(text, figures, term)
        if match is not None and match.figure not in templates:
            templates[match.figure] = match
    spans = [(m.start, m.end) for m in templates.values()] + [(f.start, f.end) for f in figures]
    kept = [m for m in mentions if not any(m.start < b and a < m.end for a, b in spans)]
    return Sentence(
        start=start,
        text=text,
        figures=tuple(figures),
        phrases=phrases,
        mentions=tuple(kept),
        templates=templates,
        tokens=tuple(w.norm for w in raw),
    )


def _dates_an_event(text: str, phrase: PeriodPhrase, index: PhraseIndex) -> bool:
    """A date phrase whose date the words before it make an event's day ("payable on
    November 21", "of record on November 7"), its own "on" or "as of" included."""
    found = DATE_PATTERN.search(text, phrase.start, phrase.end)
    return found is not None and index.dates_an_event(text, found.start())


class DefinedTerm(Frozen):
    """A footnote mark in a sentence whose footnote says what the marked term is."""

    offset: int
    entries: tuple[Entry, ...]


# A defined term is a few words right after its figure ("261.2 million consumers^1").
_TERM = re.compile(r"\s*[A-Za-z][\w'\u2019-]*(?:\s+[A-Za-z][\w'\u2019-]*){0,2}\s*")


def _defined_match(text: str, figures: list[Figure], term: DefinedTerm) -> TemplateMatch | None:
    """The figure right before a defined term, bound to the concept the footnote names."""
    before = [(i, f) for i, f in enumerate(figures) if f.end <= term.offset]
    if not before:
        return None
    index, figure = before[-1]
    if _TERM.fullmatch(text, figure.end, term.offset) is None:
        return None
    return TemplateMatch(
        figure=index,
        slot="value",
        start=figure.start,
        end=term.offset,
        member=None,
        entries=term.entries,
    )


# A part's name runs on to the clause's end: a full stop or semicolon, or a comma before a
# word in lower case (", representing 53.2% of the total"), not one before another name.
_NAME_END = re.compile(r"[;.]|,\s*(?=[a-z])")


def _resolved(text: str, match: TemplateMatch, figures: list[Figure]) -> TemplateMatch:
    """A general wording's figure is the part's share of its total when it is a percentage
    ("58% of the year-end loan balance"), else the part's value; a part's name takes the
    names printed with it, up to the clause's end or the next figure."""
    if match.slot != "figure":
        return match
    share = figures[match.figure].kind is FigureKind.PERCENT
    update: dict[str, object] = {"slot": "share" if share else "value"}
    if match.names_part:
        stop = _NAME_END.search(text, match.end)
        end = min(
            [stop.start() if stop else len(text)]
            + [f.start for f in figures if f.start >= match.end]
        )
        update["end"] = len(text[:end].rstrip(" ,\"'\u201c\u201d"))
    return match.model_copy(update=update)


class Cues:
    """Reads a figure's role from the words around it (the taxonomy's words)."""

    def __init__(self, spoken: NarrativeWords, heads: frozenset[str] = frozenset()) -> None:
        # "$5.0 million in total" names the subject's whole, not another line item.
        self.heads = heads - {t for w in spoken.whole for t in label_tokens(w)}
        causes = "|".join(_words_pattern(w) for w in spoken.causes)
        self.cause = re.compile(rf"\b(?:{causes})\b", re.I) if causes else None
        up = "|".join(re.escape(w) for w in spoken.increase_words)
        down = "|".join(re.escape(w) for w in spoken.decrease_words)
        self.change = re.compile(rf"\b(?:(?P<up>{up})|(?P<down>{down}))\s*(?:of|by)?\s*$", re.I)
        self.change_word = re.compile(rf"\b(?:(?P<up>{up})|(?P<down>{down}))\b", re.I)
        # "an increase in operating expenses of $94,604": the amount the line item changed by.
        self.change_in = re.compile(
            rf"\b(?:{up}|{down})\s+(?P<to>in|to)(?P<item>(?:\s+[\w&'\u2019,-]+){{1,{_ITEM_WORDS}}}?)"
            r"\s+of\s*$",
            re.I,
        )
        # "a $3.0 million increase in SG&A": an amount set before a word of change.
        self.change_after = re.compile(rf"\s*(?:{up}|{down})\b", re.I)
        detail = "|".join(_words_pattern(w) for w in spoken.detail)
        self.detail = re.compile(rf"\b(?:{detail})\s*$", re.I) if detail else None
        price = "|".join(_words_pattern(w) for w in spoken.prices)
        self.price = re.compile(rf"\b(?:{price})\s*$", re.I) if price else None
        guess = "|".join(_words_pattern(w) for w in spoken.hypothetical)
        self.hypothetical = re.compile(rf"\b(?:{guess})\b", re.I) if guess else None
        whole = "|".join(_words_pattern(w) for w in spoken.whole)
        self.whole = re.compile(rf"(?:{whole})\b", re.I) if whole else None
        # "increased 8.5% to a record $186.4 million": the level after the change, past
        # the filler words set before it.
        filler = "|".join(_words_pattern(w) for w in spoken.filler)
        self.to_level = re.compile(rf"\bto(?:\s+(?:{filler}))*\s*$", re.I)

    def cue(self, sentence: Sentence, index: int, previous: Role | None) -> Cue:
        figure = sentence.figures[index]
        start, end = sentence.gap(index)
        gap = sentence.text[start:end]
        after = sentence.text[figure.end : sentence.after(index)[1]]
        mentions = sentence.mentions_in(start, end)
        if index in sentence.templates:
            return Cue(role=Role.VALUE)
        if index and _translation(sentence.figures[index - 1], figure, gap, after):
            return Cue(role=Role.TRANSLATION)
        same_kind = index and _same_measure(sentence.figures[index - 1], figure)
        if previous is Role.VALUE and same_kind and _bracketed(gap, after):
            return Cue(role=Role.COMPARATIVE, bracketed=True)
        if previous is Role.VALUE and same_kind and self._labelled(sentence, start, end, after):
            return Cue(role=Role.COMPARATIVE, bracketed=True, labelled=True)
        if previous is Role.VALUE and same_kind and _dated_in_brackets(sentence, index, gap):
            return Cue(role=Role.COMPARATIVE)
        # "revenue of A$412.5 million, up 8.2% (1H FY24: A$381.2 million)": past the change,
        # the value's comparative, which the change compares with.
        value_before = index > 1 and _same_measure(sentence.figures[index - 2], figure)
        after_change = previous is Role.CHANGE and value_before
        if after_change and self._labelled(sentence, start, end, after):
            return Cue(role=Role.COMPARATIVE, bracketed=True, labelled=True)
        if previous is Role.LOW and re.fullmatch(r"\s*(?:and|to|-|\u2013)\s*", gap):
            return Cue(role=Role.HIGH)
        if re.search(r"\bbetween\s*$", gap, re.IGNORECASE):
            return Cue(role=Role.LOW, change_sign=self._sign(gap), mention=_first(mentions))
        if figure.kind is not FigureKind.PERCENT and self._changed_amount(gap, after):
            word = self.change_word.search(gap)
            sign = -1 if word and word["down"] else 1
            # "net income was due to an increase in noninterest expense of $300,000 to
            # $5,550,000": the change is of the line item nearest it, past any cause.
            named = [m for m in mentions if not self._caused(sentence, m, figure)]
            mention = named[-1] if named and self._change_in(gap) else _first(named)
            return Cue(role=Role.CHANGE, change_sign=sign, mention=mention, amount=True)
        if _range_start(sentence, index) and not _connectives(sentence, start, end):
            value = self._value(sentence, index, mentions)
            return value.model_copy(update={"role": Role.LOW, "change_sign": self._sign(gap)})
        if figure.kind is FigureKind.PERCENT and _share(gap, after):
            return Cue(role=Role.SHARE)
        change = self.change.search(gap)
        if figure.kind is FigureKind.PERCENT and change:
            sign = -1 if change["down"] else 1
            return Cue(role=Role.CHANGE, change_sign=sign, mention=_first(mentions))
        if re.search(r"(?:,|\b)\s*or\s*$", gap):
            if previous is Role.CHANGE and figure.kind is FigureKind.PERCENT:
                # "grew $52.7 million, or 1.3%, ... to $4.11 billion": the change in percent
                word = self.change_word.search(sentence.text[slice(*sentence.gap(index - 1))])
                return Cue(role=Role.CHANGE, change_sign=-1 if word and word["down"] else 1)
            return Cue(role=Role.ALTERNATIVE)
        if previous is Role.CHANGE and self.to_level.search(gap):
            return Cue(role=Role.VALUE, after_change=True)
        return self._comparative(sentence, index, mentions, previous)

    def _labelled(self, sentence: Sentence, start: int, end: int, after: str) -> bool:
        """The figure stands in a labelled bracket that follows the figure before it, past
        that figure's own period ("GBP 45.1m at 30 June 2025 (31 December 2024: GBP 52.3m)")
        or past a few words of the same clause that name nothing ("$71.5 million in the
        quarter (Q3 2024: $64.0 million)"), where the label is a period: a bracket opened
        by a period and a colon dates the figure inside it, and the figure before it is
        the value it compares with."""
        own = self._past_own_period(sentence, start, end)
        if _labelled_bracket(sentence.text[own:end], after):
            return True
        opening = sentence.text.rfind("(", own, end)
        if opening < 0 or not _labelled_bracket(sentence.text[opening:end], after):
            return False
        words = (own, opening)
        named = sentence.mentions_in(*words) or _connectives(sentence, *words)
        parted = re.search(r"[;,]", sentence.text[own:opening]) is not None
        return not named and not parted and _dated_label(sentence, opening)

    @staticmethod
    def _past_own_period(sentence: Sentence, start: int, end: int) -> int:
        """Where a gap goes on after the period phrase that opens it: the previous figure's
        own period ("GBP 45.1m at 30 June 2025 (31 December 2024: GBP 52.3m)")."""
        for phrase in sentence.phrases:
            opens = start <= phrase.start and not sentence.text[start : phrase.start].strip()
            if opens and phrase.end <= end and phrase.kind is PhraseKind.ABSOLUTE:
                return phrase.end
        return start

    def _changed_amount(self, gap: str, after: str) -> bool:
        """An amount right after a word of change ("Total loans grew $52.7 million",
        "an increase of $3.1 million", "an increase in operating expenses of $94,604"), after
        "by" ("reduced net debt by $5m", "impacting revenues by $4.2 million") or between an
        article and a word of change ("a $3.0 million increase in ...") is the change, not
        the line item's level."""
        before_change = _ARTICLE.search(gap) is not None and self.change_after.match(after)
        return (
            _BY.search(gap) is not None
            or self.change.search(gap) is not None
            or self._change_in(gap)
            or bool(before_change)
        )

    def _change_in(self, gap: str) -> bool:
        """ "an increase in operating expenses of", "a reduction to income tax expense of":
        the amount a named line item changed by. After "to" the words must end in a line
        item's noun ("increased to a record high of $5 million" states the level)."""
        found = self.change_in.search(gap)
        if found is None:
            return False
        item = label_tokens(found["item"])
        return found["to"].lower() == "in" or (bool(item) and item[-1] in self.heads)

    def _comparative(
        self, sentence: Sentence, index: int, mentions: list[Mention], previous: Role | None
    ) -> Cue:
        start, end = sentence.gap(index)
        connectives = _connectives(sentence, start, end)
        if connectives:
            later = [m for m in mentions if m.start >= connectives[-1].end()]
            earlier = [m for m in mentions if m.end <= connectives[0].start()]
            if not earlier:
                return Cue(
                    role=Role.COMPARATIVE,
                    mention=_first(later) or self._named_in_noun_phrase(sentence, index),
                )
        gap = sentence.text[start:end]
        continues = previous is Role.COMPARATIVE and re.search(r"(?:^|[\s,])and\s*$", gap)
        if continues and not mentions:
            return Cue(role=Role.COMPARATIVE)
        return self._value(sentence, index, mentions)

    def _value(self, sentence: Sentence, index: int, mentions: list[Mention]) -> Cue:
        figure = sentence.figures[index]
        before = sentence.text[: figure.start]
        if self.detail and self.detail.search(before):
            return Cue(role=Role.VALUE, reason="a detail of another figure ('in the amount of')")
        if self.price and self.price.search(before):
            return Cue(
                role=Role.VALUE, reason="a share's price ('trading at'), not a line item's amount"
            )
        if self.hypothetical and self.hypothetical.search(before):
            return Cue(role=Role.VALUE, reason="a hypothetical or adjusted figure")
        # The phrase nearest before the figure names it ("... total operating expenses in
        # fiscal 2024 compared to the previous fiscal year, the company incurred a net loss
        # of $15.6 million"): a phrase further back is another clause's subject. A phrase
        # in brackets after another ("Operating profit (EBIT)") is that one's short name.
        named_after = self._named_after(sentence, figure, mentions)
        if named_after:
            return Cue(
                role=Role.VALUE,
                mention=_mention_at(sentence, named_after.start("noun")),
                reason=f"the words after it name it ({named_after.group().strip()!r})",
            )
        described = self._described_after(sentence, figure)
        if described is not None:
            words = " ".join(sentence.text[figure.end : described].split())
            return Cue(
                role=Role.VALUE,
                mention=_mention_in(sentence, figure.end, described),
                reason=f"the words after it name it ({words!r})",
            )
        mentions = [m for m in mentions if not self._caused(sentence, m, figure)]
        for mention in reversed(mentions):
            if _names(sentence, mention, figure) and not _short_name(sentence, mention):
                return Cue(role=Role.VALUE, mention=mention)
        for mention in mentions:
            whole = self.whole is not None and self.whole.match(mention.text)
            if whole and _names_total(sentence, mention, figure):
                return Cue(role=Role.VALUE, mention=mention)
        reason = "no phrase of the taxonomy names this figure"
        if mentions:
            reason = f"the nearest phrase ({mentions[0].text!r}) is too far from this figure"
        return Cue(role=Role.VALUE, reason=reason)

    def _caused(self, sentence: Sentence, mention: Mention, figure: Figure) -> bool:
        """Words giving a cause stand between the phrase and the figure ("equity ... was
        mainly due to quarterly earnings of $1,310,000"): the figure is the cause's."""
        return self.cause is not None and bool(
            self.cause.search(sentence.text, mention.end, figure.start)
        )

    def _named_after(
        self, sentence: Sentence, figure: Figure, mentions: list[Mention]
    ) -> re.Match[str] | None:
        """ "with $22M in cash and ...", "$1.2 billion in total debt": "in" and the words of
        a line item right after an amount say what the amount is (not a period: "in the
        quarter"); the match, or None when the words name nothing."""
        if figure.kind is FigureKind.PERCENT:
            return None
        found = _IN_NOUN.match(sentence.text, figure.end)
        if found is None:
            return self._named_by_of(sentence, figure, mentions)
        at = found.start("noun")
        if any(p.start <= at < p.end for p in sentence.phrases):
            return None
        noun = label_tokens(found["noun"])
        named = (bool(noun) and noun[0] in self.heads) or _mention_at(sentence, at) is not None
        return found if named else None

    def _named_by_of(
        self, sentence: Sentence, figure: Figure, mentions: list[Mention]
    ) -> re.Match[str] | None:
        """ "Income tax benefit reflects the sale of $12.3 million of tax credits": "of" and a
        noun phrase right after an amount name it, something else than the subject before
        it unless the phrase ends in the subject's own noun ("Revenue: ... $1.6 million of
        government contract revenues"). The match when the words name no line item, so the
        amount is not the subject's; None where a phrase of the taxonomy or a period starts
        there ("$5.0 million of revenue in the quarter"), left to the other rules, as is a
        per-share figure ("$0.24 per share of common stock")."""
        if figure.kind is not FigureKind.MONEY:
            return None
        found = _OF_NOUN.match(sentence.text, figure.end)
        if found is None:
            return None
        at = found.start("noun")
        if any(p.start < found.end() and at < p.end for p in sentence.phrases):
            return None
        phrase = _noun_words(sentence.text, at - 1)
        end = phrase[-1].end() if phrase else found.end()
        if _mention_at(sentence, at) is not None or sentence.mentions_in(at, end):
            return None
        # The noun phrase's last word is its head ("tax credits": credit).
        head = label_tokens(phrase[-1]["noun"] if phrase else found["noun"])[-1:]
        subjects = {label_tokens(m.text)[-1:] for m in mentions if m.end <= figure.start}
        return None if head in subjects else found

    def _described_after(self, sentence: Sentence, figure: Figure) -> int | None:
        """ "... was a $9.1 million non-cash, share-based compensation expense": an amount
        between an article and words in lower case that end in a line item's noun is a word
        of that noun phrase, which names it: a phrase of the taxonomy there, or words that
        qualify the noun, a narrower item than the subject before it. Where the noun phrase
        ends, or None."""
        if figure.kind is FigureKind.PERCENT:
            return None
        if _ARTICLE.search(sentence.text, 0, figure.start) is None:
            return None
        words = _noun_words(sentence.text, figure.end)
        heads = [i for i, w in enumerate(words) if self._head(w["noun"])]
        if not heads:
            return None
        last = words[heads[-1]]
        named = _mention_in(sentence, figure.end, last.end()) is not None
        # "was a $5 million profit": the subject's own noun alone restates it.
        return last.end() if named or heads[-1] > 0 else None

    def _named_in_noun_phrase(self, sentence: Sentence, index: int) -> Mention | None:
        """ "compared with a $3.3M net loss": the phrase of the noun phrase the amount is a
        word of (its sign, a loss, is the comparative's own)."""
        figure = sentence.figures[index]
        end = self._described_after(sentence, figure)
        return None if end is None else _mention_in(sentence, figure.end, end)

    def _head(self, word: str) -> bool:
        tokens = label_tokens(word)
        return bool(tokens) and tokens[-1] in self.heads

    def _sign(self, gap: str) -> int:
        found = list(self.change_word.finditer(gap))
        if not found:
            return 0
        return -1 if found[-1]["down"] else 1


_MAX_DISTANCE = 12
# The words of a line item's name between a word of change and "of" ("an increase in
# selling, general and administrative expenses of").
_ITEM_WORDS = 8
# "in" and a word in lower case right after an amount ("$22M in cash").
_IN_NOUN = re.compile(r"\s+in\s+(?P<noun>[a-z][\w'\u2019-]*)")
# "of", perhaps an article or a possessive, and a word in lower case right after an amount
# ("$12.3 million of tax credits"); not a relative pronoun ("$5.0 million of which").
_OF_NOUN = re.compile(
    r"\s+of\s+(?:(?:the|a|an|our|its|their)\s+)?"
    r"(?!(?:the|a|an|our|its|their|which|whom|that|this|these)\b)"
    r"(?P<noun>[a-z][\w'\u2019-]*)"
)
# A word in lower case of a noun phrase after an amount ("$9.1 million non-cash,
# share-based compensation expense"); a word that joins, relates or states ends the phrase.
_NOUN_WORD = re.compile(
    r",?\s+(?!(?:and|or|of|in|for|to|from|with|during|at|by|on|as|is|was|were|are)\b)"
    r"(?P<noun>[a-z][\w'\u2019-]*)\b"
)
_NOUN_WORDS = 5
# An amount after "by" says by how much something changed, never a line item's level.
_BY = re.compile(r"\bby\s*$", re.IGNORECASE)
# An article right before an amount makes it a word of the noun after it ("a $3.0 million
# increase").
_ARTICLE = re.compile(r"\b(?:a|an|the)\s*$", re.IGNORECASE)


def _words_pattern(text: str) -> str:
    return r"\s+".join(re.escape(w) for w in text.split())


def _connectives(sentence: Sentence, start: int, end: int) -> list[re.Match[str]]:
    """Comparison words between `start` and `end` that are not inside a phrase, nor spent
    on the period right after them ("up 5.6% from the previous year, with a margin of")."""
    inside = [(m.start, m.end) for m in sentence.mentions]
    return [
        c
        for c in _CONNECTIVE.finditer(sentence.text, start, end)
        if not any(a <= c.start() < b for a, b in inside) and not _spent(sentence, c, end)
    ]


def _spent(sentence: Sentence, connective: re.Match[str], end: int) -> bool:
    """A comparison word whose object is a period phrase closed by punctuation before `end`."""
    follows = _FOLLOWS.match(sentence.text, connective.end())
    at = follows.end() if follows else connective.end()
    for phrase in sentence.phrases:
        if phrase.start == at and phrase.end <= end:
            return bool(re.match(r"\s*[,;]", sentence.text[phrase.end : end]))
    return False


def _names(sentence: Sentence, mention: Mention, figure: Figure) -> bool:
    """Whether a phrase can name a figure after it: close by, no comparison between."""
    if _connectives(sentence, mention.end, figure.start):
        return False
    return _near(sentence, mention, figure)


def _short_name(sentence: Sentence, mention: Mention) -> bool:
    """The phrase stands alone in brackets right after another phrase ("Earnings before
    interest, taxes, depreciation and amortization (EBITDA)"): the name before it says
    what the figure is."""
    text = sentence.text
    bracketed = re.match(r"\s*\)", text[mention.end :]) is not None
    return bracketed and any(
        re.fullmatch(r"\s*\(\s*", text[other.end : mention.start]) is not None
        for other in sentence.mentions
        if other.end <= mention.start
    )


def _near(sentence: Sentence, mention: Mention, figure: Figure) -> bool:
    """Few words between a phrase and its figure, period phrases not counted."""
    between = sentence.text[mention.end : figure.start]
    for phrase in sentence.phrases:
        if mention.end <= phrase.start and phrase.end <= figure.start:
            between = between.replace(phrase.text, " ")
    return len(re.findall(r"[A-Za-z0-9]+", between)) <= _MAX_DISTANCE


def _names_total(sentence: Sentence, mention: Mention, figure: Figure) -> bool:
    """A total names its figure across words that say where it comes from: "total revenue
    and income from principal activities amounted to RMB410 million" (a part would not:
    "revenues from licenses" is a part of revenue, so only a total is read so). A "from"
    that compares ("from $5 million", "from the prior year") still stands between."""
    connectives = _connectives(sentence, mention.end, figure.start)
    if any(_compares(sentence, c, figure.start) for c in connectives):
        return False
    return _near(sentence, mention, figure)


def _compares(sentence: Sentence, connective: re.Match[str], end: int) -> bool:
    """Whether a comparison word before a figure compares: "from" does when a figure or a
    period follows it, not when it says where a total comes from."""
    if connective.group().lower() != "from":
        return True
    rest = sentence.text[connective.end() : end]
    if not re.search(r"[A-Za-z]{2}", rest):
        return True
    return any(connective.end() <= p.start and p.end <= end for p in sentence.phrases)


def _range_start(sentence: Sentence, index: int) -> bool:
    """ "$8.70 to $8.72 billion": a figure joined by "to" or a dash to one of its kind."""
    if index + 1 >= len(sentence.figures):
        return False
    figure, following = sentence.figures[index], sentence.figures[index + 1]
    joined = re.fullmatch(r"\s*(?:to|-|\u2013)\s*", sentence.text[figure.end : following.start])
    alike = (figure.kind, figure.currency, _in_points(figure)) == (
        following.kind,
        following.currency,
        _in_points(following),
    )
    return bool(joined) and alike


def _in_points(figure: Figure) -> bool:
    """A rate printed in points ("80 basis points"), not as a percentage: "expanded 80
    basis points to 39.3%" is a change and the level it reached, never a range."""
    return figure.kind is FigureKind.PERCENT and not figure.text.rstrip().endswith("%")


def _bracketed(gap: str, after: str) -> bool:
    """A figure that stands alone in brackets right after the figure before it (of the
    same kind: "$5.0 million ($0.10 per diluted share)" gives the per-share figure)."""
    return re.fullmatch(r"\s*\(", gap) is not None and closes_bracket(after)


def _dated_in_brackets(sentence: Sentence, index: int, gap: str) -> bool:
    """A figure in brackets after the figure before it, the bracket closing on a period
    phrase ("¥104.2 billion (¥90.6 billion in the same period of the previous year)"): the
    measure before it in the period the bracket names, a comparative."""
    if re.fullmatch(r"\s*\(", gap) is None:
        return False
    figure = sentence.figures[index]
    for phrase in sentence.phrases:
        if phrase.start < figure.end:
            continue
        between = sentence.text[figure.end : phrase.start]
        closes = re.match(r"\s*\)", sentence.text[phrase.end :]) is not None
        return closes and re.fullmatch(r"\s*(?:in|for|at|during|of)?\s*", between) is not None
    return False


_PER_UNIT = (FigureKind.PER_SHARE, FigureKind.PER_ADS)


def _same_measure(previous: Figure, figure: Figure) -> bool:
    """Whether a figure can state the same measure as the one before it: the same kind, or
    an amount in the same currency after a per-share figure ("4.5p per share (2024: 4.0p)")."""
    if previous.kind is figure.kind:
        return True
    money_after_unit = previous.kind in _PER_UNIT and figure.kind is FigureKind.MONEY
    return money_after_unit and previous.currency == figure.currency


_LABEL_OPENS = re.compile(r"\s*\(\s*[^():]{1,40}:\s*")


def _labelled_bracket(gap: str, after: str) -> bool:
    """A figure in brackets after a label and a colon, right after the figure before it
    ("(Q1 2025: EUR 371.9 million)", "(prior year: EUR 371.9 million)")."""
    return _LABEL_OPENS.fullmatch(gap) is not None and re.match(r"\s*\)", after) is not None


# A bare year as a bracket's label ("(2024: $64.0 million)"), which is no period phrase.
_YEAR_LABEL = re.compile(r"\(\s*(?:19|20)\d\d\s*:")


def _dated_label(sentence: Sentence, opening: int) -> bool:
    """The bracket opened at `opening` is labelled by a period ("(Q3 2024:", "(prior
    year:", "(2024:"), not by a name ("(Europe:")."""
    if _YEAR_LABEL.match(sentence.text, opening):
        return True
    return any(
        p.start > opening
        and not sentence.text[opening + 1 : p.start].strip()
        and labels_a_bracket(sentence.text, p)
        for p in sentence.phrases
    )


def labels_a_bracket(text: str, phrase: PeriodPhrase) -> bool:
    """The period phrase opens a bracket and a colon follows it ("(FY 2024: ..."): the
    period of the figure in the bracket, said of no other."""
    opened = text[: phrase.start].rstrip().endswith("(")
    return opened and text[phrase.end :].lstrip().startswith(":")


def _share(gap: str, after: str) -> bool:
    return bool(
        re.search(r"\brepresent\w*\s*$", gap, re.IGNORECASE)
        and re.match(r"\s*of\s+(?:the\s+)?total\b", after, re.IGNORECASE)
    )


def _translation(previous: Figure, figure: Figure, gap: str, after: str) -> bool:
    money = (FigureKind.MONEY, FigureKind.PER_SHARE, FigureKind.PER_ADS)
    return (
        gap.strip() == "("
        and after.lstrip().startswith(")")
        and previous.kind in money
        and figure.kind in money
        and previous.currency is not None
        and figure.currency not in (None, previous.currency)
    )


def _noun_words(text: str, at: int) -> list[re.Match[str]]:
    """The words in lower case of the noun phrase right after `at`, in order."""
    found: list[re.Match[str]] = []
    while len(found) < _NOUN_WORDS:
        word = _NOUN_WORD.match(text, found[-1].end() if found else at)
        if word is None:
            break
        found.append(word)
    return found


def _mention_in(sentence: Sentence, start: int, end: int) -> Mention | None:
    """The last phrase that ends by `end` among the words from `start` on."""
    found = sentence.mentions_in(start, end)
    return found[-1] if found else None


def _mention_at(sentence: Sentence, at: int) -> Mention | None:
    """The phrase that starts at `at` ("$45.2 million in cash and cash equivalents")."""
    return next((m for m in sentence.mentions if m.start == at), None)


def _first(mentions: list[Mention]) -> Mention | None:
    return mentions[0] if mentions else None
