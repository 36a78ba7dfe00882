"""EDGAR full-submission files: an SGML header and several documents in one file.

A submission as EDGAR serves it (`<SEC-DOCUMENT>`, `<SEC-HEADER>` with the filer's data,
then one `<DOCUMENT>` per filed document: the form, its exhibits, graphics) is known by its
content, whatever its extension. Reading it as one HTML page keeps only the first document
(the parser stops at the first `</HTML>`), and reading it as text reads the header as
tables, so it is split here: each document is read by its own format (HTML or text inside
`<TEXT>`); graphics, uuencoded files and PDFs are skipped. The press release is an EX-99
exhibit: the first one in which the reader finds tables, else the one document with
tables, else the first EX-99 (or the main document when there is none). Several documents
with tables and no exhibit among them are refused: the choice would be a guess.

The blocks keep their lines in the whole file. The header's CIK, conformed name and fiscal
year end go with the document as a `FilingHeader`, for the cover and the entity.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from exporter.document import Document, FilingHeader
from exporter.errors import InputError, Location

DocumentReader = Callable[[bytes, str, str | None], Document]

_ROOT = re.compile(rb"^\s*<(?:SEC-DOCUMENT|IMS-DOCUMENT|SEC-HEADER|IMS-HEADER)>", re.IGNORECASE)
_DOCUMENT = re.compile(rb"^[ \t]*<DOCUMENT>(.*?)^[ \t]*</DOCUMENT>", re.DOTALL | re.MULTILINE)
_TEXT = re.compile(rb"<TEXT>[^\n]*\n?(.*?)</TEXT>", re.DOTALL | re.IGNORECASE)
_FIELD = re.compile(rb"^[ \t]*<(TYPE|FILENAME)>[ \t]*([^\n<]*)", re.MULTILINE | re.IGNORECASE)
# The header's fields in both of EDGAR's forms: "CENTRAL INDEX KEY:  0001234567" in the
# public dissemination header, "<CIK>0001234567" in the tagged one.
_HEADER_FIELDS = {
    "cik": (b"CENTRAL INDEX KEY", b"CIK"),
    "registrant": (b"COMPANY CONFORMED NAME", b"CONFORMED-NAME"),
    "fiscal_year_end": (b"FISCAL YEAR END", b"FISCAL-YEAR-END"),
    "form_type": (b"CONFORMED SUBMISSION TYPE", b"TYPE"),
}
_MARKUP = re.compile(rb"<(?:html|body|div|p|td|tr|br|font|span)\b", re.IGNORECASE)
_UUENCODED = re.compile(rb"\A\s*begin [0-7]{3} \S")
_BINARY = re.compile(rb"\A\s*(?:%PDF|<PDF>)", re.IGNORECASE)
_EXHIBIT_99 = re.compile(r"^EX-99(?:\b|\.)", re.IGNORECASE)


def is_submission(head: bytes) -> bool:
    """The file starts as an EDGAR submission does (`<SEC-DOCUMENT>`, `<SEC-HEADER>`)."""
    return _ROOT.match(head) is not None


@dataclass(frozen=True)
class _Part:
    """One `<DOCUMENT>` of the submission: its TYPE, FILENAME and the bytes of its `<TEXT>`,
    preceded by as many newlines as the file has before them (so lines stay the file's)."""

    type: str
    name: str | None
    data: bytes
    format: str | None  # "html", "text", or None for a graphic or binary file


def read_submission(
    data: bytes, source: str, encoding: str | None, readers: dict[str, DocumentReader]
) -> Document:
    """The press release of an EDGAR submission, with the header's filer data."""
    parts = _parts(data)
    readable = [part for part in parts if part.format is not None]
    if not readable:
        raise InputError(
            f"the EDGAR submission holds {len(parts)} document(s), none of them HTML or text",
            Location(file=source),
            "give the press release exhibit (EX-99) as HTML, text or PDF",
        )
    part, document = _chosen(readable, source, encoding, readers)
    header = _header(data, part, len(parts))
    return document.model_copy(update={"filing": header})


def _parts(data: bytes) -> list[_Part]:
    parts = []
    for match in _DOCUMENT.finditer(data):
        body = match.group(1)
        text = _TEXT.search(body)
        fields = _fields(body[: text.start()] if text else body)
        content = text.group(1) if text else b""
        start = match.start(1) + (text.start(1) if text else 0)
        padded = b"\n" * data.count(b"\n", 0, start) + content
        parts.append(
            _Part(
                type=fields.get(b"TYPE", b"").decode("ascii", "replace"),
                name=fields.get(b"FILENAME", b"").decode("ascii", "replace") or None,
                data=padded,
                format=_format(content),
            )
        )
    return parts


def _fields(head: bytes) -> dict[bytes, bytes]:
    """The TYPE and FILENAME lines before a document's `<TEXT>`, the first of each."""
    fields: dict[bytes, bytes] = {}
    for key, value in _FIELD.findall(head):
        fields.setdefault(key.upper(), value.strip())
    return fields


def _format(content: bytes) -> str | None:
    """HTML when the text holds markup, None for a uuencoded or binary file, else text."""
    if _UUENCODED.match(content) or _BINARY.match(content) or not content.strip():
        return None
    return "html" if _MARKUP.search(content) else "text"


def _chosen(
    parts: list[_Part], source: str, encoding: str | None, readers: dict[str, DocumentReader]
) -> tuple[_Part, Document]:
    """The first EX-99 exhibit with tables, else the only document with tables, else the
    first exhibit or the main document."""
    read = [(part, readers[part.format or "text"](part.data, source, encoding)) for part in parts]
    exhibits = [(part, doc) for part, doc in read if _EXHIBIT_99.match(part.type)]
    with_tables = [(part, doc) for part, doc in read if doc.tables]
    for part, doc in exhibits:
        if doc.tables:
            return part, doc
    if len(with_tables) == 1:
        return with_tables[0]
    if with_tables:
        names = ", ".join(f"{part.type} {part.name or ''}".strip() for part, _ in with_tables)
        raise InputError(
            f"the EDGAR submission holds no EX-99 exhibit with tables but {len(with_tables)} "
            f"other documents with tables ({names}); which is the release cannot be told",
            Location(file=source),
            "give the press release document on its own",
        )
    return exhibits[0] if exhibits else read[0]


def _header(data: bytes, part: _Part, documents: int) -> FilingHeader:
    first = _DOCUMENT.search(data)
    text = data[: first.start()] if first else b""  # the header stands before the documents
    values = {name: _field(text, keys) for name, keys in _HEADER_FIELDS.items()}
    cik = values["cik"]
    year_end = values["fiscal_year_end"]
    return FilingHeader(
        cik=cik.zfill(10) if cik and cik.isdigit() and len(cik) <= 10 else None,
        registrant=" ".join(values["registrant"].split()) if values["registrant"] else None,
        fiscal_year_end=year_end if year_end and _month_day(year_end) else None,
        form_type=values["form_type"],
        document_type=part.type,
        document_name=part.name,
        documents=documents,
    )


def _field(text: bytes, keys: tuple[bytes, bytes]) -> str | None:
    """The first value of a header field (the first filer's), in either header form."""
    spoken, tagged = (re.escape(key) for key in keys)
    pattern = rb"^[ \t]*(?:" + spoken + rb":|<" + tagged + rb">)[ \t]*([^\n<]*)"
    found = re.search(pattern, text, re.MULTILINE)
    value = found.group(1).strip().decode("latin-1") if found else ""
    return value or None


def _month_day(text: str) -> bool:
    """`MMDD` names a day of the year (0229 included)."""
    if len(text) != 4 or not text.isdigit():
        return False
    month, day = int(text[:2]), int(text[2:])
    days = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return 1 <= month <= 12 and 1 <= day <= days[month - 1]
