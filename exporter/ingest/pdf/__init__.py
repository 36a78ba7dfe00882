"""PDF reader: positioned words become headings, paragraphs and tables.

pdfminer (through pdfplumber) checks the file's structure; pdfium reads each page's
words (`words`), which are rebuilt into printed lines (`lines`); tables are found
from word positions (`tables`), so ruled and unruled tables read alike; the other
lines become paragraphs and headings in reading order. Page numbers and running headers
or footers repeated in the page margins are dropped, so a table broken by a page break
reads as one table with its repeated column headers. Text is NFKC-normalised (ligatures
such as "ﬁ" become "fi"). Pages without a usable text layer (image-only, or fonts with a
private encoding) are read through OCR when `ocr` allows and the engine is installed
(`ocr_pages`), their words going through the same line builder and table reader. Damaged,
encrypted or image-only files (without OCR) raise `InputError` with what to do about
them, and so do files with more pages than a release or a compressed stream that
inflates past a bound (a compression bomb): both are refused before any text is read.
"""

from __future__ import annotations

import io
import logging
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    PDFObjRef,
    PDFStream,
    resolve1,
)
from pdfminer.psparser import LIT

from exporter.document import Block, Document, Heading, Paragraph, Row, Table
from exporter.errors import InputError, Location
from exporter.ingest.pdf.columns import side_by_side, text_columns
from exporter.ingest.pdf.lines import Chunk, Line, build_lines
from exporter.ingest.pdf.ocr import INSTALL_HINT, OcrMode
from exporter.ingest.pdf.ocr_pages import ocr_pages
from exporter.ingest.pdf.rows import PageTable, find_tables, orphan_header
from exporter.ingest.pdf.tables import Column
from exporter.ingest.pdf.words import page_words

_TAIL = 2048
# A release has tens of pages, read in a few hundredths of a second each; a content stream
# a few MB.
MAX_PAGES = 500
MAX_INFLATED_BYTES = 64 * 1024 * 1024
_INFLATE_CHUNK = 1 << 20
_UPWARD = frozenset({"Parent", "P"})  # keys that lead back up the page tree
_IMAGE = LIT("Image")
_ASCII_FILTERS = {
    **{name: ascii85decode for name in LITERALS_ASCII85_DECODE},
    **{name: asciihexdecode for name in LITERALS_ASCIIHEX_DECODE},
}
_MARGIN = 0.09
_REPEATED_SHARE = 0.4
_REPEATED_MIN = 3
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?\d{1,4}(?:\s+(?:of|/)\s+\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.IGNORECASE
)
_BULLET = re.compile(r"^\s*(?:[•●▪◦■\-*–]|\d{1,2}\.|\(\d{1,2}\)|\([a-z]\))\s+")
_NOTE_MARK = re.compile(r"^\((?:\d{1,2}|[a-z])\)")
_HEADING_MAX = 150
_PARAGRAPH_GAP = 0.6
_SHORT_LINE = 0.2
_CENTRED = 0.05
_SAME_PLACE = 1.0  # points: page numbers set at one place on every page


@dataclass(frozen=True, slots=True)
class _Page:
    number: int
    width: float
    height: float
    lines: list[Line]


def read_pdf(
    data: bytes, source: str, encoding: str | None = None, ocr: OcrMode = "auto"
) -> Document:
    """Read a PDF release into blocks; `encoding` is unused (PDF fonts carry their own).

    `ocr` says which pages are read through OCR (see `ocr_pages`): `auto` those without a
    usable text layer, when the OCR engine is installed; `always` every page; `never`
    none, so a page without a usable text layer is refused as it always was.
    """
    location = Location(file=source)
    if b"%PDF-" not in data[:1024]:
        raise InputError(
            "not a PDF file (no %PDF- header)",
            location,
            "check the file or give its real extension",
        )
    if b"%%EOF" not in data[-_TAIL:]:
        raise InputError(
            "the PDF is truncated (no %%EOF marker at its end)",
            location,
            "download or export the file again",
        )
    pages = _read_pages(data, location)
    read = ocr_pages(data, [(p.number, p.lines) for p in pages], ocr, location)
    if read is not None:
        pages = [
            _Page(p.number, p.width, p.height, read.lines.get(p.number, p.lines)) for p in pages
        ]
    if not any(page.lines for page in pages):
        raise InputError(
            "the PDF has no text layer (scanned?)"
            + (", and OCR read no text on its pages" if read is not None else ""),
            location,
            "check that its pages show the release, or give its text or HTML"
            if read is not None
            else _ocr_hint(
                ocr, "run OCR on it first (for example ocrmypdf) and read the OCR'd file"
            ),
        )
    _refuse_unreadable_text(pages, location, ocr)
    pages = _drop_artefacts(pages)
    layer = None if read is None else read.layer([(p.number, p.lines) for p in pages])
    return Document(source=source, format="pdf", blocks=tuple(_blocks(pages)), ocr=layer)


def _ocr_hint(ocr: OcrMode, hint: str) -> str:
    """What to do about a page without a usable text layer, left unread: with `--ocr auto`
    (there was no OCR engine to read it), install one; otherwise what it always was."""
    return INSTALL_HINT if ocr == "auto" else hint


# A page's text layer is unreadable when most of its characters are private-use code
# points, pdfminer's "(cid:N)" stand-ins or U+FFFD (a font with a private encoding and no
# usable Unicode map: the page shows statements, the text is gibberish), or when a page
# of text holds no digit at all (a cipher-like encoding maps digits to letters too; every
# release page with this much text prints a number somewhere).
_UNREADABLE_SHARE = 0.5
_CID = re.compile(r"\(cid:\d+\)")
_DIGITLESS_LETTERS = 400


def _unreadable_chars(text: str) -> int:
    """How many characters of `text` are no readable text (see `_refuse_unreadable_text`)."""
    stand_ins = sum(len(m.group()) for m in _CID.finditer(text))
    private = sum(
        1 for ch in text if "\ue000" <= ch <= "\uf8ff" or ch >= "\U000f0000" or ch == "\ufffd"
    )
    return stand_ins + private


def unreadable_reason(text: str) -> str | None:
    """Why a page's extracted `text` is not readable text, or None when it reads."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return None
    bad = _unreadable_chars(text)
    if bad >= _UNREADABLE_SHARE * len(visible):
        return f"{bad:,} of its {len(visible):,} characters are private-use or unmapped glyphs"
    letters = sum(ch.isalpha() for ch in visible)
    if letters >= _DIGITLESS_LETTERS and not any(ch in "0123456789" for ch in visible):
        return f"its {letters:,} letters come with no digit at all"
    return None


def _refuse_unreadable_text(pages: list[_Page], location: Location, ocr: OcrMode) -> None:
    """Refuse a PDF with a page whose text layer does not read: its statements would be
    missing or gibberish, and "no tables" would not say why."""
    for page in pages:
        reason = unreadable_reason("\n".join(line.text for line in page.lines))
        if reason is not None:
            raise InputError(
                f"the text layer of page {page.number} is unreadable ({reason}): its fonts "
                "use a private encoding",
                location.model_copy(update={"page": page.number}),
                _ocr_hint(
                    ocr,
                    "read it through OCR: run ocrmypdf --force-ocr on it and give the OCR'd file",
                ),
            )


def _read_pages(data: bytes, location: Location) -> list[_Page]:
    """Positioned words of every page, as lines; reader errors become `InputError`.

    pdfminer checks the file first: its structure (a damaged or encrypted file fails
    here), the page count, every stream a page uses inflated with a bound (so a
    compression bomb is refused instead of exhausting memory), and page content that
    does not inflate (pdfminer would read it as empty and only log it, so a damaged file
    would be mistaken for a scan or silently read in part). pdfium then reads the text.
    """
    warnings = _Warnings()
    logger = logging.getLogger("pdfminer")
    logger.addHandler(warnings)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            _refuse_too_many_pages(len(pdf.pages), location)
            checked: set[int] = set()
            for number, page in enumerate(pdf.pages, start=1):
                _refuse_bombs(page.page_obj, number, checked, location)
                warnings.damage.extend(_corrupt_streams(page.page_obj, number))
    except InputError:
        raise
    except Exception as exc:
        raise _classify(exc, location) from None
    finally:
        logger.removeHandler(warnings)
    if warnings.damage:
        damaged, message = warnings.damage[0]
        raise InputError(
            f"the PDF is damaged: {message}",
            location.model_copy(update={"page": damaged}),
            "download or export it again",
        )
    try:
        return _text_pages(data)
    except Exception as exc:
        raise _classify(exc, location) from None


def _text_pages(data: bytes) -> list[_Page]:
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for number in range(1, len(document) + 1):
            page = document[number - 1]
            try:
                lines = build_lines(page_words(page))
                width, height = page.get_width(), page.get_height()
                # Two statements side by side read as two pieces of the page, in order,
                # and so does prose set in two text columns.
                for piece in side_by_side(lines, width):
                    for part in text_columns(piece, width):
                        pages.append(_Page(number, width, height, part))
            finally:
                page.close()
        return pages
    finally:
        document.close()


def _refuse_too_many_pages(count: int, location: Location) -> None:
    if count > MAX_PAGES:
        raise InputError(
            f"the PDF has {count:,} pages, over the {MAX_PAGES:,}-page limit for a press "
            "release (a release has tens)",
            location,
            "give the release's own pages (for example qpdf --pages in.pdf 1-20 -- out.pdf)",
        )


def _corrupt_streams(page: Any, number: int) -> Iterator[tuple[int, str]]:
    """Compressed page content that does not inflate (pdfminer would read it as empty)."""
    contents = resolve1(page.attrs.get("Contents"))
    for stream in contents if isinstance(contents, list) else [contents]:
        stream = resolve1(stream)
        if not isinstance(stream, PDFStream) or stream.decipher or stream.rawdata is None:
            continue
        data, filters = _ascii_undone(stream.rawdata, [f for f, _ in stream.get_filters()])
        if filters and filters[0] in LITERALS_FLATE_DECODE:
            try:
                zlib.decompressobj().decompress(data, _INFLATE_CHUNK)
            except zlib.error:
                yield number, f"the content of page {number} is corrupt"


def _ascii_undone(data: bytes, filters: list[object]) -> tuple[bytes, list[object]]:
    """The data with its leading ASCII85 or ASCIIHex filters undone, and the filters left.

    reportlab, for one, writes content as [/ASCII85Decode /FlateDecode].
    """
    while filters and filters[0] in _ASCII_FILTERS:
        decode = _ASCII_FILTERS[filters[0]]
        data, filters = decode(data), filters[1:]
    return data, filters


def _refuse_bombs(page: Any, number: int, checked: set[int], location: Location) -> None:
    """Every compressed stream the page uses (content, forms, fonts) inflates within bounds."""
    for stream in _page_streams(page, checked):
        size = _inflated_size(stream)
        if size > MAX_INFLATED_BYTES:
            raise InputError(
                f"a compressed stream of page {number} inflates to over "
                f"{MAX_INFLATED_BYTES:,} bytes (a compression bomb?)",
                location.model_copy(update={"page": number}),
                "the file is not a normal release; export it again from its source",
            )


def _page_streams(page: Any, checked: set[int]) -> Iterator[PDFStream]:
    """Streams reachable from the page (not through its parent), each once per document."""
    pending: list[object] = [v for k, v in page.attrs.items() if k not in _UPWARD]
    while pending:
        item = pending.pop()
        if isinstance(item, PDFObjRef):
            if item.objid in checked:
                continue
            checked.add(item.objid)
            item = resolve1(item)
        if isinstance(item, PDFStream):
            if item.get("Subtype") is _IMAGE:
                continue  # image data is never decoded to read text
            yield item
            pending.extend(v for k, v in item.attrs.items() if k not in _UPWARD)
        elif isinstance(item, dict):
            pending.extend(v for k, v in item.items() if k not in _UPWARD)
        elif isinstance(item, list):
            pending.extend(item)


def _inflated_size(stream: PDFStream) -> int:
    """The size of the stream after its Flate filters, counted up to the limit."""
    data = stream.rawdata
    if data is None:
        return len(stream.data or b"")
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    filters = [name for name, _ in stream.get_filters()]
    while filters:
        data, filters = _ascii_undone(data, filters)
        if not filters or filters[0] not in LITERALS_FLATE_DECODE:
            break
        inflated, filters = _bounded_inflate(data), filters[1:]
        if inflated is None:
            return MAX_INFLATED_BYTES + 1
        data = inflated
    return len(data)


def _bounded_inflate(data: bytes) -> bytes | None:
    """`data` inflated, or None past the limit; damaged data gives what inflated so far."""
    inflater = zlib.decompressobj()
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            chunk = inflater.decompress(data, _INFLATE_CHUNK)
            data = inflater.unconsumed_tail
            size += len(chunk)
            if size > MAX_INFLATED_BYTES:
                return None
            chunks.append(chunk)
            if not chunk and not data:
                break
    except zlib.error:
        pass  # reported as damage when it is page content
    return b"".join(chunks)


class _Warnings(logging.Handler):
    """Collects pdfminer's reports of data it had to throw away."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.damage: list[tuple[int | None, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "corrupt" in message.lower():
            self.damage.append((None, message))


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what pdfplumber wrapped in it, and what caused it."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend(a for a in current.args if isinstance(a, BaseException))
        pending.extend(c for c in (current.__cause__, current.__context__) if c is not None)


def _classify(exc: BaseException, location: Location) -> InputError:
    """An encrypted PDF is not a damaged one: say which, and what to do."""
    if any(isinstance(e, PDFPasswordIncorrect | PDFEncryptionError) for e in _causes(exc)):
        return InputError(
            "the PDF is encrypted (password-protected)",
            location,
            "save an unencrypted copy (for example qpdf --decrypt) and read that",
        )
    detail = str(exc) or type(exc).__name__
    return InputError(
        f"the PDF is damaged or truncated and cannot be read ({detail[:120]})",
        location,
        "download or export the file again",
    )


def _margin_lines(page: _Page) -> Iterator[Line]:
    """Lines whose middle lies in the top or bottom margin: a page number set a little
    higher than the footer zone still counts, so it never joins the table above it."""
    for line in page.lines:
        middle = (line.top + line.bottom) / 2
        if middle < page.height * _MARGIN or middle > page.height * (1 - _MARGIN):
            yield line


def _signature(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.lower().split()))


def _drop_artefacts(pages: list[_Page]) -> list[_Page]:
    """Without page numbers and running headers or footers repeated in the margins."""
    counts = Counter(sig for page in pages for sig in {_signature(x) for x in _margin_lines(page)})
    needed = max(_REPEATED_MIN, _REPEATED_SHARE * len(pages))
    repeated = {sig for sig, count in counts.items() if count >= needed}
    numbers = [
        line.chunks[0]
        for page in pages
        for line in _margin_lines(page)
        if _is_page_count(line.text, len(pages))
    ]
    result = []
    for page in pages:
        margin = {id(line) for line in _margin_lines(page)}
        kept = [
            _without_page_number(line, numbers, len(pages)) if id(line) in margin else line
            for line in page.lines
            if id(line) not in margin
            or not (_PAGE_NUMBER.match(line.text.strip()) or _signature(line) in repeated)
        ]
        result.append(_Page(page.number, page.width, page.height, kept))
    return result


def _without_page_number(line: Line, numbers: list[Chunk], count: int) -> Line:
    """A margin line without the page number printed on it, where other pages print
    theirs alone (a page number on the baseline of a table's last header line).

    The number is the line's first or last chunk, no more than the document's page count
    (never a year), and ends (or is centred) where the page numbers of other pages do.
    """
    if len(line.chunks) < 2:
        return line
    for end in (line.chunks[0], line.chunks[-1]):
        if _is_page_count(end.text, count) and any(_same_place(end, n) for n in numbers):
            return replace(line, chunks=tuple(c for c in line.chunks if c is not end))
    return line


def _is_page_count(text: str, count: int) -> bool:
    """A bare number that could be a page of the document."""
    text = text.strip()
    return text.isdigit() and 1 <= int(text) <= count


def _same_place(chunk: Chunk, other: Chunk) -> bool:
    return (
        abs(chunk.x1 - other.x1) <= _SAME_PLACE or abs(chunk.center - other.center) <= _SAME_PLACE
    )


def _blocks(pages: list[_Page]) -> list[Block]:
    """Text blocks and tables in reading order; a statement continued at the top of the
    next page under its repeated header rows extends the table it continues, and column
    headers left at the foot of a page over the next page's body become a table of their
    own (`orphan_header`)."""
    pages = [page for page in pages if page.lines]
    tables = _page_tables(pages)
    blocks: list[Block] = []
    count = 0
    for number, page in enumerate(pages):
        layout = _TextLayout(page)
        position = 0
        found_tables = list(tables[number])
        below = tables[number + 1][0] if number + 1 < len(pages) and tables[number + 1] else None
        end = found_tables[-1].end if found_tables else 0
        orphan = below and orphan_header(page.lines[end:], below, page.number, page.width)
        if orphan and below:
            orphan = replace(orphan, start=orphan.start + end, end=orphan.end + end)
            found_tables.append(orphan)
            tables[number + 1][0] = _without_repeat(below, orphan)
        for found in found_tables:
            blocks.extend(layout.blocks(page.lines[position : found.start]))
            blocks.extend(_caption(line, page.number) for line in found.captions)
            previous = blocks[-1] if blocks else None
            if isinstance(previous, Table) and _continued(previous, found, page.number):
                rows = previous.rows + found.rows[found.heads :]
                blocks[-1] = previous.model_copy(update={"rows": rows})
            else:
                count += 1
                blocks.append(_table(found, count, page.number))
            position = found.end
        blocks.extend(layout.blocks(page.lines[position:]))
    return blocks


def _page_tables(pages: list[_Page]) -> list[list[PageTable]]:
    """Each page's tables; a headerless table keeps the grid of the one before it."""
    tables: list[list[PageTable]] = []
    grid: tuple[Column, ...] = ()
    for page in pages:
        found = find_tables(page.lines, page.number, page.width, grid)
        if found:
            grid = found[-1].columns
        tables.append(found)
    return tables


def _without_repeat(below: PageTable, orphan: PageTable) -> PageTable:
    """The next page's table without leading header rows that repeat the orphaned
    header's last rows (a page that prints the years again above the body)."""
    heads = [_cells(row) for row in below.rows[: below.heads]]
    last = [_cells(row) for row in orphan.rows[len(orphan.rows) - len(heads) :]]
    if not heads or heads != last:
        return below
    return replace(below, rows=below.rows[below.heads :], heads=0)


def _continued(previous: Table, found: PageTable, page: int) -> bool:
    """The table is the first thing on its page, right after `previous` on the page
    before, and repeats the header rows of `previous` (of its last block, if stacked)."""
    if previous.page == page or not found.heads or len(previous.rows) <= found.heads:
        return False
    if previous.width != max(c.column + c.span for r in found.rows for c in r.cells):
        return False
    heads = [_cells(row) for row in found.rows[: found.heads]]
    rows = [_cells(row) for row in previous.rows]
    return any(rows[i : i + len(heads)] == heads for i in range(len(rows) - len(heads)))


def _cells(row: Row) -> list[tuple[str, int, int]]:
    return [(cell.text, cell.column, cell.span) for cell in row.cells]


def _table(found: PageTable, index: int, page: int) -> Table:
    return Table(index=index, rows=found.rows, line=found.rows[0].line, page=page, positional=True)


def _caption(line: Line, page: int) -> Paragraph:
    return Paragraph(text=line.text, line=line.number, page=page)


class _TextLayout:
    """Groups a page's text lines into paragraphs and headings."""

    def __init__(self, page: _Page) -> None:
        self.page = page.number
        self.left = min(line.x0 for line in page.lines)
        self.right = max(line.x1 for line in page.lines)
        self.center = page.width / 2

    def blocks(self, lines: list[Line]) -> Iterator[Heading | Paragraph]:
        group: list[Line] = []
        for line in lines:
            if group and self._breaks(group[-1], line):
                yield self._block(group)
                group = []
            group.append(line)
        if group:
            yield self._block(group)

    def _centred(self, line: Line) -> bool:
        return abs((line.x0 + line.x1) / 2 - self.center) < _CENTRED * (self.right - self.left)

    def _breaks(self, previous: Line, line: Line) -> bool:
        if line.top - previous.bottom > _PARAGRAPH_GAP * line.size:
            return True
        if abs(line.size - previous.size) > 0.5 or line.font != previous.font:
            return True
        short = self._short(previous)
        if _BULLET.match(line.text) or _NOTE_MARK.match(line.text):
            return True
        if line.text.startswith("(") and (short or self._caption(line)):
            return True  # a caption under a title; prose wrapped before "(" runs on
        return short and not (self._centred(previous) and self._centred(line))

    def _short(self, line: Line) -> bool:
        return line.x1 < self.right - _SHORT_LINE * (self.right - self.left)

    def _caption(self, line: Line) -> bool:
        """A short line centred or wholly in parentheses: "(In thousands)"."""
        return self._short(line) and (self._centred(line) or line.text.endswith(")"))

    def _block(self, group: list[Line]) -> Heading | Paragraph:
        text = " ".join(line.text for line in group)
        first = group[0].number
        titled = len(group) == 1 or all(self._centred(line) for line in group)
        if titled and len(text) <= _HEADING_MAX and _looks_like_title(text):
            return Heading(text=text, line=first, page=self.page)
        return Paragraph(text=text, line=first, page=self.page)


def _looks_like_title(text: str) -> bool:
    ends = text.endswith((".", ",", ";", ":"))
    return not ends and not text.startswith("(") and not _BULLET.match(text)
