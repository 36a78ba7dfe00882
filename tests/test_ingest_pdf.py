"""PDF reader: synthetic layouts written by a tiny PDF writer here, error cases, real releases.

The synthetic PDFs use the standard Helvetica fonts and place every word where a real
release would (right-aligned numbers, centred spanning headers, wrapped labels, raised
footnote markers), so each layout quirk is tested on its own. The corpus tests read the
four real PDF releases and check that their hand-checked truth facts sit in table rows
with the right label.
"""

from __future__ import annotations

import base64
import json
import re
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pdf_objects import assemble_pdf

from exporter.document import Document, Heading, Paragraph, Table
from exporter.errors import InputError
from exporter.ingest import READERS, read_document
from exporter.ingest.pdf import read_pdf
from exporter.numbers import parse_number

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
PAGE_HEIGHT = 792.0

# --- a tiny PDF writer ---------------------------------------------------------------


@dataclass
class Page:
    """Drawing operations of one page; `y` is the distance of a line's top from the top."""

    ops: list[str] = field(default_factory=list)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 9,
        font: str = "F1",
        sup: str = "",
        spacing: float = 0,
    ) -> Page:
        """Text at `x`; `sup` is a footnote marker printed raised and smaller right after it,
        `spacing` widens the spaces between words by that many points."""
        baseline = PAGE_HEIGHT - y - size * 0.8
        data = text if font == "F3" else _escape(text.encode("cp1252"))
        raised = (
            f" /{font} {size * 0.65:.1f} Tf {size * 0.35:.1f} Ts ({sup}) Tj 0 Ts" if sup else ""
        )
        words = f" {spacing} Tw" if spacing else ""
        self.ops.append(
            f"BT /{font} {size} Tf{words} {x:.2f} {baseline:.2f} Td ({data}) Tj{raised} ET"
        )
        return self

    def right(
        self, x1: float, y: float, text: str, size: float = 9, font: str = "F1", sup: str = ""
    ) -> Page:
        """Text ending at `x1` (numbers are right-aligned), Helvetica widths approximated."""
        return self.text(x1 - _width(text, size), y, text, size, font, sup)

    def centred(self, centre: float, y: float, text: str, size: float = 9) -> Page:
        return self.text(centre - _width(text, size) / 2, y, text, size)

    def rule(self, x0: float, y: float, x1: float) -> Page:
        height = PAGE_HEIGHT - y
        self.ops.append(f"0.5 w {x0:.2f} {height:.2f} m {x1:.2f} {height:.2f} l S")
        return self

    def box(self, x0: float, y0: float, x1: float, y1: float) -> Page:
        """A filled rectangle: a page with only these has no text layer."""
        self.ops.append(f"{x0} {PAGE_HEIGHT - y1} {x1 - x0} {y1 - y0} re f")
        return self


_WIDTHS = {"1": 0.556, ",": 0.278, ".": 0.278, "(": 0.333, ")": 0.333, " ": 0.278, "$": 0.556}


def _width(text: str, size: float) -> float:
    return sum(_WIDTHS.get(ch, 0.6 if ch.isupper() else 0.52) for ch in text) * size


def _escape(raw: bytes) -> str:
    out = []
    for byte in raw:
        char = chr(byte)
        if char in "()\\":
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return "".join(out)


def build_pdf(
    pages: list[Page], encrypt: bool = False, compress: bool = False, ascii85: bool = False
) -> bytes:
    """A valid PDF with Helvetica (F1), Helvetica-Bold (F2) and a font whose codes 128
    and 129 are the fi and fl ligatures (F3)."""
    objects: list[bytes] = []
    fonts = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
        b"/BaseEncoding /WinAnsiEncoding /Differences [128 /fi /fl] >> >>",
    )
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{6 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.extend(fonts)
    for i, page in enumerate(pages):
        content = "\n".join(page.ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 {PAGE_HEIGHT:.0f}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> "
            f"/Contents {7 + 2 * i} 0 R >>".encode()
        )
        if compress and ascii85:
            content = base64.a85encode(zlib.compress(content)) + b"~>"
            head = f"<< /Length {len(content)} /Filter [/ASCII85Decode /FlateDecode] >>"
        elif compress:
            content = zlib.compress(content)
            head = f"<< /Length {len(content)} /Filter /FlateDecode >>"
        else:
            head = f"<< /Length {len(content)} >>"
        objects.append(head.encode() + b"\nstream\n" + content + b"\nendstream")
    return assemble_pdf(objects, encrypt=encrypt)


# --- helpers -------------------------------------------------------------------------


def read(pages: list[Page], **kwargs: bool) -> Document:
    return read_pdf(build_pdf(pages, **kwargs), "test.pdf", None)


def grid(table: Table) -> list[list[str]]:
    """Each row as the texts of its cells, spans shown as "text[+n]"."""
    return [
        [cell.text + (f"[+{cell.span}]" if cell.span > 1 else "") for cell in row.cells]
        for row in table.rows
    ]


def row_with(table: Table, label: str) -> list[str]:
    for row in table.rows:
        if row.cells[0].text == label:
            return [cell.text for cell in row.cells]
    raise AssertionError(f"no row {label!r} in {grid(table)}")


def statement_page(page: Page | None = None, top: float = 100) -> Page:
    """An income-statement layout: title, caption, spanning headers, years, four rows."""
    page = page or Page()
    page.text(50, top - 40, "Condensed Consolidated Statements of Operations", 11, "F2")
    page.text(50, top - 26, "(in millions)", 9)
    page.centred(367, top, "Three Months Ended", 8)
    page.centred(487, top, "Six Months Ended", 8)
    for x1, year in ((350, "2023"), (410, "2022"), (470, "2023"), (530, "2022")):
        page.right(x1, top + 11, year, 8)
    rows = [
        ("Revenues", ("1,234", "1,100", "2,468", "2,200")),
        ("Cost of revenues", ("(567)", "(500)", "(1,134)", "(1,000)")),
        ("Gross profit", ("667", "600", "1,334", "1,200")),
        ("Restructuring", ("—", "12", "—", "24")),
    ]
    for i, (label, values) in enumerate(rows):
        y = top + 28 + i * 14
        page.text(50, y, label)
        for x1, value in zip((350, 410, 470, 530), values, strict=True):
            hang = _width(")", 9) if value.endswith(")") else 0
            page.right(x1 + hang, y, value)
    return page


# --- layouts -------------------------------------------------------------------------


def _ruled() -> Page:
    page = statement_page()
    for y in (96, 122, 136, 150, 164, 178):
        page.rule(45, y, 540)
    return page


@pytest.mark.parametrize("page", [statement_page(), _ruled()], ids=["unruled", "ruled"])
def test_statement_grid(page):
    doc = read([page])
    (table,) = doc.tables
    assert grid(table)[:2] == [
        ["", "Three Months Ended[+2]", "Six Months Ended[+2]"],
        ["", "2023", "2022", "2023", "2022"],
    ]
    assert row_with(table, "Cost of revenues") == [
        "Cost of revenues",
        "(567)",
        "(500)",
        "(1,134)",
        "(1,000)",
    ]
    assert row_with(table, "Restructuring") == ["Restructuring", "—", "12", "—", "24"]
    assert table.rows[0].page == 1
    assert [r.line for r in table.rows] == [3, 4, 5, 6, 7, 8]
    assert table.positional


def test_title_and_caption_stand_before_the_table():
    doc = read([statement_page()])
    kinds = [(type(b).__name__, getattr(b, "text", "")) for b in doc.blocks]
    assert kinds[:3] == [
        ("Heading", "Condensed Consolidated Statements of Operations"),
        ("Paragraph", "(in millions)"),
        ("Table", ""),
    ]


def _wrapped(kind: str) -> Page:
    page = Page()
    page.centred(460, 80, "Year Ended", 8)
    page.right(430, 91, "2023", 8)
    page.right(500, 91, "2022", 8)
    page.text(50, 110, "Net income")
    page.right(430, 110, "815")
    page.right(500, 110, "700")
    if kind == "numbers on last line":
        page.text(50, 124, "Changes in operating assets and liabilities, excluding effect of")
        page.text(50, 134, "currency")
        page.right(433, 133, "(207)")
        page.right(503, 133, "(265)")
        follow = 148
    elif kind == "numbers on first line":
        page.text(50, 124, "Earnings before income tax expense and equity in income")
        page.right(430, 124, "369")
        page.right(500, 124, "367")
        page.text(50, 134, "(loss) of affiliates")
        follow = 148
    else:
        page.text(50, 124, "Proceeds from sales of property, plant, and")
        page.text(50, 134, "equipment and other intangible assets, net of")
        page.text(50, 144, "cash disposed")
        page.right(430, 144, "18")
        page.right(500, 144, "30")
        follow = 158
    page.text(50, follow, "Dividends paid")
    page.right(433, follow, "(723)")
    page.right(503, follow, "(732)")
    return page


@pytest.mark.parametrize(
    ("kind", "label", "values"),
    [
        (
            "numbers on last line",
            "Changes in operating assets and liabilities, excluding effect of currency",
            ["(207)", "(265)"],
        ),
        (
            "numbers on first line",
            "Earnings before income tax expense and equity in income (loss) of affiliates",
            ["369", "367"],
        ),
        (
            "three lines",
            "Proceeds from sales of property, plant, and equipment and other intangible "
            "assets, net of cash disposed",
            ["18", "30"],
        ),
    ],
    ids=["numbers-last-line", "numbers-first-line", "three-lines"],
)
def test_wrapped_labels_make_one_row(kind, label, values):
    (table,) = read([_wrapped(kind)]).tables
    assert row_with(table, label)[1:] == values
    labels = [row.cells[0].text for row in table.rows if row.cells[0].text]
    assert labels == ["Net income", label, "Dividends paid"]


def test_dollar_signs_join_their_numbers():
    page = statement_page()
    page.text(50, 184, "Net income")
    for x1, value in zip((350, 410, 470, 530), ("1,267", "68", "1,466", "96"), strict=True):
        page.text(x1 - 50, 184, "$")
        page.right(x1, 184, value)
    (table,) = read([page]).tables
    assert row_with(table, "Net income") == ["Net income", "$1,267", "$68", "$1,466", "$96"]


def test_percent_signs_join_their_numbers():
    page = statement_page()
    page.text(50, 184, "Gross margin")
    for x1, value in zip((350, 410, 470, 530), ("23.2", "(6.3)", "15", "0.5"), strict=True):
        page.right(x1, 184, value)
        page.text(x1 + 2, 184, "%")
    (table,) = read([page]).tables
    cells = [text.replace(" ", "") for text in row_with(table, "Gross margin")[1:]]
    assert cells == ["23.2%", "(6.3)%", "15%", "0.5%"]
    assert all(parse_number(text) for text in row_with(table, "Gross margin")[1:])


def test_superscript_footnotes_stay_with_their_word():
    page = Page()
    page.text(50, 80, "Return on Assets")
    for x1, date in ((420, "July 29, 2023"), (520, "July 30, 2022")):
        page.right(x1 - 4, 80, date, sup="1")
    page.text(50, 95, "Gain on sale of subsidiary, net", sup="3")
    page.text(50, 137, "Cumulative users", sup="*1")
    page.right(420, 137, "56.9")
    page.right(520, 137, "50.9")
    page.text(50, 123, "Cash at the beginning of the year", sup="(1)")
    page.right(420, 123, "850")
    page.right(520, 123, "775")
    page.right(420, 95, "(21)")
    page.right(520, 95, "-")
    page.text(50, 109, "Total assets")
    page.right(420, 109, "16,130")
    page.right(520, 109, "17,702")
    (table,) = read([page]).tables
    assert grid(table)[0] == ["", "July 29, 2023¹", "July 30, 2022¹"]
    assert row_with(table, "Gain on sale of subsidiary, net³")[1:] == ["(21)", "-"]
    assert row_with(table, "Cash at the beginning of the year¹")[1:] == ["850", "775"]
    assert row_with(table, "Cumulative users*¹")[1:] == ["56.9", "50.9"]


def test_a_number_wrapped_onto_its_own_line_of_prose_is_no_table():
    """Salesforce's highlights: a bullet's last line holds only "$2.12"."""
    page = Page()
    for i, text in enumerate(
        [
            "• Second Quarter GAAP Operating Margin of 17.2% and Non-GAAP Operating Margin",
            "• Second Quarter GAAP Diluted EPS of $1.28 and Non-GAAP Diluted EPS of",
        ]
    ):
        page.text(72, 80 + 24 * i, text)
    page.text(90, 116, "$2.12")
    doc = read([page])
    assert doc.tables == ()
    assert doc.blocks[-1].text.endswith("EPS of $2.12")


def test_ligatures_and_compatibility_characters_are_normalised():
    page = Page()
    page.text(50, 60, "Net pro\x80t and cash \x81ow", 10, "F3")
    page.text(50, 80, "Second paragraph with \xa0no-break space.", 10)
    texts = [b.text for b in read([page]).blocks]
    assert texts[0] == "Net profit and cash flow"
    assert "\xa0" not in texts[1]


def test_winansi_code_127_reads_as_a_bullet():
    """reportlab prints U+2022 as code 127 of WinAnsiEncoding; pdfminer read '(cid:127)'."""
    page = Page().text(50, 80, "\x7f Free cash flow of $848 million.")
    assert [b.text for b in read([page]).blocks] == ["• Free cash flow of $848 million."]


def test_stray_page_number_before_a_header_line_is_dropped():
    page = statement_page()
    page.text(50, 100, "2", 7)
    (table,) = read([page]).tables
    assert grid(table)[0] == ["", "Three Months Ended[+2]", "Six Months Ended[+2]"]


def test_period_in_the_stub_heads_every_value_column():
    page = Page()
    page.text(50, 80, "Three Months Ended December 31,")
    page.right(400, 80, "2022")
    page.right(480, 80, "2021")
    page.text(50, 95, "Casino revenue")
    page.right(400, 95, "554")
    page.right(480, 95, "541")
    (table,) = read([page]).tables
    assert grid(table)[:2] == [["", "Three Months Ended December 31,[+2]"], ["", "2022", "2021"]]


def test_a_section_title_between_labels_and_values_labels_rows():
    """MGM's balance sheet centres "ASSETS" under the year headers but left of every
    value: it names the rows below, not a column."""
    page = Page()
    for x1, date, year in ((444, "December 31,", "2022"), (552, "December 31,", "2021")):
        page.right(x1 - 26, 80, date, 8)
        page.right(x1 - 41, 90, year, 8)
    page.text(289, 101, "ASSETS", 8)
    page.text(54, 113, "Current assets", 8)
    page.text(78, 125, "Cash and cash equivalents", 8)
    page.text(345, 125, "$", 8)
    page.right(444, 125, "5,911,893", 8)
    page.text(453, 125, "$", 8)
    page.right(552, 125, "4,703,059", 8)
    (table,) = read([page]).tables
    assert grid(table)[:4] == [
        ["", "December 31,", "December 31,"],
        ["", "2022", "2021"],
        ["ASSETS", "", ""],
        ["Current assets", "", ""],
    ]


def test_unlabelled_total_rows_keep_an_empty_label():
    page = statement_page()
    for x1, value in zip((350, 410, 470, 530), ("3,592", "3,056", "13,127", "9,680"), strict=True):
        page.right(x1, 184, value)
    (table,) = read([page]).tables
    assert table.rows[-1].cells[0].text == ""
    assert [c.text for c in table.rows[-1].cells[1:]] == ["3,592", "3,056", "13,127", "9,680"]


def _key_statistics() -> Page:
    """MGM's layout: the period at the stub, years set left of their values, a small "%"
    a column away from "2021" with "Change" under it, `$` far from its number."""
    page = Page()
    page.text(50, 80, "Three Months Ended December 31,", 11.5, "F2")
    page.right(373, 80, "2022", 11.5, "F2")
    page.right(484, 80, "2021", 11.5, "F2")
    page.text(537, 80, "%", 6, "F2")
    page.text(530, 87, "Change", 6, "F2")
    rows = [
        ("Casino revenue", "554", "541", "2"),
        ("Table games drop", "1,569", "1,374", "14"),
        ("Table games win %", "23.9 %", "24.3 %", ""),
    ]
    for i, (label, current, prior, change) in enumerate(rows):
        y = 108 + i * 15
        page.text(50, y, label, 11.5)
        for x1, value in ((400, current), (511, prior)):
            if not value.endswith("%"):
                page.text(x1 - 89, y, "$", 11.5)
                page.right(x1, y, value, 11.5)
            else:
                page.right(x1 + 13, y, value, 11.5)
        if change:
            page.right(543, y, change, 10)
            page.text(547, y, "%", 10)
    return page


def test_period_at_the_stub_and_a_detached_percent_head_their_own_columns():
    (table,) = read([_key_statistics()]).tables
    assert grid(table)[:3] == [
        ["", "Three Months Ended December 31,[+2]", ""],
        ["", "2022", "2021", "%"],
        ["", "", "", "Change"],
    ]
    assert row_with(table, "Casino revenue") == ["Casino revenue", "$554", "$541", "2 %"]
    assert row_with(table, "Table games win %") == ["Table games win %", "23.9 %", "24.3 %", ""]


def test_a_stray_dash_makes_no_column():
    page = statement_page()
    page.text(50, 184, "Other")
    for x1 in (350, 368, 410, 470, 530):
        page.right(x1, 184, "—")
    (table,) = read([page]).tables
    assert table.width == 5
    assert row_with(table, "Other") == ["Other", "—", "—", "—", "—"]


def _stacked_blocks() -> Page:
    """Best Buy's reconciliation: two header groups whose value columns interleave (the
    second block's sit a few points right of the first's), a dash over both blocks'
    columns, and two headers set so close together that they read as one chunk."""
    page = Page()
    page.centred(308, 80, "Three Months Ended")
    page.centred(308, 91, "July 29, 2023")
    page.right(270, 102, "Domestic")
    page.text(280, 102, "International Consolidated", spacing=1.9)
    rows = [
        ("SG&A", ("1,730", "149", "1,879"), True),
        ("% of revenue", ("19.5 %", "21.5 %", "19.6 %"), False),
        ("Amortization", ("(21)", "-", "(21)"), False),
    ]
    for i, (label, values, dollars) in enumerate(rows):
        y = 116 + 13 * i
        page.text(50, y, label)
        for x0, x1, value in zip((225, 276, 336), (261, 320, 381), values, strict=True):
            if dollars:
                page.text(x0, y, "$")
            if value.endswith("%"):
                page.text(x1 + 4.5, y, "%")
            hang = {")": 3, "-": 2}.get(value[-1], 0)
            page.right(x1 + hang, y, value.removesuffix(" %"))
    page.centred(310, 160, "Three Months Ended")
    page.centred(310, 171, "July 29, 2023")
    for x1, text in zip((272, 329, 386), ("Earnings", "Net of Tax", "Per Share"), strict=True):
        page.right(x1, 182, text)
    for i, (label, values) in enumerate(
        [("Restructuring", ("(7)", "(7)", "(0.03)")), ("Loss on investments", ("-", "2", "-"))]
    ):
        y = 196 + 13 * i
        page.text(50, y, label)
        for x1, value in zip((270, 326, 383), values, strict=True):
            page.right(x1 + (3 if value[-1] in ")-" else 0), y, value)
    return page


def test_stacked_blocks_keep_their_own_columns():
    (table,) = read([_stacked_blocks()]).tables
    rows = grid(table)
    assert table.width == 6
    assert rows[1] == ["", "July 29, 2023[+5]"]
    assert [c for c in rows[2] if c] == ["Domestic", "International", "Consolidated"]
    assert row_with(table, "Amortization") == ["Amortization", "(21)", "", "-", "", "(21)"]
    assert row_with(table, "Loss on investments") == ["Loss on investments", "", "-", "", "2", "-"]
    assert ["", "", "July 29, 2023[+4]"] in rows


def _right_aligned_cells() -> Page:
    """reportlab's table: cells 72 points wide from x=342, numbers set right in them,
    headers centred over their cells ("Three months ended" over all three)."""
    page = Page()
    page.centred(450, 80, "Three months ended", 8)
    page.centred(450, 90, "December 31,", 8)
    for centre, year, currency in (
        (378, "2023", "RMB"),
        (450, "2024", "RMB"),
        (522, "2024", "USD"),
    ):
        page.centred(centre, 100, year, 8)
        page.centred(centre, 110, currency, 8)
    page.text(60, 122, "Net income", 8)
    for x1, value in zip((408, 480, 552), ("1,107,688", "1,912,667", "262,034"), strict=True):
        page.right(x1, 122, value, 8)
    return page


def test_period_header_centred_over_right_aligned_cells_spans_them():
    (table,) = read([_right_aligned_cells()]).tables
    assert grid(table)[:2] == [["", "Three months ended[+3]"], ["", "December 31,[+3]"]]


def test_a_group_name_over_two_columns_stays_whole():
    """Best Buy's "Revenue Mix": each word lies over a column, but not over its values."""
    page = Page()
    page.text(380, 69, "Revenue Mix")
    page.centred(407, 80, "Three Months Ended")
    page.right(392, 91, "July 29, 2023")
    page.right(478, 91, "July 30, 2022")
    page.text(50, 105, "Appliances")
    page.right(403, 105, "16 %")
    page.right(489, 105, "17 %")
    (table,) = read([page]).tables
    assert grid(table)[0] == ["", "Revenue Mix[+2]"]


def _footer(page: Page, number: int) -> Page:
    page.text(50, 30, "Example Corp. Quarterly Results", 8)
    page.centred(306, 760, f"Page {number} of 2", 8)
    return page


def test_page_artefacts_are_dropped_and_continued_tables_keep_headers():
    first = _footer(statement_page(), 1)
    second = _footer(statement_page(Page(), top=120), 2)
    third = _footer(Page().text(50, 100, "About Example Corp."), 3)
    doc = read([first, second, third])
    texts = " ".join(b.text for b in doc.text_blocks)
    assert "Page 1 of 2" not in texts
    assert "Quarterly Results" not in texts
    assert [t.page for t in doc.tables] == [1, 2]
    assert all(grid(t)[1] == ["", "2023", "2022", "2023", "2022"] for t in doc.tables)


def test_prose_wrapped_before_a_parenthesis_runs_on():
    """A dateline wrapped before '("Qifu Technology" ...' is one paragraph; a footnote
    starting "(1)" and a caption under a title still start blocks of their own."""
    page = Page()
    page.text(50, 60, "Example Corp. Reports Results", 11, "F2")
    page.text(50, 76, "(In thousands)")
    lines = [
        "SHANGHAI, China, March 16, 2025 (GLOBE NEWSWIRE) -- Example Corp. (NASDAQ: EXMP)",
        '("Example" or the "Company"), a leading platform in China, today announced its',
        "unaudited results for the fourth quarter.",
    ]
    for i, line in enumerate(lines):
        page.text(50, 96 + 11 * i, line)
    page.text(50, 140, "(1)Represents the share of income from the ventures held.")
    texts = [b.text for b in read([page]).blocks]
    assert texts == [
        "Example Corp. Reports Results",
        "(In thousands)",
        " ".join(lines),
        "(1)Represents the share of income from the ventures held.",
    ]


def test_a_statement_continued_under_repeated_headers_is_one_table():
    """A statement broken by a page break repeats its header rows at the top of the next
    page; it reads as one table, the repeated rows dropped."""
    first = _footer(statement_page(), 1)
    second = Page()
    second.centred(367, 60, "Three Months Ended", 8)
    second.centred(487, 60, "Six Months Ended", 8)
    for x1, year in ((350, "2023"), (410, "2022"), (470, "2023"), (530, "2022")):
        second.right(x1, 71, year, 8)
    second.text(50, 88, "Net income")
    for x1, value in zip((350, 410, 470, 530), ("512", "488", "1,024", "976"), strict=True):
        second.right(x1, 88, value)
    doc = read([first, _footer(second, 2), _footer(Page().text(50, 100, "About us."), 3)])
    (table,) = doc.tables
    assert [row.page for row in table.rows] == [1] * 6 + [2]
    assert row_with(table, "Net income") == ["Net income", "512", "488", "1,024", "976"]
    assert [r for r in grid(table) if r[1:] == ["2023", "2022", "2023", "2022"]] == [
        ["", "2023", "2022", "2023", "2022"]
    ]


def test_prose_becomes_headings_and_paragraphs_in_reading_order():
    page = Page()
    page.text(50, 60, "Fiscal 2023 Highlights", 11, "F2")
    lines = [
        "Net sales of $14,694 million were in line with the prior year on a comparable",
        "constant currency basis, and adjusted EPS grew by 3% to 73.3 cents per share.",
    ]
    for i, line in enumerate(lines):
        page.text(50, 80 + i * 11, line, 9)
    page.text(50, 110, "• Free cash flow of $848 million.", 9)
    doc = read([page])
    assert doc.tables == ()
    assert isinstance(doc.blocks[0], Heading)
    assert isinstance(doc.blocks[1], Paragraph)
    assert doc.blocks[1].text == " ".join(lines)
    assert doc.blocks[2].text.startswith("• Free cash flow")


def test_compressed_streams_read_the_same():
    plain = read([statement_page()])
    packed = read([statement_page()], compress=True)
    assert plain.blocks == packed.blocks


def test_ascii85_flate_streams_are_not_taken_for_damage():
    """reportlab writes content as [/ASCII85Decode /FlateDecode]; it was refused as damaged."""
    plain = read([statement_page()])
    assert read([statement_page()], compress=True, ascii85=True).blocks == plain.blocks


def test_read_document_dispatches_pdf(tmp_path):
    path = tmp_path / "release.bin"
    path.write_bytes(build_pdf([statement_page()]))
    assert "pdf" in READERS
    doc = read_document(path)
    assert doc.format == "pdf"
    assert len(doc.tables) == 1


# --- errors --------------------------------------------------------------------------


def _broken_stream() -> bytes:
    """A compressed content stream whose bytes were damaged in transit."""
    data = bytearray(build_pdf([statement_page()], compress=True))
    start = data.index(b"stream\n", data.index(b"/FlateDecode")) + 7
    data[start + 2 : start + 40] = b"\x00" * 38
    return bytes(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (build_pdf([Page().box(50, 50, 500, 700)]), "no text layer (scanned?)"),
        (build_pdf([statement_page()], encrypt=True), "encrypted"),
        (build_pdf([statement_page()])[:600], "truncated"),
        (build_pdf([statement_page()] * 3, compress=True)[:-30], "truncated"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n", "damaged"),
        (_broken_stream(), "damaged"),
        (b"Net sales 1,234\n", "not a PDF"),
    ],
    ids=[
        "no-text-layer",
        "encrypted",
        "truncated-early",
        "truncated-late",
        "garbage-after-header",
        "broken-stream",
        "not-a-pdf",
    ],
)
def test_unreadable_pdfs_raise_input_error(data, message):
    with pytest.raises(InputError) as caught:
        read_pdf(data, "bad.pdf", None)
    assert message in str(caught.value)
    assert caught.value.hint
    assert caught.value.location.file == "bad.pdf"


def test_no_text_layer_error_says_to_ocr():
    with pytest.raises(InputError, match="OCR"):
        read_pdf(build_pdf([Page().box(50, 50, 500, 700)]), "scan.pdf", None)


# --- the real releases ---------------------------------------------------------------

_SUPERSCRIPTS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _label_key(label: str) -> str:
    """A label without footnote markers ("(1)", "¹", a digit glued on: "net3") or spaces."""
    label = label.translate(_SUPERSCRIPTS)
    label = re.sub(r"\(\s*(?:\d{1,2}|[a-z])\s*\)", " ", label)
    label = re.sub(r"(?<=[A-Za-z%)])\d{1,2}\b", "", label)
    return re.sub(r"\s+", "", label).lower()


def _token(text: str) -> str:
    return text.replace("$", "").replace(" ", "")


def _rows(doc: Document) -> list[tuple[str, set[str]]]:
    """(label key, cell tokens) per table row; the label is the text before the first number."""
    rows = []
    for table in doc.tables:
        for row in table.rows:
            label = []
            for cell in row.cells:
                if cell.text.strip() and parse_number(cell.text) is not None:
                    break
                if cell.text.strip():
                    label.append(cell.text)
            rows.append((_label_key(" ".join(label)), {_token(c.text) for c in row.cells}))
    return rows


def truth_coverage(doc: Document, stem: str) -> tuple[float, list[str]]:
    facts = json.loads((CORPUS / "truth" / f"{stem}.json").read_text())["facts"]
    rows = _rows(doc)
    missing = [
        f"{fact['label']!r} {fact['printed']}"
        for fact in facts
        if not any(
            key == _label_key(fact["label"]) and _token(fact["printed"]) in cells
            for key, cells in rows
        )
    ]
    return 1 - len(missing) / len(facts), missing


# Shares of truth facts found in a correctly labelled row, as achieved (2026-11).
COVERAGE = {
    "amcor-fy2023q4": 1.0,
    "salesforce-fy2024q2": 1.0,
    "mgm-2022q4": 1.0,
    "bestbuy-fy2024q2": 1.0,
}


@pytest.fixture(scope="module")
def corpus() -> dict[str, tuple[Document, float]]:
    read = {}
    for stem in COVERAGE:
        start = time.perf_counter()
        doc = read_pdf((CORPUS / f"{stem}.pdf").read_bytes(), f"{stem}.pdf", None)
        read[stem] = (doc, time.perf_counter() - start)
    return read


@pytest.mark.parametrize("stem", list(COVERAGE))
def test_truth_facts_sit_in_labelled_rows(corpus, stem):
    doc, seconds = corpus[stem]
    share, missing = truth_coverage(doc, stem)
    print(f"{stem}: {share:.1%} of truth facts, read in {seconds:.2f}s")
    assert share >= COVERAGE[stem], missing


@pytest.mark.parametrize("stem", list(COVERAGE))
def test_corpus_has_no_page_artefacts(corpus, stem):
    doc, _ = corpus[stem]
    for block in doc.text_blocks:
        assert not re.fullmatch(r"(?:Page )?\d+(?: of \d+)?", block.text), block
    for table in doc.tables:
        for row in table.rows:
            assert row.page is not None and table.page is not None
            assert table.page <= row.page <= table.page + 1
            assert row.line >= 1
