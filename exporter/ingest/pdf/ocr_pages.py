"""Which pages of a PDF are read through OCR, and their words as printed lines.

`--ocr auto` (the default) reads a page through OCR when its text layer is not usable:
its extracted text does not read (`unreadable_reason`: a private encoding), or it has no
text while it draws an image (a scan), or no page of the file has any text at all. A page
with a readable text layer is never OCR'd in `auto`, so text-layer PDFs read as they
always did. `always` reads every page through OCR; `never` none. OCR'd words go through
the same line builder (`build_lines`) as a text layer's, and from there through the same
table reader; what OCR read is kept with its page, line, box and confidence
(`OcrLayer`), for the report and for the arithmetic review of OCR'd facts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from exporter.document import OcrChunk, OcrLayer
from exporter.errors import InputError, Location
from exporter.ingest.pdf import ocr
from exporter.ingest.pdf.lines import Line, Word, build_lines

PageLines = tuple[int, list[Line]]
_WordKey = tuple[int, float, float]  # page, x0, top


@dataclass(frozen=True, slots=True)
class OcrRead:
    """The lines OCR read, by page number, and each word's confidence."""

    engine: str
    lines: dict[int, list[Line]]
    confidence: dict[_WordKey, float] = field(default_factory=dict)

    def layer(self, pages: list[PageLines]) -> OcrLayer:
        """What OCR read on the pages as finally kept (running headers and page numbers
        dropped), chunk by chunk, each with its place and lowest word confidence."""
        chunks = [
            OcrChunk(
                page=number,
                line=line.number,
                text=chunk.text,
                x0=chunk.x0,
                top=line.top,
                x1=chunk.x1,
                bottom=line.bottom,
                confidence=min(
                    (self._confidence(number, word) for word in chunk.words), default=0.0
                ),
            )
            for number, lines in pages
            if number in self.lines
            for line in lines
            for chunk in line.chunks
        ]
        return OcrLayer(engine=self.engine, pages=tuple(sorted(self.lines)), chunks=tuple(chunks))

    def _confidence(self, page: int, word: Word) -> float:
        return self.confidence.get((page, word.x0, word.top), 0.0)


def ocr_pages(
    data: bytes, pages: list[PageLines], mode: ocr.OcrMode, location: Location
) -> OcrRead | None:
    """The pages `mode` reads through OCR, read; None when no page is (none needs it, or
    `auto` finds no OCR engine: the text layer's refusals then say how to install one)."""
    if mode == "never":
        return None
    from exporter.ingest.pdf import unreadable_reason

    unusable = {n for n, lines in pages if unreadable_reason(_text(lines)) is not None}
    textless = {n for n, lines in pages if not lines}
    if mode == "auto" and not unusable and not textless:
        return None
    name = ocr.engine()
    if name is None:
        if mode == "always":
            raise InputError(
                "--ocr always was given, but the OCR engine (Tesseract) is not installed",
                location,
                ocr.INSTALL_HINT,
            )
        return None
    document = pdfium.PdfDocument(data)
    try:
        wanted = _wanted(document, mode, unusable, textless, len(pages))
        if not wanted:
            return None
        return _read(document, wanted, name, location)
    finally:
        document.close()


def _text(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines)


def _wanted(
    document: pdfium.PdfDocument,
    mode: ocr.OcrMode,
    unusable: set[int],
    textless: set[int],
    count: int,
) -> list[int]:
    """Page numbers to read through OCR: every page (`always`), or those without a usable
    text layer; a page without text is OCR'd when it draws an image or the whole file
    has no text (a blank page in a text-layer PDF is not)."""
    if mode == "always":
        return list(range(1, count + 1))
    scanned = len(textless) == count
    images = {n for n in textless if scanned or _draws_image(document, n)}
    return sorted(unusable | images)


def _draws_image(document: pdfium.PdfDocument, number: int) -> bool:
    page = document[number - 1]
    try:
        return ocr.has_image(page)
    finally:
        page.close()


def _read(
    document: pdfium.PdfDocument, wanted: list[int], name: str, location: Location
) -> OcrRead:
    lines: dict[int, list[Line]] = {}
    confidence: dict[_WordKey, float] = {}
    for number in wanted:
        words = list(_page_words(document, number, location))
        for read in words:
            confidence[(number, read.word.x0, read.word.top)] = read.confidence
        lines[number] = build_lines([read.word for read in words])
    return OcrRead(engine=name, lines=lines, confidence=confidence)


def _page_words(
    document: pdfium.PdfDocument, number: int, location: Location
) -> Iterator[ocr.OcrWord]:
    page = document[number - 1]
    try:
        yield from ocr.read_page(page)
    except ocr.OcrError as exc:
        raise InputError(
            f"OCR of page {number} failed: {exc}",
            location.model_copy(update={"page": number}),
            "check the Tesseract install (its English language data, tesseract-ocr-eng), "
            "or give the release's text or HTML",
        ) from None
    finally:
        page.close()
