"""Positioned words of a PDF page, read with pdfium rather than pdfminer's interpreter.

pdfium (through pypdfium2, which pdfplumber already installs) reads a release's text
layer about seven times faster than pdfminer's Python content-stream interpreter, which
was nine tenths of reading a PDF. Words are cut as pdfplumber's `extract_words` cuts
them: at whitespace (pdfium's generated spaces included), at a gap of more than
`X_TOLERANCE` points, at a change of font or size, and where the baseline jumps. Boxes
follow pdfminer's convention, which the line builder's thresholds are tuned to: a
character's box runs from the font's descent below the baseline up one font size, and
the size is the font size times the text matrix's scale. A hyphen that pdfium marks as
ending a line (code 2) is a hyphen. Words not printed upright are dropped.
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
    upright: bool


def page_words(page: pdfium.PdfPage) -> list[Word]:
    """The upright words of a page, in pdfium's reading order."""
    textpage = page.get_textpage()
    try:
        chars = list(_chars(textpage, page.get_height()))
    finally:
        textpage.close()
    return [_word(run) for run in _runs(chars)]


def _chars(textpage: pdfium.PdfTextPage, height: float) -> Iterator[_Char | None]:
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
        if not style.upright:
            yield None
            continue
        loose_box(handle, index, box)
        bottom = height - box.bottom
        yield _Char(
            text="-" if text == _LINE_END_HYPHEN else text,
            x0=box.left,
            x1=box.right,
            top=bottom - style.size,
            bottom=bottom,
            style=(style.font, style.size),
        )


def _style(textpage: pdfium.PdfTextPage, index: int) -> _Style:
    """Font, printed size and orientation, shared by the characters of one text object."""
    name = ctypes.create_string_buffer(_FONT_NAME)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage, index, name, _FONT_NAME, flags)
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFText_GetMatrix(textpage, index, matrix)
    scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
    size = pdfium_c.FPDFText_GetFontSize(textpage, index) * scale
    upright = matrix.a * matrix.d > 0 and abs(matrix.b) < 1e-6 and abs(matrix.c) < 1e-6
    return _Style(name.value.decode("utf-8", "replace"), round(size, 4), upright)


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
