"""Prose as passages: paragraphs and bullets with their section, line numbers and footnote marks.

Readers split text where the layout breaks it, sometimes mid-sentence ("... compared to
RMB481.2 million in the same period of 2023" / "and RMB258.7 million in the prior
quarter."): a paragraph that starts in lower case continues one that ends without a full
stop. Footnote marks ("loan volume^{*4}", "Non-GAAP⁹") are taken out of the text and kept
with their positions; paragraphs that start with a mark seen earlier are the footnotes.
"""

from __future__ import annotations

import re
import unicodedata

from exporter.document import Document, Heading, Paragraph, Table
from exporter.models import Frozen
from exporter.taxonomy_narrative import ends_with_abbreviation

_SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
# "^{*4}" (Markdown copies), "⁹" or "*⁹" (superscript digits, a printed star before them),
# "volume*4" (a raised "*4" as text).
# A footnote mark: "^{*4}", a superscript, "*4" after a word, or "(1)" glued to a word
# ("Adjusted net earnings(1) of").
_MARK = re.compile(
    rf"\^\{{\*?(?P<a>[0-9a-zA-Z]{{1,3}})\}}|\*?(?P<b>[{_SUPERSCRIPTS}]+)"
    r"|(?<=[A-Za-z)\"\u201d])\*(?P<c>\d{1,2})(?!\d)"
    r"|(?<=[A-Za-z])\((?P<d>\d{1,2})\)(?=[\s,.;:]|$)"
)
_FOOTNOTE_HEAD = re.compile(rf"^\s*(?:(?P<a>\d{{1,2}})|(?P<b>[{_SUPERSCRIPTS}]+))\s+(?=\S)")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25cf\u25aa\u2013\u2014]|\d{1,2}[.)])\s+")
_TERMINAL = (".", "!", "?", ":", '"', "\u201d", ")", ";")
# A sentence starts with a capital, a figure or a currency sign ("$79.6 billion of ...").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"\u201d\u2019)]*\s+(?=[\"\u201c(]?[A-Z0-9$\u20ac\u00a3\u00a5\u20b9])"
    # Headline points set between dashes, one after the other ("-- Diluted EPS of $0.94 --
    # -- Raises Full-Year Outlook --"): each its own sentence.
    r"|(?<=\s--)\s+(?=--\s)"
)
_CURRENCY_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{1,2}\.$")


class Mark(Frozen):
    """A footnote mark taken out of a passage: its label and where it stood."""

    label: str
    offset: int


class Passage(Frozen):
    """One paragraph or bullet (joined when a reader split it), cleaned of footnote marks."""

    text: str
    # (offset, line): the source line of each part, for the figures' line numbers.
    lines: tuple[tuple[int, int], ...]
    page: int | None = None
    section: str
    marks: tuple[Mark, ...] = ()
    # The mark this passage is the footnote of, or None for running text.
    footnote: str | None = None

    def line_at(self, offset: int) -> int:
        line = self.lines[0][1]
        for start, number in self.lines:
            if start > offset:
                break
            line = number
        return line

    def sentences(self, stops: frozenset[str]) -> list[tuple[int, int]]:
        """(start, end) of each sentence of the passage; the full stop of one of `stops`
        ("Inc.", "Mr.": `NarrativeWords.stops`) or of an initial ends none."""
        bounds, start = [], 0
        for match in _SENTENCE_END.finditer(self.text):
            head = self.text[start : match.start()]
            if ends_with_abbreviation(head.rstrip('"\u201d\u2019)'), stops):
                continue
            if _CURRENCY_ABBREVIATION.search(head) and self.text[match.end() :][:1].isdigit():
                continue  # "Ps. 18,742 million", "Rs. 4,812 crore": a currency, not an end
            bounds.append((start, match.start()))
            start = match.end()
        bounds.append((start, len(self.text)))
        return [(a, b) for a, b in bounds if self.text[a:b].strip()]


def _label(match: re.Match[str]) -> str:
    """ "^{*4}" -> "4"; "⁹" -> "9"; "¹⁰" -> "10"; "*4" -> "4"."""
    groups = match.re.groupindex
    for name in ("a", "c", "d"):
        if name in groups and match[name]:
            return match[name]
    return "".join(str(_SUPERSCRIPTS.index(c)) for c in match["b"])


def _clean(text: str) -> tuple[str, tuple[Mark, ...]]:
    """Text without footnote marks, Markdown emphasis or escapes; the marks with offsets."""
    text = unicodedata.normalize("NFC", text).replace("\\$", "$").replace("**", "")
    parts: list[str] = []
    marks: list[Mark] = []
    position = 0
    length = 0
    for match in _MARK.finditer(text):
        parts.append(text[position : match.start()])
        length += match.start() - position
        marks.append(Mark(label=_label(match), offset=length))
        position = match.end()
    parts.append(text[position:])
    return "".join(parts), tuple(marks)


def _footnote_of(text: str, seen: set[str]) -> tuple[str | None, str]:
    """The mark a paragraph is the footnote of (a mark seen before), and its text after it."""
    match = _FOOTNOTE_HEAD.match(text)
    if match is None:
        return None, text
    label = _label(match)
    if label not in seen:
        return None, text
    return label, text[match.end() :]


def _continues(previous: Passage | None, text: str) -> bool:
    if previous is None or previous.footnote is not None:
        return False
    stripped = text.lstrip()
    return bool(stripped[:1].islower()) and not previous.text.rstrip().endswith(_TERMINAL)


def _joined(previous: Passage, text: str, line: int, marks: tuple[Mark, ...]) -> Passage:
    glue = previous.text.rstrip() + " "
    offset = len(glue)
    shifted = tuple(Mark(label=m.label, offset=m.offset + offset) for m in marks)
    return previous.model_copy(
        update={
            "text": glue + text,
            "lines": (*previous.lines, (offset, line)),
            "marks": previous.marks + shifted,
        }
    )


def _paragraph(block: Paragraph, seen: set[str]) -> tuple[str | None, str, tuple[Mark, ...]]:
    """A paragraph's footnote mark (if it is a footnote), cleaned text and marks."""
    footnote, body = _footnote_of(block.text, seen)
    if footnote is None:
        body = _BULLET.sub("", body, count=1)
    text, marks = _clean(body)
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    marks = tuple(
        Mark(label=m.label, offset=min(len(text), max(0, m.offset - lead))) for m in marks
    )
    return footnote, text, marks


def read_passages(document: Document) -> tuple[Passage, ...]:
    """Every paragraph and bullet of `document` as a passage, in order."""
    passages: list[Passage] = []
    section = ""
    seen: set[str] = set()
    for block in document.blocks:
        if isinstance(block, Table):
            continue
        if isinstance(block, Heading):
            section = _clean(block.text)[0].strip()
            continue
        footnote, text, marks = _paragraph(block, seen)
        seen.update(m.label for m in marks)
        if not text:
            continue
        previous = passages[-1] if passages else None
        if footnote is None and previous is not None and _continues(previous, text):
            passages[-1] = _joined(previous, text, block.line, marks)
            continue
        passages.append(
            Passage(
                text=text,
                lines=((0, block.line),),
                page=block.page,
                section=section,
                marks=marks,
                footnote=footnote,
            )
        )
    return tuple(passages)
