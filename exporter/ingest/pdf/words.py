"""Positioned words of a PDF page, read with pdfium rather than pdfminer's interpreter.

pdfium (through pypdfium2, which pdfplumber already installs) reads a release's text
layer about seven times faster than pdfminer's Python content-stream interpreter, which
was nine tenths of reading a PDF. Words are cut as pdfplumber's `extract_words` cuts
them: at whitespace (pdfium's generated spaces included), at a gap of more than
`X_TOLERANCE` points, at a change of font or size, and where the baseline jumps. Boxes
follow pdfminer's convention, which the line builder's thresholds are tuned to: a
character's box runs from the font's descent below the baseline up one font size, and
the size is the font size times the text matrix's scale. A hyphen that pdfium marks as
ending a line (code 2) is a hyphen. Words are read as the page is displayed (a page
turned by /Rotate 90 or 270, its text drawn turned back, reads upright); words printed at
any other angle are dropped.
"""

from __future__ import annotations

import ctypes
import math
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from exporter.ingest.pdf.lines import Word

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
_LINE_END_HYPHEN = "\x02"
_FONT_NAME = 256
# FPDFText_GetTextObject returning the object's address, so it can key a dict.
_TEXT_OBJECT_ADDRESS = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
if _TEXT_OBJECT_ADDRESS is None:  # every pdfium build exports it
    raise ImportError("pdfium without FPDFText_GetTextObject")
_TEXT_OBJECT = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    _TEXT_OBJECT_ADDRESS
)


class _Char(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    style: tuple[str, float]  # font name, size


@dataclass(frozen=True, slots=True)
class _Style:
    font: str
    size: float
    # The page turn (0, 90 or 270 degrees) under which the text reads upright; -1 for
    # text set at any other angle.
    reads: int


class _Span(NamedTuple):
    x0: float
    x1: float
    bottom: float


_ANGLE = 1e-6


def page_words(page: pdfium.PdfPage) -> list[Word]:
    """The upright words of a page as it is displayed, in pdfium's reading order.

    A landscape page may be a portrait page turned by its /Rotate entry, its text drawn
    turned the other way so that it reads upright when displayed: its characters are read
    in the displayed page's coordinates."""
    rotation = page.get_rotation() % 360
    turn = rotation if rotation in (90, 270) else 0
    textpage = page.get_textpage()
    try:
        chars = list(_chars(textpage, page.get_width(), page.get_height(), turn))
    finally:
        textpage.close()
    return [_word(run) for run in _runs(chars)]


def _chars(
    textpage: pdfium.PdfTextPage, width: float, height: float, turn: int = 0
) -> Iterator[_Char | None]:
    """Each character with its box; None for whitespace and characters not upright.

    The loop runs once per character, so it calls pdfium through the raw handle and
    keys styles by the address of the character's text object.
    """
    handle = textpage.raw
    unicode_of, generated = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated
    loose_box, text_object = pdfium_c.FPDFText_GetLooseCharBox, _TEXT_OBJECT
    address = ctypes.cast(handle, ctypes.c_void_p)
    styles: dict[int | None, _Style] = {}
    box = pdfium_c.FS_RECTF()
    for index in range(pdfium_c.FPDFText_CountChars(handle)):
        code = unicode_of(handle, index)
        text = chr(code) if code else ""
        if not text or text.isspace() or generated(handle, index):
            yield None
            continue
        key = text_object(address, index)
        style = styles.get(key)
        if style is None:
            style = styles[key] = _style(textpage, index)
        if style.reads != turn:
            yield None
            continue
        loose_box(handle, index, box)
        x0, x1, bottom = _displayed(box, width, height, turn)
        yield _Char(
            text="-" if text == _LINE_END_HYPHEN else text,
            x0=x0,
            x1=x1,
            top=bottom - style.size,
            bottom=bottom,
            style=(style.font, style.size),
        )


def _displayed(box: pdfium_c.FS_RECTF, width: float, height: float, turn: int) -> _Span:
    """A character's left, right and baseline (from the top) on the page as displayed:
    turned by 90 degrees the page's y runs left to right and its x top to bottom (by 270,
    the other way)."""
    if turn == 90:
        return _Span(box.bottom, box.top, box.right)
    if turn == 270:
        return _Span(height - box.top, height - box.bottom, width - box.left)
    return _Span(box.left, box.right, height - box.bottom)


def _style(textpage: pdfium.PdfTextPage, index: int) -> _Style:
    """Font, printed size and orientation, shared by the characters of one text object."""
    name = ctypes.create_string_buffer(_FONT_NAME)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage, index, name, _FONT_NAME, flags)
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFText_GetMatrix(textpage, index, matrix)
    scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
    size = pdfium_c.FPDFText_GetFontSize(textpage, index) * scale
    return _Style(name.value.decode("utf-8", "replace"), round(size, 4), _reads(matrix))


def _reads(matrix: pdfium_c.FS_MATRIX) -> int:
    """The page turn under which text drawn with `matrix` reads upright."""
    flat = abs(matrix.b) < _ANGLE and abs(matrix.c) < _ANGLE
    turned = abs(matrix.a) < _ANGLE and abs(matrix.d) < _ANGLE
    if flat and matrix.a * matrix.d > 0:
        return 0
    if turned and matrix.b > 0 > matrix.c:
        return 90
    if turned and matrix.b < 0 < matrix.c:
        return 270
    return -1


def _runs(chars: list[_Char | None]) -> Iterator[list[_Char]]:
    run: list[_Char] = []
    for char in chars:
        if run and (char is None or _breaks(run[-1], char)):
            yield run
            run = []
        if char is not None:
            run.append(char)
    if run:
        yield run


def _breaks(previous: _Char, char: _Char) -> bool:
    return (
        char.style != previous.style
        or char.x0 > previous.x1 + X_TOLERANCE
        or char.x1 < previous.x0 - X_TOLERANCE
        or abs(char.top - previous.top) > Y_TOLERANCE
    )


def _word(run: list[_Char]) -> Word:
    font, size = run[0].style
    return Word(
        text=unicodedata.normalize("NFKC", "".join(c.text for c in run)),
        x0=min(c.x0 for c in run),
        x1=max(c.x1 for c in run),
        top=min(c.top for c in run),
        bottom=max(c.bottom for c in run),
        size=size,
        font=font,
    )
