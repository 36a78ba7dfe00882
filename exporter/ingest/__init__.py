"""Stage 1, ingest: a file on disk becomes a `Document` of headings, paragraphs and tables.

Readers register by format; `read_document` picks one from the file's extension, or by
sniffing its first bytes, so a new reader (HTML, PDF) plugs in without touching callers.
An EDGAR submission is known by its first bytes whatever its extension:
`ingest.submission` splits its documents and reads the release exhibit.

Before any reader runs, the input is checked: it must be a regular file (not a directory,
pipe or device), readable, within the size limit (read with a bound, so a file that grows
cannot exhaust memory), not empty, and not a known binary format (archives, images,
Office files). After the reader, a document with no text at all is refused, and control
characters (which XML cannot carry and terminals obey) become U+FFFD in every block, so
nothing downstream sees them. Each refusal is an `InputError` naming the file and what
to do.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from functools import partial
from pathlib import Path

from exporter.document import Block, Cell, Document, Row, Table
from exporter.errors import InputError, Location
from exporter.ingest.encoding import decode_text
from exporter.ingest.ocr_mode import OcrMode
from exporter.ingest.submission import is_submission, read_submission
from exporter.ingest.text import read_text

Reader = Callable[[bytes, str, str | None], Document]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# A press release has a few thousand lines; more is a concatenation or repeated content,
# which would take minutes to read (about half a millisecond a line).
MAX_TEXT_LINES = 100_000

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".htm": "html",
    ".html": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}
_SAVE_AS = "save the release as PDF, HTML or plain text and give that file"
# Formats people hand over by mistake: what they are, and what to do.
_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .zip file?)", _SAVE_AS),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office file (.doc, .xls)", _SAVE_AS),
    (b"\x1f\x8b", "gzip-compressed", "decompress it first (gunzip)"),
    (b"BZh91AY&SY", "bzip2-compressed", "decompress it first (bunzip2)"),
    (b"\xfd7zXZ\x00", "xz-compressed", "decompress it first (unxz)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract the release first"),
    (b"Rar!\x1a\x07", "a RAR archive", "extract the release first"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "run OCR on it, or give the release's text or PDF"),
    (b"\xff\xd8\xff", "a JPEG image", "run OCR on it, or give the release's text or PDF"),
    (b"GIF87a", "a GIF image", "give the release's text, HTML or PDF"),
    (b"GIF89a", "a GIF image", "give the release's text, HTML or PDF"),
    (b"II*\x00", "a TIFF image", "run OCR on it, or give the release's text or PDF"),
    (b"MM\x00*", "a TIFF image", "run OCR on it, or give the release's text or PDF"),
    (b"\x7fELF", "an executable program", "give the release's text, HTML or PDF"),
)
# XML 1.0 forbids C0 controls other than tab, newline and carriage return; C1 controls,
# DEL and the noncharacters are discouraged, and terminals act on escape sequences.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _read_plain_text(data: bytes, source: str, encoding: str | None) -> Document:
    text = decode_text(data, source, encoding)
    lines = text.count("\n") + 1
    if lines > MAX_TEXT_LINES:
        raise InputError(
            f"the text has {lines:,} lines, over the {MAX_TEXT_LINES:,}-line limit for a "
            "press release (repeated or concatenated content?)",
            Location(file=source),
            "give the release on its own; split a concatenated file",
        )
    return read_text(text, source)


def _read_html_release(data: bytes, source: str, encoding: str | None) -> Document:
    # imported here, as the PDF reader below: the HTML reader (with its div-grid tables and
    # lxml.html) is a fiftieth of a second to load that a text or PDF release never needs
    from exporter.ingest.html import read_html

    return read_html(data, source, encoding)


def _read_pdf_release(
    data: bytes, source: str, encoding: str | None, ocr: OcrMode = "auto"
) -> Document:
    # imported here: the PDF reader (pdfplumber, pdfminer) costs a tenth of a second to
    # load, which a text or HTML release never needs
    from exporter.ingest.pdf import read_pdf

    return read_pdf(data, source, encoding, ocr)


READERS: dict[str, Reader] = {
    "text": _read_plain_text,
    "html": _read_html_release,
    "pdf": _read_pdf_release,
}


def _read_submission(data: bytes, source: str, encoding: str | None) -> Document:
    return read_submission(data, source, encoding, READERS)


def sniff_format(path: Path, head: bytes) -> str:
    """The input format from the extension, else from the first bytes. An EDGAR submission
    is known by its content first: EDGAR serves it as `.txt`, it holds HTML documents."""
    if is_submission(head):
        return "submission"
    by_extension = _EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    stripped = head.lstrip().lower()
    if stripped.startswith(b"%pdf"):
        return "pdf"
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    return "text"


def read_input(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the regular file at `path`, never more than `max_bytes`."""
    location = Location(file=str(path))
    info = _stat(path, location)
    if stat.S_ISDIR(info.st_mode):
        raise InputError(
            "is a directory, not a file",
            location,
            "give the release files inside it (for example DIR/*.pdf)",
        )
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"is not a regular file (a {_kind(info.st_mode)})",
            location,
            "copy the release into a regular file and give that",
        )
    if info.st_size > max_bytes:
        raise _too_big(info.st_size, max_bytes, location)
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(
            f"cannot read: {exc.strerror or exc}", location, "check the file's permissions"
        ) from None
    if len(data) > max_bytes:  # it grew while we looked
        raise _too_big(len(data), max_bytes, location)
    return data


def _stat(path: Path, location: Location) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(
                "cannot open: the symbolic link points to a missing file",
                location,
                "check the link's target",
            ) from None
        raise InputError(
            "cannot open: No such file or directory", location, "check the path"
        ) from None
    except OSError as exc:
        raise InputError(
            f"cannot open: {exc.strerror or exc}", location, "check the path and its permissions"
        ) from None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def _too_big(size: int, max_bytes: int, location: Location) -> InputError:
    return InputError(
        f"the file is {size:,} bytes, over the {max_bytes:,} byte limit",
        location,
        "raise --max-bytes if the file is genuine",
    )


def refuse_known_binary(data: bytes, source: str) -> None:
    """Archives, images, Office files and programs are not releases: say what they are."""
    for signature, what, hint in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(
                f"the file is {what}, not a press release", Location(file=source), hint
            )


def read_document(
    path: Path,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: OcrMode = "auto",
) -> Document:
    """Read `path` with the reader its format calls for; `ocr` says which pages of a PDF
    are read through OCR (see `ingest.pdf.ocr_pages`)."""
    return parse_document(read_input(path, max_bytes), path, encoding, ocr)


def parse_document(
    data: bytes, path: Path, encoding: str | None = None, ocr: OcrMode = "auto"
) -> Document:
    """The `Document` of the bytes read from `path` (by `read_input`): a caller that needs
    the bytes too (to hash them) reads the file once."""
    if not data.strip():
        what = "the file is empty" + (" (only whitespace)" if data else "")
        raise InputError(what, Location(file=str(path)), "give a press release with content")
    refuse_known_binary(data, path.name)
    fmt = sniff_format(path, data[:512])
    readers = {**READERS, "submission": _read_submission}
    reader = partial(_read_pdf_release, ocr=ocr) if fmt == "pdf" else readers[fmt]
    document = reader(data, path.name, encoding)
    if not document.blocks:
        raise InputError(
            "no text found in the file",
            Location(file=path.name),
            "the page may hold only scripts or markup: save the release after it has "
            "loaded in a browser, or give its PDF or text",
        )
    return without_controls(document)


def without_controls(document: Document) -> Document:
    """The document with control characters in its text replaced by U+FFFD."""
    if not any(_CONTROLS.search(text) for text in _texts(document)):
        return document
    blocks = tuple(_clean_block(block) for block in document.blocks)
    return document.model_copy(update={"blocks": blocks})


def _texts(document: Document) -> list[str]:
    texts: list[str] = []
    for block in document.blocks:
        if isinstance(block, Table):
            texts.extend(cell.text for row in block.rows for cell in row.cells)
        else:
            texts.append(block.text)
    return texts


def _clean(text: str) -> str:
    return _CONTROLS.sub("\ufffd", text)


def _clean_block(block: Block) -> Block:
    if not isinstance(block, Table):
        return block.model_copy(update={"text": _clean(block.text)})
    rows = tuple(
        Row(
            cells=tuple(Cell(text=_clean(c.text), column=c.column, span=c.span) for c in row.cells),
            line=row.line,
            page=row.page,
        )
        for row in block.rows
    )
    return block.model_copy(update={"rows": rows})
