"""PDF words into printed lines and chunks: what pdfplumber's word list does not give.

pdfplumber gives words with boxes. A printed line is rebuilt from words whose boxes
overlap vertically (a wrapped label's numbers sit between its two lines; a footnote marker
is raised above its line). Small raised markers are glued to the word before them as
superscripts ("July 29, 2023¹", "year¹"), so they are never read as numbers of their own.
A chunk is a run of words printed close together: one cell's worth of text. A `$` printed
apart from its number joins it, and so does a `%` printed after one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from exporter.numbers import is_year, parse_number
from exporter.vocabulary import currency_marks

_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_MARKER = re.compile(
    r"^(?:\(?\d{1,2}\)?(?:[,(]\s*\d{1,2}\)?)*|\([a-z]\)|\*{1,3}\d{0,2}|[†‡§]|st|nd|rd|th)$"
)
_DASH_PERCENT = re.compile(r"^[-–—]\s*%$")
_CURRENCY_MARKS = currency_marks()
_APPROXIMATE = "~"
_APPROXIMATE_MARK = re.compile(r"^~(?:\s*(?:" + "|".join(map(re.escape, _CURRENCY_MARKS)) + r"))?$")
_SUPERSCRIPT_RATIO = 0.8
_RAISE_RATIO = 0.15
_HIGH_RATIO = 0.4
_CHUNK_GAP = 0.5
_GLUE_GAP = 1.5
_PERCENT_GAP = 1.5
# How close (in type sizes) two numbers' edges are to stand in one column.
_ALIGN_GAP = 0.6
_CREDIT_MARK = "CR"


@dataclass(frozen=True, slots=True)
class Word:
    """One word as placed on the page (points from the top-left corner)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str


@dataclass(frozen=True, slots=True)
class Chunk:
    """Words printed close together; `anchor` is where a number's last digit ends."""

    text: str
    x0: float
    x1: float
    anchor: float
    number: bool
    year: bool
    words: tuple[Word, ...] = ()

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class Line:
    """A printed line: its chunks from left to right, its place and its type size."""

    number: int
    top: float
    bottom: float
    size: float
    font: str
    chunks: tuple[Chunk, ...]

    @property
    def text(self) -> str:
        return " ".join(chunk.text for chunk in self.chunks)

    @property
    def x0(self) -> float:
        return self.chunks[0].x0

    @property
    def x1(self) -> float:
        return self.chunks[-1].x1


def build_lines(words: list[Word]) -> list[Line]:
    """Group words into printed lines, top to bottom, numbered from 1."""
    groups = _group_rows(words)
    lines = []
    for number, group in enumerate(groups, start=1):
        placed = _attach_superscripts(sorted(group, key=lambda w: w.x0))
        lines.append(_line(number, placed))
    return _credits_aligned(lines)


def _credits_aligned(lines: list[Line]) -> list[Line]:
    """A credit's anchor where its column's numbers end.

    A statement that marks credits "CR" ("310 CR") either sets the whole cell flush right,
    the mark inside the column, or, as a fixed-width print does, aligns the digits and
    hangs the mark past them. The digits' edge is the anchor unless only the cell's own
    edge lines up with the other numbers on the page.
    """
    edges = [c.anchor for line in lines for c in line.chunks if c.number and not _credit(c)]
    return [_with_credits_aligned(line, edges) for line in lines]


def _with_credits_aligned(line: Line, edges: list[float]) -> Line:
    gap = _ALIGN_GAP * line.size
    chunks = []
    for chunk in line.chunks:
        aligned = any(abs(edge - chunk.anchor) <= gap for edge in edges)
        if _credit(chunk) and not aligned and any(abs(e - chunk.x1) <= gap for e in edges):
            chunk = replace(chunk, anchor=chunk.x1)
        chunks.append(chunk)
    return replace(line, chunks=tuple(chunks))


def _credit(chunk: Chunk) -> bool:
    return chunk.number and chunk.text.endswith(_CREDIT_MARK)


def _group_rows(words: list[Word]) -> list[list[Word]]:
    """Words whose boxes overlap by half their height share a line.

    Marker-like words (short digits, "(1)") are placed after the others and need to
    overlap by half their own height only, so a raised footnote marker joins its line;
    other small text (a stacked header in a smaller type) must overlap half the taller box.
    """
    rows: list[list[Word]] = []
    bands: list[tuple[float, float]] = []
    markers = [w for w in words if _MARKER.match(w.text)]
    others = [w for w in words if not _MARKER.match(w.text)]
    for marker_pass, group in ((False, others), (True, markers)):
        for word in sorted(group, key=lambda w: (w.top, w.x0)):
            best = _best_band(bands, word, marker_pass)
            if best is None and marker_pass:
                best = _marked_row(rows, bands, word)
            if best is None:
                rows.append([word])
                bands.append((word.top, word.bottom))
                continue
            rows[best].append(word)
            if word.bottom - word.top > bands[best][1] - bands[best][0]:
                bands[best] = (word.top, word.bottom)
    order = sorted(range(len(rows)), key=lambda i: bands[i][0])
    return [rows[i] for i in order]


def _best_band(bands: list[tuple[float, float]], word: Word, small: bool) -> int | None:
    best, best_ratio = None, 0.5
    for index, (top, bottom) in enumerate(bands):
        if top > word.bottom or bottom < word.top:
            continue
        overlap = min(bottom, word.bottom) - max(top, word.top)
        heights = (bottom - top, word.bottom - word.top)
        ratio = overlap / max(min(heights) if small else max(heights), 0.1)
        if ratio >= best_ratio:
            best, best_ratio = index, ratio
    return best


def _marked_row(
    rows: list[list[Word]], bands: list[tuple[float, float]], marker: Word
) -> int | None:
    """The line whose word a raised marker follows closely, when it overlaps that line by
    less than half its height (a marker set high between two rows of a table)."""
    for index, (top, bottom) in enumerate(bands):
        raised_into = top < marker.bottom < bottom
        if not raised_into:
            continue
        if any(0 <= marker.x0 - w.x1 <= _CHUNK_GAP * w.size for w in rows[index]):
            return index
    return None


def _is_superscript(word: Word, size: float, baseline: float) -> bool:
    """A footnote marker or ordinal suffix ("53rd") in small type raised above the
    baseline, or one raised well above it whatever its size."""
    small = word.size <= _SUPERSCRIPT_RATIO * size
    raised = baseline - word.bottom >= _RAISE_RATIO * size
    high = baseline - word.bottom >= _HIGH_RATIO * size
    return ((small and raised) or high) and bool(_MARKER.match(word.text))


def _marker(text: str) -> str:
    """A footnote marker as superscript digits ("(1)" -> "¹"); letters keep parentheses."""
    if any(ch.isdigit() for ch in text):
        return "".join(ch for ch in text if ch not in "()").translate(_SUPERSCRIPT_DIGITS)
    return text


def _attach_superscripts(words: list[Word]) -> list[Word]:
    size = max(w.size for w in words)
    baseline = max(w.bottom for w in words if w.size >= _SUPERSCRIPT_RATIO * size)
    placed: list[Word] = []
    for word in words:
        if not _is_superscript(word, size, baseline):
            placed.append(word)
            continue
        marker = _marker(word.text)
        if placed and word.x0 - placed[-1].x1 <= _GLUE_GAP:
            host = placed[-1]
            placed[-1] = replace(host, text=host.text + marker, x1=max(host.x1, word.x1))
        else:
            placed.append(replace(word, text=marker))
    return placed


def _line(number: int, words: list[Word]) -> Line:
    sizes = sorted(w.size for w in words)
    size = sizes[len(sizes) // 2]
    fonts = [w.font for w in words]
    font = max(set(fonts), key=fonts.count)
    return Line(
        number=number,
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        size=size,
        font=font,
        chunks=tuple(_merge_marks(_chunks(words, size), size)),
    )


_ENDS_A_NUMBER = re.compile(r"\d[)%]?$")


def _chunks(words: list[Word], size: float) -> list[Chunk]:
    groups: list[list[Word]] = []
    for word in words:
        approximate = word.text.startswith(_APPROXIMATE)
        # A currency sign after a number opens the next cell, however close a negative's
        # hanging bracket comes to it ("(6.1)" then "$" of the next column).
        opens = (
            word.text in _CURRENCY_MARKS and groups and _ENDS_A_NUMBER.search(groups[-1][-1].text)
        )
        if opens:
            groups.append([word])
        elif groups and word.x0 - groups[-1][-1].x1 < _CHUNK_GAP * size and not approximate:
            groups[-1].append(word)
        else:
            groups.append([word])
    return [make_words_chunk(g, _anchor(g)) for g in groups]


def make_chunk(
    text: str, x0: float, x1: float, anchor: float | None = None, words: tuple[Word, ...] = ()
) -> Chunk:
    """A chunk, classified: a number (a dash, "-%") and whether it is a bare year."""
    number = parse_number(text) is not None or bool(_DASH_PERCENT.match(text))
    return Chunk(
        text=text,
        x0=x0,
        x1=x1,
        anchor=x1 if anchor is None else anchor,
        number=number,
        year=number and is_year(text),
        words=words,
    )


def make_words_chunk(words: list[Word] | tuple[Word, ...], anchor: float | None = None) -> Chunk:
    """A chunk of consecutive words of one line."""
    text = " ".join(w.text for w in words)
    return make_chunk(text, words[0].x0, words[-1].x1, anchor, tuple(words))


def _anchor(words: list[Word]) -> float:
    """The right edge of the last digit: closing brackets and % hang past the column."""
    for word in reversed(words):
        digits = [i for i, ch in enumerate(word.text) if ch.isdigit()]
        if digits:
            per_char = (word.x1 - word.x0) / max(len(word.text), 1)
            return word.x1 - per_char * (len(word.text) - 1 - digits[-1])
    return words[-1].x1


def _approximate(mark: Chunk, figure: Chunk) -> Chunk:
    """An approximate figure ("~ $1.00", the mark printed apart before it) as printed.

    It is a value where it stands (its column is the figure's), though not a number the
    table stage reads unless `parse_number` accepts its text.
    """
    currency = mark.text[1:].strip()
    return replace(
        figure,
        text=f"{_APPROXIMATE} {currency}{figure.text}",
        x0=mark.x0,
        year=False,
        words=mark.words + figure.words,
    )


def _merge_marks(chunks: list[Chunk], size: float) -> list[Chunk]:
    """Glue a lone `$` (or `~`, approximately) to the number after it and a lone `%` to
    the number before it.

    A `%` a column away from the number before it ("2021      %" in a header line whose
    next line reads "Change") heads a column of its own.
    """
    merged: list[Chunk] = []
    index = 0
    while index < len(chunks):
        chunk = chunks[index]
        following = chunks[index + 1] if index + 1 < len(chunks) else None
        if _APPROXIMATE_MARK.match(chunk.text) and following is not None and following.number:
            merged.append(_approximate(chunk, following))
            index += 2
            continue
        # A code opening the line is the row's label ("USD" in a table of rates).
        mark = chunk.text in _CURRENCY_MARKS and not (index == 0 and chunk.text.isalpha())
        if mark and following is not None and following.number:
            words = chunk.words + following.words
            merged.append(
                replace(following, text=chunk.text + following.text, x0=chunk.x0, words=words)
            )
            index += 2
            continue
        near = merged and chunk.x0 - merged[-1].x1 <= _PERCENT_GAP * size
        if chunk.text == "%" and near and merged[-1].number:
            previous = merged[-1]
            merged[-1] = make_chunk(
                previous.text + " %",
                previous.x0,
                chunk.x1,
                previous.anchor,
                previous.words + chunk.words,
            )
            index += 1
            continue
        merged.append(chunk)
        index += 1
    return merged
