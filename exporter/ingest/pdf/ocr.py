"""OCR of PDF pages: the page image read by Tesseract, as the words the line builder takes.

A page without a usable text layer (a scan, or fonts whose private encoding leaves the
extracted text gibberish) still shows its statements. pdfium (which pdfplumber already
installs) renders the page; Tesseract (through pytesseract, the optional `ocr` extra, and
the system's `tesseract-ocr` package) finds its words with their boxes and confidences.
Each box is turned back into PDF points from the page's top-left corner, the convention
of `words`, so OCR'd words go through the same line builder and table reader as a
text layer's: there is one table reader, whatever gave the words.

Tesseract gives ink boxes, not font metrics: a word's band is its Tesseract line's (so
the words of one printed row share it), and every word of a page has one size, from the
page's median line height, so no word looks like a raised footnote marker for being
set in digits only. Tesseract runs single-threaded: its result then does not depend on
thread scheduling, and batch workers do not oversubscribe the cores.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from statistics import median
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from exporter.ingest.ocr_mode import OcrMode
from exporter.ingest.pdf.lines import Word

__all__ = ["DPI", "INSTALL_HINT", "OcrError", "OcrMode", "OcrWord", "engine", "read_page"]
# Page images at 300 dpi: 9-point figures are about 37 pixels high, where Tesseract reads
# digits best; a page takes one to two seconds.
DPI = 300
LANGUAGE = "eng"
# Tesseract's page segmentation mode 4: one column of text lines of varying sizes, so a
# table's row (label and numbers) comes out as one line with one band.
_CONFIG = "--psm 4"
OCR_FONT = "OCR"
INSTALL_HINT = (
    "install the OCR extra to read it through OCR: pip install 'xbrl-exporter[ocr]' and "
    "the system's Tesseract (apt-get install tesseract-ocr)"
)


@dataclass(frozen=True, slots=True)
class OcrWord:
    """A word Tesseract read, placed as a text layer's word, with its confidence (0-1)."""

    word: Word
    confidence: float


class OcrError(Exception):
    """Tesseract could not read a page (missing language data, a crash)."""


def engine() -> str | None:
    """The OCR engine and its version ("tesseract 5.3.0"), or None when the extra or the
    system's Tesseract is not installed."""
    try:
        import pytesseract
    except ImportError:
        return None
    command = shutil.which(pytesseract.pytesseract.tesseract_cmd)
    if command is None:
        return None
    return _version(command)


@cache
def _version(command: str) -> str | None:
    import pytesseract

    try:
        return f"tesseract {pytesseract.get_tesseract_version()}"
    except (pytesseract.TesseractNotFoundError, OSError, ValueError):
        return None


def has_image(page: pdfium.PdfPage) -> bool:
    """Whether the page draws an image (a scan, or statements pasted in as a picture)."""
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def read_page(page: pdfium.PdfPage) -> list[OcrWord]:
    """The words Tesseract reads on the page image, in PDF points from the top-left."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    scale = DPI / 72
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil()
        data = _tesseract(image, _CONFIG)
        _reread_figures(image, data)
    finally:
        bitmap.close()
    return list(_words(data, scale))


def _tesseract(image: Any, config: str) -> dict[str, list[Any]]:
    import pytesseract

    try:
        data: dict[str, list[Any]] = pytesseract.image_to_data(
            image, lang=LANGUAGE, config=config, output_type=pytesseract.Output.DICT
        )
    except (pytesseract.TesseractError, pytesseract.TesseractNotFoundError, OSError) as exc:
        raise OcrError(str(exc).strip()[:160] or type(exc).__name__) from None
    return data


# A word Tesseract is unsure of (below _UNSURE) and that is short or holds a digit is read
# again on its own as a figure: a lone "7" in a column of numbers, read as "r" with no
# confidence on the page, reads "7" with 95. The figure replaces the word only when that
# second reading is sure (_SURE), so unsure prose stays as it was read.
_UNSURE = 80.0
_SURE = 90.0
_SHORT = 3
_FIGURE_CONFIG = "--psm 7 -c tessedit_char_whitelist=0123456789,.()%-$"
_PAD = 8  # pixels around the word


def _reread_figures(image: Any, data: dict[str, list[Any]]) -> None:
    """Read unsure short words again as figures (see `_UNSURE`); `data` is updated."""
    for i, text in enumerate(data["text"]):
        text = str(text).strip()
        if not text or float(data["conf"][i]) >= _UNSURE:
            continue
        if len(text) > _SHORT and not any(ch.isdigit() for ch in text):
            continue
        left, top = data["left"][i], data["top"][i]
        box = (
            left - _PAD,
            top - _PAD,
            left + data["width"][i] + _PAD,
            top + data["height"][i] + _PAD,
        )
        again = _tesseract(image.crop(box), _FIGURE_CONFIG)
        read = [
            (str(t).strip(), float(c)) for t, c in zip(again["text"], again["conf"], strict=True)
        ]
        read = [(t, c) for t, c in read if t]
        if len(read) == 1 and read[0][1] >= _SURE:
            data["text"][i], data["conf"][i] = read[0]


# An ink line (ascenders to descenders) is about 0.93 of the type size in the usual
# faces: the size a text layer would give, which the line builder's thresholds are tuned to.
_INK_SHARE = 0.93


def _words(data: dict[str, list[Any]], scale: float) -> Iterator[OcrWord]:
    """Tesseract's word rows (level 5), each on its line's band, with the page's size.

    A band starts at its Tesseract line's top (capitals and ascenders, which nearly every
    line has, where the bottom depends on whether the line has descenders) and is one
    type size deep, so lines are spaced as the text layer would space them.
    """
    tops: dict[tuple[int, int, int], float] = {}
    heights = []
    for i, level in enumerate(data["level"]):
        if level == 4:  # a text line
            tops[_line_key(data, i)] = data["top"][i] / scale
            heights.append(data["height"][i] / scale)
    size = round(median(heights) / _INK_SHARE, 2) if heights else 0.0
    for i, level in enumerate(data["level"]):
        text = unicodedata.normalize("NFKC", str(data["text"][i])).strip()
        if level != 5 or not text:
            continue
        top = tops.get(_line_key(data, i), data["top"][i] / scale)
        x0 = data["left"][i] / scale
        word = Word(
            text=text,
            x0=round(x0, 2),
            x1=round(x0 + data["width"][i] / scale, 2),
            top=round(top, 2),
            bottom=round(top + size, 2),
            size=size,
            font=OCR_FONT,
        )
        confidence = max(0.0, min(float(data["conf"][i]), 100.0)) / 100
        yield OcrWord(word=word, confidence=round(confidence, 3))


def _line_key(data: dict[str, list[Any]], index: int) -> tuple[int, int, int]:
    return (data["block_num"][index], data["par_num"][index], data["line_num"][index])
