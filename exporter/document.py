"""The document model every reader produces: an ordered list of blocks with source places.

Readers (text today, HTML and PDF later) only split an input into headings, paragraphs
and tables of cells; they do not interpret numbers or periods. Tables are grids: each
cell knows the grid column it starts in and how many columns it spans, so readers whose
layout is positional (HTML colspans, PDF word positions) and readers whose layout is
sequential (tab-separated text) hand the next stage the same shape.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from exporter.models import Frozen


class Cell(Frozen):
    """One table cell as printed, with the grid column it starts in."""

    text: str
    column: int
    span: int = 1


class Row(Frozen):
    """One table row; `line` is the 1-based source line (or the PDF line on its page)."""

    cells: tuple[Cell, ...]
    line: int
    page: int | None = None
    notes: tuple[str, ...] = ()
    """How the reader read the row where the print left a choice (digits run together cut
    into cells): the report states each, so a reader's judgement is never silent."""
    clashes: tuple[str, ...] = ()
    """Header cells the reader found standing over one value column and could not place
    apart: the report names the column, since only one of them can head it."""

    @property
    def is_blank(self) -> bool:
        return all(not cell.text.strip() for cell in self.cells)


class Heading(Frozen):
    """A short line standing on its own: a section or table title."""

    kind: Literal["heading"] = "heading"
    text: str
    line: int
    page: int | None = None


class Paragraph(Frozen):
    """Running text: one paragraph or bullet."""

    kind: Literal["paragraph"] = "paragraph"
    text: str
    line: int
    page: int | None = None


class Table(Frozen):
    """A grid of cells; `index` counts tables from 1 in document order.

    `positional` says the reader knew where each cell sits (HTML colspans, PDF or
    fixed-width positions), so a header cell covers exactly its `span`. A sequential grid
    (tab-separated text) only gives cell order: a spanning header's reach is inferred.
    """

    kind: Literal["table"] = "table"
    index: int
    rows: tuple[Row, ...]
    line: int
    page: int | None = None
    positional: bool = False

    @property
    def width(self) -> int:
        return max((c.column + c.span for r in self.rows for c in r.cells), default=0)


Block = Annotated[Heading | Paragraph | Table, Field(discriminator="kind")]


class OcrChunk(Frozen):
    """A run of words read by OCR, where it was printed: page, line (as `Row.line`) and
    box in PDF points from the page's top-left corner; `confidence` is the OCR engine's
    lowest word confidence in it, from 0 to 1 (a text layer's words are exact)."""

    page: int
    line: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float


class OcrLayer(Frozen):
    """The pages of a PDF read through OCR, by which engine, and what it read on them."""

    engine: str
    pages: tuple[int, ...]
    chunks: tuple[OcrChunk, ...]


class FilingHeader(Frozen):
    """What an EDGAR submission's SGML header says about its filer, and which of its
    documents was read. The header is the SEC's record, not the release's words: the filer's
    CIK, conformed name and fiscal year end (`MMDD`). `form_type` is the submission's form
    ("8-K"); its "period of report" is an event date for an 8-K and is not kept."""

    cik: str | None = None
    registrant: str | None = None
    fiscal_year_end: str | None = None
    form_type: str | None = None
    document_type: str
    """The TYPE of the document read ("EX-99.1")."""
    document_name: str | None = None
    documents: int = 1
    """How many documents the submission holds."""


class Document(Frozen):
    """A press release as a reader saw it."""

    source: str
    format: Literal["text", "html", "pdf"]
    blocks: tuple[Block, ...]
    # The EDGAR header of a full submission file the release was taken from; None otherwise.
    filing: FilingHeader | None = None
    # Pages read through OCR (a PDF without a usable text layer); None when none were.
    ocr: OcrLayer | None = None

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @property
    def text_blocks(self) -> tuple[Heading | Paragraph, ...]:
        return tuple(b for b in self.blocks if not isinstance(b, Table))
