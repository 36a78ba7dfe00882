"""The sample release rendered as PDFs, laid out by reportlab as releases are typeset.

Prose flows in paragraphs (bullets hang, footnote markers are raised). Each statement is
one table: labels wrap in a column of their own, values are right-aligned in theirs, and
the column headers are wrapped over two or three lines ("Three months ended" /
"December 31," / "2023  2024  2024" / "RMB  RMB  USD"). A statement that does not fit
on its page continues on the next with its header rows repeated; every page has a page
number footer, and the `ruled` layout a running header too.

- `ruled`: rules under the header cells (each period header underlined over its span),
  above totals and under the last row; headers centred; labels wrap with the numbers on
  their last line.
- `plain`: no rules at all, a denser body; headers right-aligned over their numbers;
  labels wrap with the numbers on their first line.

Output is byte-for-byte deterministic (reportlab's invariant mode).
"""

from __future__ import annotations

import dataclasses
import html
import io
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from release_model import HeaderCell, Line, Part, Prose, Release, Statement
from renderings_html import inline
from reportlab import rl_config
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate

_TOTAL = re.compile(r"^(?:total|net income|net cash|non-gaap)", re.IGNORECASE)
_ENDED = re.compile(r"^(.*\bended)\s+(.+)$")
_DATE = re.compile(r"^(.+,)\s+(\d{4})$")
_WIDTH, _HEIGHT = letter
_MARGIN = 54


@dataclass(frozen=True)
class PdfLayout:
    ruled: bool
    size: float
    leading: float
    header_align: str
    label_valign: str
    running_header: str = ""
    ascii85: bool = False
    # Each statement in pieces, as a browser prints the `split` HTML page: the header rows
    # as a table of their own, each section's name as a paragraph, its rows as a table.
    pieces: bool = False


def _styles(layout: PdfLayout) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12, spaceAfter=6)
    return {
        "body": body,
        "title": ParagraphStyle("title", body, fontName="Helvetica-Bold", fontSize=12, leading=15),
        "heading": ParagraphStyle("heading", body, fontName="Helvetica-Bold", spaceBefore=4),
        "bullet": ParagraphStyle("bullet", body, leftIndent=14, bulletIndent=2),
        "statement": ParagraphStyle(
            "statement", body, fontName="Helvetica-Bold", alignment=1, spaceBefore=10
        ),
        "caption": ParagraphStyle("caption", body, fontSize=8, leading=10, alignment=1),
        "label": ParagraphStyle(
            "label",
            fontName="Helvetica",
            fontSize=layout.size,
            leading=layout.leading,
            leftIndent=8,
            firstLineIndent=-8,
        ),
    }


def _markup(text: str) -> str:
    """Prose in reportlab's paragraph markup: raised markers, links as their text."""
    marked = inline(text, html.escape)
    marked = re.sub(r"<a href=\"[^\"]*\">(.*?)</a>", r"\1", marked)
    return marked.replace("<sup>", "<super>").replace("</sup>", "</super>")


def _prose(item: Prose, styles: dict[str, ParagraphStyle], first: bool) -> Paragraph:
    if item.kind == "bullet":
        return Paragraph(_markup(item.text), styles["bullet"], bulletText="\u2022")
    if item.kind == "heading":
        return Paragraph(_markup(item.text), styles["title" if first else "heading"])
    return Paragraph(_markup(item.text), styles["body"])


def _header_lines(text: str) -> list[str]:
    """A header as printed in a narrow column: "Three months ended" / "December 31,"."""
    for pattern in (_ENDED, _DATE):
        if match := pattern.match(text):
            return [match.group(1), match.group(2)]
    return [text]


def _header_rows(row: tuple[HeaderCell, ...]) -> list[list[tuple[str, int]]]:
    """One model header row as printed lines, each a list of (text, span); bottom-aligned."""
    split = [(_header_lines(cell.text), cell.span) for cell in row]
    depth = max(len(lines) for lines, _ in split)
    return [
        [(([""] * (depth - len(lines)) + lines)[level], span) for lines, span in split]
        for level in range(depth)
    ]


class _Grid:
    """A statement's table data and style commands, built row by row."""

    def __init__(self, statement: Statement, layout: PdfLayout, label: ParagraphStyle) -> None:
        self.statement = statement
        self.layout = layout
        self.label = label
        self.data: list[list[object]] = []
        self.commands: list[tuple] = []
        self.heads = 0

    def header(self, row: tuple[HeaderCell, ...], last: bool) -> None:
        printed = _header_rows(row)
        for level, cells in enumerate(printed):
            number = len(self.data)
            values: list[object] = [""]
            column = 1
            for text, span in cells:
                values.extend([text] + [""] * (span - 1))
                end = column + span - 1
                if span > 1:
                    self.commands.append(("SPAN", (column, number), (end, number)))
                    self.commands.append(("ALIGN", (column, number), (end, number), "CENTER"))
                underline = span > 1 or (last and level == len(printed) - 1)
                if self.layout.ruled and text and underline:
                    self.commands.append(
                        ("LINEBELOW", (column, number), (end, number), 0.5, "black")
                    )
                column = end + 1
            self.data.append(values)
            self.commands.append(("FONTNAME", (1, number), (-1, number), "Helvetica-Bold"))

    def line(self, line: Line) -> None:
        number = len(self.data)
        label = Paragraph(html.escape(line.label), self.label) if line.label else ""
        self.data.append([label, *line.values])
        if self.layout.ruled and _TOTAL.match(line.label) and any(line.values):
            self.commands.append(("LINEABOVE", (1, number), (-1, number), 0.5, "black"))

    def table(self) -> Table:
        width = _WIDTH - 2 * _MARGIN
        value = 56 if self.statement.width > 3 else 72
        label = width - value * self.statement.width
        style = [
            ("FONTNAME", (0, 0), (-1, -1), "Helvetica"),
            ("FONTSIZE", (0, 0), (-1, -1), self.layout.size),
            ("LEADING", (0, 0), (-1, -1), self.layout.leading),
            ("ALIGN", (1, 0), (-1, self.heads - 1), self.layout.header_align),
            ("ALIGN", (1, self.heads), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, self.heads - 1), "BOTTOM"),
            ("VALIGN", (0, self.heads), (-1, -1), self.layout.label_valign),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            *self.commands,
        ]
        if self.layout.ruled:
            style.append(("LINEBELOW", (1, -1), (-1, -1), 1, "black"))
        return Table(
            self.data,
            colWidths=[label] + [value] * self.statement.width,
            repeatRows=self.heads,
            style=TableStyle(style),
        )


def _statement(statement: Statement, layout: PdfLayout, styles: dict) -> list[object]:
    """Title, caption, and a table per part: a part split by a page break repeats its own
    header rows, not those of the part above it."""
    flowables: list[object] = [
        Paragraph(html.escape(statement.title), styles["statement"]),
        Paragraph(html.escape(statement.caption), styles["caption"]),
    ]
    for part in statement.parts:
        if part.new_page:
            flowables.append(PageBreak())
        if layout.pieces:
            flowables.extend(_pieces(statement, part, layout, styles))
            continue
        grid = _Grid(statement, layout, styles["label"])
        for index, row in enumerate(part.headers):
            grid.header(row, index == len(part.headers) - 1)
        grid.heads = len(grid.data)
        for line in part.lines:
            grid.line(line)
        flowables.extend([Spacer(1, 6), grid.table()])
    return flowables


def _pieces(statement: Statement, part: Part, layout: PdfLayout, styles: dict) -> list[object]:
    """A part as the header table, then section names as paragraphs between row tables."""
    head = _Grid(statement, layout, styles["label"])
    for index, row in enumerate(part.headers):
        head.header(row, index == len(part.headers) - 1)
    head.heads = len(head.data)
    flowables: list[object] = [Spacer(1, 6), head.table()]
    body: _Grid | None = None
    for line in part.lines:
        if line.section or line.blank:
            if body is not None and body.data:
                flowables.append(body.table())
            body = None
            if line.section:
                flowables.append(Paragraph(html.escape(line.label), styles["label"]))
            continue
        body = body or _Grid(statement, layout, styles["label"])
        body.line(line)
    if body is not None and body.data:
        flowables.append(body.table())
    return flowables


def render_pdf(release: Release, layout: PdfLayout) -> bytes:
    styles = _styles(layout)
    story: list[object] = []
    for number, item in enumerate(release.items):
        if isinstance(item, Statement):
            story.extend(_statement(item, layout, styles))
        else:
            story.append(_prose(item, styles, number == 0))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=letter,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN,
        title="Qifu Technology fourth quarter 2024 results",
        author="Qifu Technology, Inc.",
        invariant=1,
    )

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(_WIDTH / 2, 30, f"Page {doc.page}")
        if layout.running_header:
            canvas.drawString(_MARGIN, _HEIGHT - 34, layout.running_header)
        canvas.restoreState()

    with _stream_filters(ascii85=layout.ascii85):
        document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


@contextmanager
def _stream_filters(ascii85: bool) -> Iterator[None]:
    """Page streams Flate-compressed, behind ASCII85 too when `ascii85` (reportlab's default)."""
    saved = rl_config.useA85
    rl_config.useA85 = int(ascii85)
    try:
        yield
    finally:
        rl_config.useA85 = saved


RULED = PdfLayout(
    ruled=True,
    size=8,
    leading=9.5,
    header_align="CENTER",
    label_valign="BOTTOM",
    running_header="Qifu Technology, Inc. - Fourth Quarter and Full Year 2024 Results",
)
PLAIN = PdfLayout(ruled=False, size=8.5, leading=10, header_align="RIGHT", label_valign="TOP")
# The `split` HTML page as a browser prints it: no rules, statements in pieces.
PIECES = dataclasses.replace(PLAIN, pieces=True)


def drawn_release(
    headline: str, dateline: tuple[str, ...], draw: Callable[[Canvas, float], None]
) -> bytes:
    """A one-page release drawn line by line as a report writer draws it: the headline
    centred, the dateline below, then `draw(canvas, y)` from the height `y` under them;
    deterministic (reportlab's invariant mode, restored afterwards)."""
    out = io.BytesIO()
    invariant = rl_config.invariant
    rl_config.invariant = 1
    try:
        canvas = Canvas(out, pagesize=letter)
        y = letter[1] - 60
        canvas.setFont("Helvetica-Bold", 13)
        canvas.drawCentredString(306, y, headline)
        canvas.setFont("Helvetica", 10)
        for offset, line in enumerate(dateline):
            canvas.drawString(54, y - 20 - 13 * offset, line)
        draw(canvas, y)
        canvas.showPage()
        canvas.save()
    finally:
        rl_config.invariant = invariant
    return out.getvalue()
