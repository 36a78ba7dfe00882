"""Stage 1, ingest: a file on disk becomes a `Document` of headings, paragraphs and tables.

Readers register by format; `read_document` picks one from the file's extension, or by
sniffing its first bytes, so a new reader (HTML, PDF) plugs in without touching callers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from exporter.document import Document
from exporter.errors import InputError, Location
from exporter.ingest.encoding import decode
from exporter.ingest.html import read_html
from exporter.ingest.pdf import read_pdf
from exporter.ingest.text import read_text

Reader = Callable[[bytes, str, str | None], Document]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".htm": "html",
    ".html": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}


def _read_plain_text(data: bytes, source: str, encoding: str | None) -> Document:
    return read_text(decode(data, source, encoding), source)


def _read_html_release(data: bytes, source: str, encoding: str | None) -> Document:
    return read_html(data, source, encoding)


def _read_pdf_release(data: bytes, source: str, encoding: str | None) -> Document:
    return read_pdf(data, source, encoding)


READERS: dict[str, Reader] = {
    "text": _read_plain_text,
    "html": _read_html_release,
    "pdf": _read_pdf_release,
}


def sniff_format(path: Path, head: bytes) -> str:
    """The input format from the extension, else from the first bytes."""
    by_extension = _EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    stripped = head.lstrip().lower()
    if stripped.startswith(b"%pdf"):
        return "pdf"
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    return "text"


def read_document(
    path: Path, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read `path` with the reader its format calls for."""
    location = Location(file=str(path))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", location, "check the path") from None
    if size > max_bytes:
        raise InputError(
            f"the file is {size:,} bytes, over the {max_bytes:,} byte limit",
            location,
            "raise --max-bytes if the file is genuine",
        )
    data = path.read_bytes()
    if not data.strip():
        raise InputError("the file is empty", location, "give a press release with content")
    fmt = sniff_format(path, data[:512])
    reader = READERS.get(fmt)
    if reader is None:
        raise InputError(
            f"{fmt.upper()} input is not supported yet", location, "convert it to text first"
        )
    return reader(data, path.name, encoding)
