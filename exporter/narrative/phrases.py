"""How prose names concepts: phrase and template matching on words.

Both sides are read as the mapper reads labels (`labels.label_tokens`: case, punctuation,
plurals, "non-GAAP" as one word, stop words), so the taxonomy spells wordings naturally.
A *mention* is a phrase naming a concept ("Total net revenue", "90 day+ delinquency
rate"); longer phrases win over the shorter ones inside them. A *template* has the figure
inside ("{value} financial institutional partners") and binds it directly. Filler words
("approximately") are skipped on both sides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import combinations, pairwise, takewhile

from exporter.labels import label_tokens
from exporter.models import Frozen
from exporter.narrative.model import Figure
from exporter.taxonomy import Taxonomy
from exporter.taxonomy_narrative import ProseEntry
from exporter.vocabulary import vocabulary

_RAW_WORD = re.compile(r"[A-Za-z0-9%&]+")
_SLOT = re.compile(r"\{(value|share|figure|member|whole)\}")
_FIGURE_SLOTS = ("{value}", "{share}", "{figure}")
# How many words can stand between "per" and "share" ("per weighted average common share"),
# and how many words a per-share measure's name has before "per" ("basic net income per").
_PER_REACH = 4
# How many words before a phrase a non-GAAP word can stand ("Non-GAAP Cash Operating
# Expenses").
_NON_GAAP_REACH = 3
_LONGEST_LEAD = 4
_BREAK = re.compile(r"[,.;:()\[\]]")
_PREVIOUS_WORD = re.compile(r"(?<![\w.])([A-Za-z][\w&'\u2019.-]*)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w&'\u2019-]*)")
_ANY_WORD = re.compile(r"[A-Za-z][\w&'\u2019-]*")
_BRACKETED = re.compile(r"\([^()]*\)")
# What ends the words right before a verb that can be its subject: punctuation (a bracketed
# abbreviation, "The Widget division (WD)", is blanked out first).
_RUN_BREAK = re.compile(r"[,.;:!?\u2013\u2014]|\s-\s")
# How many words after a phrase can still name its part: a preposition, an article, a
# name of up to two words and the part noun ("in the Asia Pacific region").
_PART_REACH = 5
# How many words in lower case between a name and a phrase can still say which part
# ("India biodiesel annual revenues"), and the words that join two names instead.
_MODIFIER_REACH = 2
FIGURE = "\x00figure"


@dataclass(frozen=True, slots=True)
class Word:
    """A comparable word of a text, or a figure standing for its digits (`figure` set).

    A plain dataclass, not a model: sentences make tens of thousands of them."""

    norm: str
    start: int
    end: int
    figure: int | None = None
    # Punctuation stands between this word and the one before it.
    brk: bool = False


class Entry(Frozen):
    """A concept one phrase can name, with the prose entry that says how (if any)."""

    concept: str
    prose: ProseEntry | None = None


class Mention(Frozen):
    """A phrase found in text: its word span, characters and the concepts it can name."""

    first: int
    last: int
    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


class Template(Frozen):
    """A wording with the figure inside, as comparable words and slots."""

    items: tuple[str, ...]
    entry: Entry
    # The head nouns a `{whole}` slot ends in (the total's wordings: "volume", "balance").
    heads: frozenset[str] = frozenset()


class TemplateMatch(Frozen):
    """A template found in text: the figure it binds, its slot, and a member's words."""

    figure: int
    slot: str
    start: int
    end: int
    member: tuple[int, int] | None
    entries: tuple[Entry, ...]
    # The wording ends in a part's name, which the print may run on ("capital-light model,
    # ICE and total technology solutions").
    names_part: bool = False


def _word_norm(raw: str) -> str | None:
    tokens = label_tokens(raw, drop_parenthesised=False)
    return tokens[0] if tokens else None


def words(text: str, figures: list[Figure] | None = None) -> list[Word]:
    """The comparable words of `text`; each figure (when given) replaces its characters."""
    figures = figures or []
    spans = [(f.start, f.end) for f in figures]
    result: list[Word] = []
    raw_previous = ""
    for match in _RAW_WORD.finditer(text):
        if spans and any(a <= match.start() < b for a, b in spans):
            continue
        norm = _word_norm(match.group(0))
        if norm is None:
            raw_previous = ""
            continue
        joined = label_tokens(f"{raw_previous} {match.group(0)}") if raw_previous else ()
        if result and len(joined) == 1 and result[-1].figure is None:
            result[-1] = replace(result[-1], norm=joined[0], end=match.end())
        else:
            result.append(Word(norm=norm, start=match.start(), end=match.end()))
        raw_previous = match.group(0)
    for index, figure in enumerate(figures):
        result.append(Word(norm=FIGURE, start=figure.start, end=figure.end, figure=index))
    result.sort(key=lambda w: w.start)
    return [_with_break(w, result[i - 1] if i else None, text) for i, w in enumerate(result)]


def _with_break(word: Word, previous: Word | None, text: str) -> Word:
    between = text[previous.end : word.start] if previous else ""
    if _BREAK.search(between):
        return replace(word, brk=True)
    return word


class PhraseIndex:
    """Every wording of every concept prose can name, and the templates (built once)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        spec = taxonomy.narrative
        self.phrases: dict[tuple[str, ...], list[Entry]] = {}
        prose_of: dict[str, ProseEntry] = {}
        for entry in spec.prose:
            prose_of.setdefault(entry.concept, entry)
            for phrase in entry.phrases:
                self._add(label_tokens(phrase), Entry(concept=entry.concept, prose=entry))
        for concept in taxonomy.concepts.values():
            if concept.abstract:
                continue
            for text in (concept.label, *concept.synonyms):
                tokens = label_tokens(text)
                if len(tokens) >= 2:
                    self._add(tokens, Entry(concept=concept.name, prose=prose_of.get(concept.name)))
        # The last words of the wordings: the nouns a line item's name ends in ("cash").
        self.heads = frozenset(key[-1] for key in self.phrases if key)
        self._longest_from: dict[str, int] = {}
        for key in filter(None, self.phrases):
            self._longest_from[key[0]] = max(self._longest_from.get(key[0], 0), len(key))
        self.templates = tuple(
            Template(items=_template_items(text), entry=Entry(concept=e.concept, prose=e))
            for e in spec.prose
            for text in e.templates
        ) + tuple(_part_templates(taxonomy, prose_of))
        self._templates_by_first = _index_by_first_word(self.templates)
        self.filler = tuple(t for t in (label_tokens(w) for w in spec.words.filler) if t)
        self._filler_by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in self.filler:
            self._filler_by_first.setdefault(words[0], []).append(words)
        self.qualifiers = tuple(t for t in (label_tokens(w) for w in spec.words.qualifiers) if t)
        # "per share", "per diluted share": the wordings a per-share figure is named by.
        self.per_share_of = spec.per_share_of
        basis = "|".join(r"\s+".join(map(re.escape, w.split())) for w in spec.words.non_gaap_basis)
        self._basis = re.compile(rf"\b(?:{basis})\b", re.IGNORECASE) if basis else None
        self.non_gaap = tuple(t for t in map(label_tokens, spec.words.non_gaap_words) if t)
        self.per_share = frozenset(t for t in map(label_tokens, spec.words.per_share) if t)
        # The nouns the per-share wordings end in ("share"): what closes a "per".
        self.share_nouns = frozenset(t[-1] for t in self.per_share)
        continued = taxonomy.row_kinds.get("continued_headings", ())
        self.continuations = tuple(t for t in (label_tokens(w) for w in continued) if t)
        self.neutral = frozenset(w.lower() for w in spec.words.neutral_prefixes)
        self.part_prepositions = frozenset(w.lower() for w in spec.words.part_prepositions)
        # "and", "or", "&": the taxonomy's joining words, which name no product or business.
        self.joiners = frozenset(w.lower() for w in taxonomy.row_kinds.get("joining_words", ()))
        self.part_nouns = frozenset(w.lower() for w in spec.words.part_nouns)
        spoken = spec.words
        # The verbs of the prose: a word among them is never part of a name.
        self.verbs = frozenset(
            w.lower()
            for w in (
                *spoken.subject_verbs,
                *spoken.past_words,
                *spoken.outlook_words,
                *spoken.increase_words,
                *spoken.decrease_words,
            )
        )
        verbs = "|".join(map(re.escape, spec.words.subject_verbs))
        self._subject_verb = re.compile(rf"\b(?:{verbs})\b") if verbs else None
        opening = "|".join(map(re.escape, spec.words.participles))
        self._participle = re.compile(rf",\s*(?:{opening})\b") if opening else None
        # "Net income for the Quarter": a period's own words never name a part.
        self.period_words = frozenset(w for ws in vocabulary().units.values() for w in ws)
        self.openers = tuple(t for t in (label_tokens(w) for w in spec.words.definitions) if t)
        events = "|".join(r"\s+".join(map(re.escape, w.split())) for w in spec.words.event_dates)
        self._event = re.compile(rf"\b(?:{events})\s*$", re.IGNORECASE) if events else None

    def _add(self, tokens: tuple[str, ...], entry: Entry) -> None:
        entries = self.phrases.setdefault(tokens, [])
        if all(e.concept != entry.concept for e in entries):
            entries.append(entry)

    def without_filler(self, stream: list[Word]) -> list[Word]:
        """`stream` with filler words dropped."""
        keep = [True] * len(stream)
        norms = [w.norm for w in stream]
        for i, norm in enumerate(norms):
            for phrase in self._filler_by_first.get(norm, ()):
                n = len(phrase)
                if tuple(norms[i : i + n]) == phrase:
                    keep[i : i + n] = [False] * n
        return self._per_share_named([w for w, k in zip(stream, keep, strict=True) if k])

    def _per_share_named(self, stream: list[Word]) -> list[Word]:
        """ "The earnings per weighted average common share were $0.33", "Earnings per
        diluted Class A share": words between "per" and "share" that say which shares a
        per-share measure divides by, where the measure's wording holds fewer, are left out
        so that the wording ("earnings per share", "earnings per diluted share") names it;
        the words kept are the most of them with which a phrase still matches."""
        norms = [w.norm for w in stream]
        dropped: set[int] = set()
        for at, norm in enumerate(norms):
            share = self._share_word_after(stream, at) if norm == "per" else None
            if share is None or tuple(norms[at : share + 1]) in self.per_share:
                continue
            kept = self._kept_between(norms, at, share)
            if kept is not None:
                dropped.update(i for i in range(at + 1, share) if i not in kept)
        return [w for i, w in enumerate(stream) if i not in dropped]

    def _share_word_after(self, stream: list[Word], at: int) -> int | None:
        """Where the "share" that closes a "per" a few words on stands, in one run of words."""
        for end in range(at + 1, min(at + 2 + _PER_REACH, len(stream))):
            word = stream[end]
            if word.brk or word.figure is not None:
                return None
            if word.norm in self.share_nouns:
                return end if end > at + 1 else None
        return None

    def _kept_between(self, norms: list[str], at: int, share: int) -> set[int] | None:
        """The most words between "per" (at `at`) and "share" with which the words before
        "per" and after it are a phrase; None when no choice of them makes one."""
        middle = range(at + 1, share)
        for size in range(len(middle), -1, -1):
            for kept in combinations(middle, size):
                tail = ("per", *(norms[i] for i in kept), norms[share])
                for lead in range(1, _LONGEST_LEAD + 1):
                    if lead <= at and tuple(norms[at - lead : at]) + tail in self.phrases:
                        return set(kept)
        return None

    def mentions(self, stream: list[Word], text: str) -> list[Mention]:
        """Phrases in `stream` (longest first, no overlaps), qualified ones dropped."""
        norms = [w.norm for w in stream]
        found: list[tuple[int, int]] = []
        for first in range(len(norms)):
            longest = self._longest_from.get(norms[first], 0)
            for size in range(min(longest, len(norms) - first), 0, -1):
                if tuple(norms[first : first + size]) in self.phrases:
                    found.append((first, first + size - 1))
                    break
        chosen: list[tuple[int, int]] = []
        for first, last in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
            if all(last < a or first > b for a, b in chosen):
                chosen.append((first, last))
        result = []
        ordered = sorted(chosen)
        reach = self._continued_to(ordered, norms)
        ordered = [span for span in ordered if span not in reach.values()]
        covered = -1
        for place, (first, last) in enumerate(ordered):
            if first <= covered:
                continue  # inside the per-share name before it ("per ... common share")
            following = ordered[place + 1] if place + 1 < len(ordered) else None
            key = tuple(norms[first : last + 1])
            per_share = self._per_share_mention(stream, text, first, last, key)
            if per_share is not None:
                result.append(per_share)
                covered = per_share.last
                continue
            last = reach.get(first, (0, last))[1]
            if self._qualified(norms, last + 1) or _modifies(stream, text, last, following):
                continue
            start, end = stream[first].start, stream[last].end
            result.append(
                Mention(
                    first=first,
                    last=last,
                    start=start,
                    end=end,
                    text=text[start:end],
                    entries=tuple(self.phrases[key]),
                )
            )
        return result

    def on_basis(self, stream: list[Word], text: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions with those stated the non-GAAP way ("On a non-GAAP basis, ...,
        operating expenses were", "Non-GAAP Cash Operating Expenses") naming their non-GAAP
        concept, and dropped when the taxonomy has none: never the GAAP line item."""
        basis = self._basis.search(text) if self._basis else None
        result = []
        for mention in mentions:
            key = tuple(w.norm for w in stream[mention.first : mention.last + 1])
            if any(key[: len(w)] == w for w in self.non_gaap):
                result.append(mention)  # named the non-GAAP way already
                continue
            if not (basis and mention.start >= basis.end()) and not self._non_gaap_before(
                stream, mention.first
            ):
                result.append(mention)
                continue
            entries = next(
                (self.phrases[w + key] for w in self.non_gaap if w + key in self.phrases), None
            )
            if entries is not None:
                result.append(mention.model_copy(update={"entries": tuple(entries)}))
        return result

    def _non_gaap_before(self, stream: list[Word], first: int) -> bool:
        """A non-GAAP word a few words before a phrase, in the same run of words."""
        for at in range(first - 1, max(first - 1 - _NON_GAAP_REACH, -1), -1):
            if any(tuple(w.norm for w in stream[at : at + len(q)]) == q for q in self.non_gaap):
                return True
            if stream[at].brk or stream[at].figure is not None or stream[at + 1].brk:
                return False
        return False

    def _per_share_mention(
        self, stream: list[Word], text: str, first: int, last: int, key: tuple[str, ...]
    ) -> Mention | None:
        """ "Net loss per basic and diluted common share": an amount's phrase followed by
        "per ... share" names the amount's per-share measure ([[per_share_of]]), diluted,
        basic, both or neither by the words between."""
        if last + 1 >= len(stream) or stream[last + 1].norm != "per":
            return None
        share = self._share_word_after(stream, last + 1)
        named = {e.concept for e in self.phrases.get(key, ())}
        family = next((f for f in self.per_share_of if named & set(f.amount)), None)
        if share is None or family is None:
            return None
        concept = family.named_by({w.norm for w in stream[last + 2 : share]})
        start, end = stream[first].start, stream[share].end
        entry = Entry(concept=concept)
        return Mention(
            first=first, last=share, start=start, end=end, text=text[start:end], entries=(entry,)
        )

    def _continued_to(
        self, spans: list[tuple[int, int]], norms: list[str]
    ) -> dict[int, tuple[int, int]]:
        """For each phrase continued by the phrase right after it ("Basic earnings per
        share" + "attributable to owners of the parent"), that continuation: its words say
        whose the measure is, not which (alone, as a row's label, they name the profit),
        so the two are one mention of the first."""
        continued: dict[int, tuple[int, int]] = {}
        for (first, last), (after, end) in pairwise(spans):
            words = tuple(norms[after : end + 1])
            if last == after - 1 and any(words[: len(c)] == c for c in self.continuations):
                continued[first] = (after, end)
        return continued

    def dates_an_event(self, text: str, start: int) -> bool:
        """Whether the words before `start` make the date there an event's day ("payable
        on", "of record on"), not a period a figure belongs to."""
        return self._event is not None and self._event.search(text, 0, start) is not None

    def qualified_before(
        self,
        text: str,
        start: int,
        periods: tuple[tuple[int, int], ...] = (),
        names: frozenset[str] = frozenset(),
    ) -> bool:
        """A capitalised name right before a phrase narrows it ("MGM China net revenues",
        "International sales"): the phrase does not name the whole. A word that says when
        ("Q3 revenue", "Full-year revenue": a period phrase among `periods`; "Interim
        dividend": a neutral word) or the issuer's name (a word of `names`) does not."""
        match = _PREVIOUS_WORD.search(text, 0, start)
        if match is None:
            return False
        word = match.group(1)
        whole = self._whole(word, match.start(1), match.end(1), periods, names)
        if not whole and (word[:1].isupper() or word.lower() in self.part_nouns):
            return True
        return self._name_further_back(text, match, periods, names)

    def _name_further_back(
        self,
        text: str,
        match: re.Match[str] | None,
        periods: tuple[tuple[int, int], ...],
        names: frozenset[str],
    ) -> bool:
        """ "India biodiesel annual revenues", "California ethanol revenue": past words
        that say when (a neutral word or a period's) and up to two words in lower case that
        say which product ("biodiesel"), a name narrows the phrase to a part, as a name
        right before it would. Without such a word a capitalised one is a title's ("Acme
        Reports Record Annual Revenues"); a verb of the prose ("Management expects annual
        revenue"), an article, a joining word or punctuation ends the run: the whole."""
        modifiers = 0
        for _ in range(_PART_REACH):
            if match is None:
                return False
            word = match.group(1)
            if not label_tokens(word):
                return False  # an article or a stop word: the phrase is an object
            if self._whole(word, match.start(1), match.end(1), periods, names):
                pass
            elif word[:1].isupper():
                return modifiers > 0
            elif modifiers < _MODIFIER_REACH and self._modifier(word):
                modifiers += 1
            else:
                return False
            match = _PREVIOUS_WORD.search(text, 0, match.start(1))
        return False

    def _modifier(self, word: str) -> bool:
        """A word in lower case that can say which product or business ("biodiesel",
        "ethanol"): no verb of the prose, preposition or joining word."""
        lowered = word.lower()
        return lowered not in self.verbs | self.part_prepositions | self.joiners

    def qualified_after(
        self,
        text: str,
        end: int,
        periods: tuple[tuple[int, int], ...] = (),
        names: frozenset[str] = frozenset(),
    ) -> bool:
        """A preposition and a name right after a phrase narrow it ("Sales in Europe",
        "Operating income in the Industrial segment", "Revenue from Services"), as does a
        part noun among the next words ("Revenue in our industrial segment"). A period
        ("Revenue in Q4", "for the Quarter") or the issuer (`names`) is the whole."""
        following: list[re.Match[str]] = []
        for match in _NEXT_WORD.finditer(text, end):
            if match.start() != (following[-1].end() if following else end):
                break
            following.append(match)
            if len(following) == _PART_REACH:
                break
        if not following or following[0].group(1).lower() not in self.part_prepositions:
            return False
        rest = following[1:]
        while rest and rest[0].group(1).lower() in self.neutral:
            rest.pop(0)
        if not rest:
            return False
        first = rest[0]
        if self._whole(first.group(1), first.start(1), first.end(1), periods, names):
            return False
        return first.group(1)[:1].isupper() or any(
            m.group(1).lower() in self.part_nouns for m in rest
        )

    def qualified_subject(
        self,
        text: str,
        start: int,
        periods: tuple[tuple[int, int], ...] = (),
        names: frozenset[str] = frozenset(),
    ) -> bool:
        """A phrase after its clause's subject and verb ("The Widget division (WD) generated
        revenue of ...", "Kingsco delivered record revenue of ...") names that subject's
        figure: a part's when the subject holds a part noun or is a name that is neither a
        neutral word ("The Company", "We") nor the issuer's (`names`)."""
        found = self._subject_before_verb(text, start)
        if found is None:
            return False
        words, run_start = found
        if any(w.group(0).lower() in self.part_nouns for w in words):
            return True
        run = [w for w in words if w.start() >= run_start]
        return self._names_a_part(run, periods, names)

    def _subject_before_verb(self, text: str, start: int) -> tuple[list[re.Match[str]], int] | None:
        """The words of the clause before its verb of `subject_verbs` (a bracketed
        abbreviation blanked out), and where their last unbroken run starts: the subject
        of the verb that reports the figure at `start`; None without such a verb."""
        if self._subject_verb is None:
            return None
        clause = text.rfind(";", 0, start) + 1
        verb = self._subject_verb.search(text, clause, start)
        if verb is None:
            return None
        subject = _BRACKETED.sub(lambda m: " " * len(m.group(0)), text[: verb.start()])
        breaks = list(_RUN_BREAK.finditer(subject, clause))
        run_start = breaks[-1].end() if breaks else clause
        return list(_ANY_WORD.finditer(subject, clause)), run_start

    def held_by_another(
        self,
        text: str,
        start: int,
        periods: tuple[tuple[int, int], ...] = (),
        names: frozenset[str] = frozenset(),
    ) -> bool:
        """ "The company's advertising offerings generated $317 million in revenue": the
        subject of the verb that reports an amount the phrase after it names holds the
        amount; unless every word of it is neutral or the issuer's ("The Company had $45.2
        million in cash", "We generated ..."), it is a part's."""
        found = self._subject_before_verb(text, start)
        if found is None:
            return False
        words = [w for w in found[0] if w.start() >= found[1]]
        return any(not self._whole(w.group(0), w.start(), w.end(), periods, names) for w in words)

    def participle_of_a_part(
        self,
        text: str,
        start: int,
        periods: tuple[tuple[int, int], ...] = (),
        names: frozenset[str] = frozenset(),
        line_items: tuple[tuple[int, int], ...] = (),
    ) -> bool:
        """ "The August Holden Torana campaign broke company records, generating $776K in
        sales": a phrase in a participle clause (`participles`) names the figure of the main
        clause's subject, the words the clause opens with. It is a part's when those words
        hold a part noun, or are a name with a word that is neither neutral nor the issuer's
        after the clause's first word (a first word is capitalised whatever it is); a
        subject that is a line item ("Revenue grew 20%, generating ...", `line_items`) or
        has a verb of `subject_verbs` (read by `qualified_subject`) is not a part."""
        if self._participle is None:
            return False
        clause = text.rfind(";", 0, start) + 1
        openers = list(self._participle.finditer(text, clause, start))
        opener = openers[-1] if openers else None
        if opener is None or self._has_subject_verb(text, clause, start):
            return False
        main = _BRACKETED.sub(lambda m: " " * len(m.group(0)), text[: opener.start()])
        first_break = _RUN_BREAK.search(main, clause)
        end = first_break.start() if first_break else len(main)
        words = list(_ANY_WORD.finditer(main, clause, end))
        if not words or any(a < end and clause < b for a, b in line_items):
            return False
        run = list(takewhile(lambda w: w.group(0)[:1].isupper() or self._neutral(w), words))
        head = words[: len(run) + 1]
        if any(w.group(0).lower() in self.part_nouns for w in head):
            return True
        return any(
            not self._whole(w.group(0), w.start(), w.end(), periods, names) for w in run[1:]
        ) and self._names_a_part(run, periods, names)

    def _has_subject_verb(self, text: str, start: int, end: int) -> bool:
        return self._subject_verb is not None and bool(self._subject_verb.search(text, start, end))

    def _names_a_part(
        self,
        run: list[re.Match[str]],
        periods: tuple[tuple[int, int], ...],
        names: frozenset[str],
    ) -> bool:
        """Whether the words right before a verb are a name (every word capitalised or
        neutral) with a word that is not neutral, a period's or the issuer's."""
        if not run or not all(w.group(0)[:1].isupper() or self._neutral(w) for w in run):
            return False
        return any(not self._whole(w.group(0), w.start(), w.end(), periods, names) for w in run)

    def _neutral(self, word: re.Match[str]) -> bool:
        return word.group(0).lower() in self.neutral

    def _whole(
        self,
        word: str,
        start: int,
        end: int,
        periods: tuple[tuple[int, int], ...],
        names: frozenset[str],
    ) -> bool:
        """Whether `word`, next to a phrase, leaves it naming the whole: a word of a period
        phrase or a period's own word, a neutral word, or a word of the issuer's name."""
        if any(a < end and start < b for a, b in periods):
            return True
        lowered = word.lower()
        stem = lowered.rstrip("'\u2019s")
        return bool({lowered, stem} & (self.neutral | self.period_words | names))

    def _qualified(self, norms: list[str], after: int) -> bool:
        return any(tuple(norms[after : after + len(q)]) == q for q in self.qualifiers)

    def defined(self, footnote: str) -> tuple[Entry, ...]:
        """The concepts a footnote defines its term as ("Refers to cumulative registered
        users across our platform."): a wording of theirs right after a defining opener."""
        stream = self.without_filler(words(footnote))
        norms = tuple(w.norm for w in stream)
        for opener in self.openers:
            if norms[: len(opener)] != opener:
                continue
            for mention in self.mentions(stream, footnote):
                if mention.first == len(opener):
                    return mention.entries
        return ()

    def templates_in(self, stream: list[Word]) -> list[TemplateMatch]:
        """Template matches in `stream` (figures are `FIGURE` words): per figure the longest,
        with every concept whose template reads the same."""
        best: dict[int, TemplateMatch] = {}
        for _, first, template in sorted(self._candidates(stream)):
            match = _match(template, stream, first)
            if match is None:
                continue
            known = best.get(match.figure)
            if known is None or match.end - match.start > known.end - known.start:
                best[match.figure] = match
            elif (known.start, known.end, known.slot) == (match.start, match.end, match.slot):
                entries = known.entries + match.entries
                best[match.figure] = known.model_copy(update={"entries": entries})
        return sorted(best.values(), key=lambda m: m.start)

    def _candidates(self, stream: list[Word]) -> list[tuple[int, int, Template]]:
        """(template order, start, template) for every start a template could match at:
        its first word must be there, unless it opens with a slot."""
        candidates = []
        anywhere = self._templates_by_first.get(None, [])
        for first, word in enumerate(stream):
            key = FIGURE if word.figure is not None else word.norm
            literal = self._templates_by_first.get(key, [])
            for order, template in (*anywhere, *literal):
                candidates.append((order, first, template))
        return candidates


def _modifies(stream: list[Word], text: str, last: int, following: tuple[int, int] | None) -> bool:
    """A phrase printed right before another ("common share dividend", "loan loss
    provision") modifies it: the compound names the last one's thing, as English puts
    its head noun last, so the first names no figure."""
    if following is None or following[0] != last + 1:
        return False
    return not text[stream[last].end : stream[following[0]].start].strip(" -\u2010")


def _index_by_first_word(
    templates: tuple[Template, ...],
) -> dict[str | None, list[tuple[int, Template]]]:
    """Templates (with their order) by the word they open with: a literal, `FIGURE` for a
    value or share slot, None for a member slot (which can start anywhere)."""
    index: dict[str | None, list[tuple[int, Template]]] = {}
    for order, template in enumerate(templates):
        first = template.items[0] if template.items else None
        key = first
        if first in _FIGURE_SLOTS:
            key = FIGURE
        elif first is None or first.startswith("{"):
            key = None
        index.setdefault(key, []).append((order, template))
    return index


def _part_templates(taxonomy: Taxonomy, prose_of: dict[str, ProseEntry]) -> Iterator[Template]:
    """The general part wordings ("{figure} of {whole} was under {part}") for every concept
    that names its total and its own names: the part's names fill `{part}`, and `{whole}`
    must end in a head noun of the total's wordings, so that "of such loan volume" and "of
    the year-end loan balance" pick the part of the total they speak of."""
    wordings = taxonomy.narrative.words.part_templates
    for entry in taxonomy.narrative.prose:
        if entry.part_of is None or not entry.part_names:
            continue
        heads = _heads(taxonomy, prose_of.get(entry.part_of), entry.part_of)
        for wording in wordings:
            for name in entry.part_names:
                items = _template_items(wording.replace("{part}", name))
                yield Template(
                    items=items, entry=Entry(concept=entry.concept, prose=entry), heads=heads
                )


def _heads(taxonomy: Taxonomy, prose: ProseEntry | None, concept: str) -> frozenset[str]:
    """The last word of each wording of `concept` (its label, synonyms and phrases)."""
    known = taxonomy.concepts.get(concept)
    texts = [*(prose.phrases if prose else ()), *((known.label, *known.synonyms) if known else ())]
    return frozenset(tokens[-1] for tokens in map(label_tokens, texts) if tokens)


def _template_items(text: str) -> tuple[str, ...]:
    items: list[str] = []
    position = 0
    for slot in _SLOT.finditer(text):
        items.extend(label_tokens(text[position : slot.start()], drop_parenthesised=False))
        items.append("{" + slot.group(1) + "}")
        position = slot.end()
    items.extend(label_tokens(text[position:], drop_parenthesised=False))
    return tuple(items)


_MEMBER_WORDS = 4


def _match(template: Template, stream: list[Word], first: int) -> TemplateMatch | None:
    figure: int | None = None
    slot = ""
    member: tuple[int, int] | None = None
    position = first
    for item in template.items:
        if position >= len(stream):
            return None
        word = stream[position]
        if item in _FIGURE_SLOTS:
            if word.figure is None:
                return None
            figure, slot = word.figure, item.strip("{}")
            position += 1
        elif item == "{whole}":
            position = _whole(stream, position, template.heads)
            if position < 0:
                return None
        elif item == "{member}":
            member, position = _member(stream, position)
            if member is None:
                return None
        elif word.norm == item and word.figure is None:
            position += 1
        else:
            return None
    if figure is None:
        return None
    start, end = stream[first].start, stream[position - 1].end
    return TemplateMatch(
        figure=figure,
        slot=slot,
        start=start,
        end=end,
        member=member,
        entries=(template.entry,),
        names_part=bool(template.heads),
    )


def _whole(stream: list[Word], position: int, heads: frozenset[str]) -> int:
    """The position after a total's few words ("such loan volume"): they end at the first
    head noun, within a few words and no punctuation; -1 when there is none."""
    for end in range(position, min(len(stream), position + _MEMBER_WORDS)):
        word = stream[end]
        if word.figure is not None or (end > position and word.brk):
            return -1
        if word.norm in heads:
            return end + 1
    return -1


def _member(stream: list[Word], position: int) -> tuple[tuple[int, int] | None, int]:
    """A breakdown member's words (at most a few, up to a break) as a (first, last) span."""
    end = position
    while end < len(stream) and end - position < _MEMBER_WORDS and stream[end].figure is None:
        end += 1
        if end < len(stream) and stream[end].brk:
            break
    if end == position:
        return None, position
    return (stream[position].start, stream[end - 1].end), end


@cache
def _indexes() -> dict[int, PhraseIndex]:
    return {}


def phrase_index(taxonomy: Taxonomy) -> PhraseIndex:
    """The index for `taxonomy` (built once)."""
    indexes = _indexes()
    if id(taxonomy) not in indexes:
        indexes[id(taxonomy)] = PhraseIndex(taxonomy)
    return indexes[id(taxonomy)]
