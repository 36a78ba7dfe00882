"""The part of the company a whole table reports.

A release may print the same statistics once per segment, each table under a heading
naming the segment ("Las Vegas Strip Resorts") or after a sentence that does ("The
following table shows key gaming statistics for Regional Operations:"). Every figure of
such a table is that part's: its line items are the concepts themselves, with the part
as a member, never the whole company's figures (the first table) nor concepts of their
own (the tables after it).

The evidence, strongest first: the sentence introducing the table names a part the way
prose does (a part preposition and a name: "for MGM China"; a name and a part noun: "of
the Industrial segment"); the heading just above the table is a name with a part noun
("Industrial Segment"); or the heading is a name and sibling tables print the same row
labels under other such headings (each heading one member). A name is capitalised words
that are not all neutral, a period's or the issuer's own (the prose reader's words from
the taxonomy); a heading the taxonomy reads as a statement's title, a basis ("Non-GAAP
Results") or a line item ("Adjusted EBITDA") names no part, nor does a heading a table
only inherited from the tables above it (a page heading).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from exporter.labels import contains_phrase, label_tokens, strip_footnotes
from exporter.period_phrases import parse_phrase
from exporter.tables.context import is_period_heading
from exporter.tables.model import StatementTable
from exporter.taxonomy import Taxonomy
from exporter.unit_phrases import only_a_unit
from exporter.vocabulary import vocabulary

_WORD = re.compile(r"[A-Za-z][\w&'\u2019.-]*")
# Punctuation between two words ends a name ("for MGM China: ...", "for Europe, where").
_BREAK = re.compile(r"[,;:()\[\]!?\u2013\u2014]|\.\s|\s-\s")
# Sibling tables share at least this many row labels, and at least half of their own.
_SHARED_ROWS = 2
_MILLIONS = 6
# Only tables of no statement kind (supplementary statistics) report a part this way.
_SUPPLEMENTARY = "other"


@dataclass(frozen=True)
class PartWords:
    """The prose reader's words for parts, from the taxonomy, and the issuer's name."""

    prepositions: frozenset[str]
    nouns: frozenset[str]
    neutral: frozenset[str]
    periods: frozenset[str]
    issuer: frozenset[str]
    qualifiers: tuple[tuple[str, ...], ...]
    currencies: frozenset[str]

    @classmethod
    def of(cls, taxonomy: Taxonomy, issuer: str | None) -> PartWords:
        words = taxonomy.narrative.words
        return cls(
            prepositions=frozenset(w.lower() for w in words.part_prepositions),
            nouns=frozenset(w.lower() for w in words.part_nouns),
            neutral=frozenset(w.lower() for w in words.neutral_prefixes),
            periods=frozenset(w for ws in vocabulary().units.values() for w in ws),
            issuer=frozenset(
                form for w in _WORD.findall(issuer or "") for form in (w.lower(), *label_tokens(w))
            ),
            qualifiers=tuple(t for t in (_loose(w) for w in words.qualifiers) if t),
            currencies=frozenset(
                t for names in taxonomy.currencies.values() for n in names for t in _loose(n)
            ),
        )

    def qualifies(self, phrase: str) -> bool:
        """Whether a preposition and the words after it say how, not which part ("from
        Continuing Operations")."""
        words = _loose(phrase)
        return any(contains_phrase(words, q) for q in self.qualifiers)

    def is_plural_noun(self, word: str) -> bool:
        """A part noun naming several parts ("Segments", "and Subsidiaries"): no one."""
        return word.lower() in self.nouns and label_tokens(word) != (word.lower(),)

    def is_neutral(self, word: str) -> bool:
        lowered = word.lower()
        return lowered in self.neutral or lowered.rstrip(".") in self.neutral

    def whole(self, word: str) -> bool:
        """A word that leaves a name naming the whole: neutral, a period's or the issuer's."""
        lowered = word.lower().rstrip(".")
        stem = lowered.rstrip("'\u2019s")
        return self.is_neutral(word) or bool({lowered, stem} & (self.periods | self.issuer))

    def is_name(self, words: list[str]) -> bool:
        """Capitalised (or neutral) words, one of them neither neutral, a period's nor the
        issuer's, that state no period ("Fourth Quarter", "Q4") nor a unit ("Euros")."""
        if not words or not all(w[:1].isupper() or self.is_neutral(w) for w in words):
            return False
        text = " ".join(words)
        # Stop words say nothing of whose a name is ("MGM RESORTS INTERNATIONAL AND" before
        # "SUBSIDIARIES" is the issuer's).
        if all(self.whole(w) for w in label_tokens(text)):
            return False
        if set(_loose(text)) <= self.currencies:
            return False
        return parse_phrase(text).is_empty and not only_a_unit(text)


def _loose(text: str) -> tuple[str, ...]:
    """The words of `text` as the mapper reads them, without a plural's "s" (the
    taxonomy's "from continuing operation" is "from Continuing Operations")."""
    return tuple(t.rstrip("s") or t for t in label_tokens(text))


def _runs(text: str) -> list[list[re.Match[str]]]:
    """The words of `text` in runs that no punctuation breaks."""
    runs: list[list[re.Match[str]]] = [[]]
    end = 0
    for match in _WORD.finditer(text):
        if runs[-1] and _BREAK.search(text, end, match.start()):
            runs.append([])
        runs[-1].append(match)
        end = match.end()
    return [run for run in runs if run]


def _name_after(run: list[str], start: int, words: PartWords) -> list[str]:
    """The capitalised name starting at `start` (leading neutral words skipped), up to the
    first word that is neither capitalised nor neutral, or a part noun."""
    while start < len(run) and words.is_neutral(run[start]):
        start += 1
    name: list[str] = []
    for word in run[start:]:
        if word.lower() in words.nouns or not (word[:1].isupper() or words.is_neutral(word)):
            break
        name.append(word)
    while name and words.is_neutral(name[-1]):
        name.pop()
    return name


def _name_before_noun(run: list[str], noun: int, words: PartWords) -> list[str]:
    """The capitalised name right before the part noun at `noun` ("the Industrial
    segment", "Industrial Segment Results")."""
    start = noun
    while start > 0 and (run[start - 1][:1].isupper() or words.is_neutral(run[start - 1])):
        start -= 1
    return _name_after(run[:noun], start, words)


def sentence_part(text: str, words: PartWords, names_line_item: Callable[[str], bool]) -> str:
    """The part a sentence introducing a table names ("... statistics for Regional
    Operations:", "... results of the Industrial segment:"), or "". A line item after a
    preposition ("... to Adjusted EBITDA for Adjusted Operating Income:") is no part."""
    for matches in _runs(text):
        run = [m.group(0) for m in matches]
        for i, word in enumerate(run):
            lowered = word.lower()
            if lowered in words.prepositions and word.islower():
                name = _name_after(run, i + 1, words)
                if words.qualifies(" ".join(run[i : i + 1 + len(name)])):
                    continue
            elif lowered in words.nouns and not words.is_plural_noun(word):
                name = _name_before_noun(run, i, words)
            else:
                continue
            part = " ".join(name).rstrip(".")
            if words.is_name(name) and not names_line_item(part):
                return part
    return ""


def heading_part(text: str, words: PartWords) -> str:
    """The part a heading names with a part noun ("Industrial Segment"), or ""."""
    run = [m.group(0) for m in _WORD.finditer(text)]
    for i, word in enumerate(run):
        if word.lower() in words.nouns and not words.is_plural_noun(word):
            name = _name_before_noun(run, i, words)
            if words.is_name(name):
                return " ".join(name).rstrip(".")
    return ""


def _heading(table: StatementTable) -> str:
    return strip_footnotes(table.title).strip().rstrip(":").strip()


def _may_name_part(
    table: StatementTable,
    words: PartWords,
    taxonomy: Taxonomy,
    names_line_item: Callable[[str], bool],
    says_basis: Callable[[str], bool],
) -> bool:
    """Whether a table's own heading is a name that may be a part's: not a title the
    taxonomy reads as a statement's, a period, a basis or a line item."""
    heading = _heading(table)
    if table.title_inherited or not heading or is_period_heading(heading):
        return False
    if any(s.matches_title(heading) for s in taxonomy.statements_by_priority()):
        return False
    if not words.is_name([m.group(0) for m in _WORD.finditer(heading)]):
        return False
    return not says_basis(heading) and not names_line_item(heading)


def _row_labels(table: StatementTable) -> frozenset[tuple[str, ...]]:
    return frozenset(
        tokens
        for block in table.blocks
        for row in block.rows
        if row.cells and (tokens := label_tokens(strip_footnotes(row.label)))
    )


def _siblings(candidates: list[StatementTable]) -> set[int]:
    """Tables (by index) that print the same row labels as another candidate under
    another heading."""
    labels = {t.index: _row_labels(t) for t in candidates}
    found: set[int] = set()
    for i, one in enumerate(candidates):
        for other in candidates[i + 1 :]:
            if label_tokens(_heading(one)) == label_tokens(_heading(other)):
                continue
            mine, theirs = labels[one.index], labels[other.index]
            shared = len(mine & theirs)
            if shared >= _SHARED_ROWS and 2 * shared >= min(len(mine), len(theirs)):
                found |= {one.index, other.index}
    return found


_PrintedRow = tuple[tuple[str, ...], tuple[Decimal, ...]]


def _printed_rows(table: StatementTable) -> set[_PrintedRow]:
    """A table's rows as their label's words and the amounts they print, in millions of
    the unit (the same figure printed in thousands in one table, millions in another)."""
    scale = Decimal(10) ** (table.scale.money - _MILLIONS)
    return {
        (tokens, tuple(c.number.value * scale for c in row.cells))
        for block in table.blocks
        for row in block.rows
        if row.cells and (tokens := label_tokens(strip_footnotes(row.label)))
    }


def _wholes(tables: tuple[StatementTable, ...], group: set[int]) -> set[int]:
    """Sibling tables that print a line item with the very figures a table outside the
    group prints for it (a page of "Financial Highlights" repeating the income
    statement's net sales): the company's own figures, not one more part's."""
    outside: set[_PrintedRow] = set()
    for table in tables:
        if table.index not in group:
            outside |= _printed_rows(table)
    return {t.index for t in tables if t.index in group and _printed_rows(t) & outside}


def _columns_name_members(table: StatementTable) -> bool:
    return any(c.member for block in table.blocks for c in block.columns)


def table_parts(
    tables: tuple[StatementTable, ...],
    taxonomy: Taxonomy,
    issuer: str | None,
    names_line_item: Callable[[str], bool],
    says_basis: Callable[[str], bool],
) -> dict[int, str]:
    """The part each table reports, by table index, where the release names one."""
    words = PartWords.of(taxonomy, issuer)
    supplementary = [t for t in tables if t.kind == _SUPPLEMENTARY and not _columns_name_members(t)]
    named = [
        t for t in supplementary if _may_name_part(t, words, taxonomy, names_line_item, says_basis)
    ]
    siblings = _siblings(named)
    siblings -= _wholes(tables, siblings)
    parts: dict[int, str] = {}
    for table in supplementary:
        heading = _heading(table)
        part = sentence_part(table.lead, words, names_line_item) if table.lead else ""
        if not part and table in named:
            part = heading_part(heading, words) or (heading if table.index in siblings else "")
        if part:
            parts[table.index] = part
    return parts
