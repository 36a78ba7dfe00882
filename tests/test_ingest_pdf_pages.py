"""A statement's column headers printed at the foot of a page, its body on the next.

The header lines left at the foot of the page stand over the columns the body continues
in, so the reader hands them over as a table of header rows alone; the table stage joins
them to the body. Lines at the foot of a page that do not head those columns stay text.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from test_ingest_pdf import Page, grid, read, row_with

from exporter.document import Cell, Document, Heading, Paragraph, Row, Table
from exporter.ingest import read_document
from exporter.tables.context import raw_tables

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
SIZE = 8.5
_ROWS = (
    ("Net income", "1,107,688", "1,912,667", "262,034"),
    ("Add: Share-based compensation expenses", "42,572", "59,720", "8,182"),
    ("Non-GAAP net income", "1,150,260", "1,972,387", "270,216"),
)
_RIGHTS = (408.0, 480.0, 552.0)


def _prose(page: Page, top: float, count: int) -> Page:
    for i in range(count):
        page.text(60, top + i * 12, f"Sentence {i + 1} of the text before the statement.", SIZE)
    return page


def _foot(page: Page, top: float, years: tuple[str, str, str] = ("2023", "2024", "2024")) -> Page:
    """The header block of a three-column statement at the foot of a page."""
    page.text(60, top - 36, "Reconciliations of GAAP and Non-GAAP Results", 10)
    page.centred(444, top, "Three months ended", SIZE)
    page.centred(444, top + 12.5, "December 31,", SIZE)
    for right, text in zip(_RIGHTS, years, strict=True):
        page.right(right, top + 25, text, SIZE)
    for right, text in zip(_RIGHTS, ("RMB", "RMB", "USD"), strict=True):
        page.right(right, top + 37.5, text, SIZE)
    return page


def _body(page: Page, top: float) -> Page:
    for i, (label, *values) in enumerate(_ROWS):
        page.text(60, top + i * 12.5, label, SIZE)
        for right, value in zip(_RIGHTS, values, strict=True):
            page.right(right, top + i * 12.5, value, SIZE)
    return page


def test_headers_left_at_the_foot_of_a_page_are_a_table_of_header_rows():
    first = _foot(_prose(Page(), 80, 30), 660)
    doc = read([first, _body(Page(), 62)])
    head, body = doc.tables
    assert head.page == 1 and body.page == 2
    assert grid(head) == [
        ["", "Three months ended[+3]"],
        ["", "December 31,[+3]"],
        ["", "2023", "2024", "2024"],
        ["", "RMB", "RMB", "USD"],
    ]
    assert row_with(body, "Net income") == ["Net income", "1,107,688", "1,912,667", "262,034"]
    assert not any("RMB RMB USD" in b.text for b in doc.blocks if isinstance(b, Paragraph))


def test_the_table_stage_joins_the_orphaned_headers_to_the_body():
    doc = read([_foot(_prose(Page(), 80, 30), 660), _body(Page(), 62)])
    (table,) = [t for t in raw_tables(doc) if any(r.cells[0].text == "Net income" for r in t.rows)]
    assert [c.text for c in table.rows[2].cells] == ["", "2023", "2024", "2024"]
    assert [c.text for c in table.rows[-1].cells] == [*_ROWS[-1]]


def test_a_body_that_prints_the_years_again_continues_the_orphaned_headers():
    second = _body(Page(), 75)
    for right, text in zip(_RIGHTS, ("2023", "2024", "2024"), strict=True):
        second.right(right, 62.5, text, SIZE)
    first = _prose(Page(), 80, 30)
    _foot(first, 660)
    (table,) = read([first, second]).tables
    assert [row[1:] for row in grid(table)[2:5]] == [
        ["2023", "2024", "2024"],
        ["RMB", "RMB", "USD"],
        ["1,107,688", "1,912,667", "262,034"],
    ]


def test_years_at_the_foot_of_a_page_over_other_columns_stay_text():
    first = _prose(Page(), 80, 30)
    first.text(60, 660, "Results for", SIZE)
    first.text(250, 660, "2023", SIZE).text(300, 660, "2024", SIZE)
    doc = read([first, _body(Page(), 62)])
    assert len(doc.tables) == 1
    assert doc.text_blocks[-1].text == "Results for 2023 2024"


def test_text_at_the_foot_of_a_page_before_a_table_stays_text():
    first = _prose(Page(), 80, 32)
    doc = read([first, _body(Page(), 62)])
    assert len(doc.tables) == 1
    assert doc.tables[0].page == 2


@pytest.fixture(scope="module")
def ebay() -> Document:
    return read_document(CORPUS / "ebay-2023q1.pdf")


def test_ebay_net_revenue_headers_at_the_foot_of_page_9_head_the_body_on_page_10(ebay):
    head = next(t for t in ebay.tables if t.page == 9 and t.rows[0].line == 52)
    assert grid(head) == [
        ["", "Three Months Ended[+5]"],
        ["", "March 31,", "December 31,", "September 30,", "June 30,", "March 31,"],
        ["", "2023", "2022", "2022", "2022", "2022"],
    ]
    body = next(t for t in ebay.tables if t.page == 10)
    assert row_with(body, "Total net revenues (1)(2)(3)")[1:] == [
        "$2,510",
        "$2,510",
        "$2,380",
        "$2,422",
        "$2,483",
    ]
    assert isinstance(body, Table) and grid(body)[0][0] == "Total net revenues (1)(2)(3)"


_TITLE = "Condensed Consolidated Statements of Operations"


def _statement_top(page: Page, top: float) -> Page:
    """An income statement's first page, in millions: headers, rows, then a section
    heading left at the foot ("Net income per share:") above the page's number."""
    page.text(60, top - 30, "Calderon Precision Systems, Inc.", 10)
    page.text(60, top - 18, _TITLE, 10)
    page.text(60, top - 6, "(In millions, except per share amounts)", SIZE)
    page.centred(444, top + 6, "Three months ended June 30,", SIZE)
    for right, text in zip(_RIGHTS[1:], ("2025", "2024"), strict=True):
        page.right(right, top + 18, text, SIZE)
    rows = (("Revenue", "$1,250", "$1,180"), ("Net income", "$194", "$157"))
    for i, (label, *values) in enumerate(rows):
        page.text(60, top + 32 + i * 12.5, label, SIZE)
        for right, value in zip(_RIGHTS[1:], values, strict=True):
            page.right(right, top + 32 + i * 12.5, value, SIZE)
    page.text(60, top + 57, "Net income per share:", SIZE)
    page.centred(306, 760, "2", SIZE)
    return page


def _statement_continued(page: Page, headers: bool) -> Page:
    page.text(60, 50, "Calderon Precision Systems, Inc.", 10)
    page.text(60, 62, f"{_TITLE} (continued)", 10)
    top = 80
    if headers:
        page.centred(444, top, "Three months ended June 30,", SIZE)
        for right, text in zip(_RIGHTS[1:], ("2025", "2024"), strict=True):
            page.right(right, top + 12, text, SIZE)
        top += 26
    for i, (label, *values) in enumerate(
        (("Basic", "$1.62", "$1.30"), ("Diluted", "$1.60", "$1.28"))
    ):
        page.text(70, top + i * 12.5, label, SIZE)
        for right, value in zip(_RIGHTS[1:], values, strict=True):
            page.right(right, top + i * 12.5, value, SIZE)
    return page


@pytest.mark.parametrize("headers", [True, False], ids=["headers-repeated", "no-headers"])
def test_a_section_heading_left_at_the_foot_heads_the_rows_continued_on_the_next_page(
    tmp_path: Path, headers: bool
) -> None:
    from test_ingest_pdf import build_pdf

    from exporter.options import ConvertOptions
    from exporter.pipeline import convert

    path = tmp_path / "calderon-2025q2.pdf"
    first = _statement_top(_prose(Page(), 80, 30), 560)
    path.write_bytes(build_pdf([first, _statement_continued(Page(), headers)]))
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    facts = {(f.concept, f.context): (f.value, f.unit) for f in conversion.facts.facts}
    quarter = "D2025-04-01_2025-06-30"
    assert facts[("EarningsPerShareBasic", quarter)][1] == "USD_per_share"
    assert facts[("EarningsPerShareBasic", quarter)][0] == Decimal("1.62")
    assert facts[("EarningsPerShareDiluted", "D2024-04-01_2024-06-30")][0] == Decimal("1.28")


def _turned_statement(turn: int) -> bytes:
    """A one-page release with a segment table, its page turned by /Rotate `turn` and its
    content drawn turned back so that it reads upright when displayed (0: a plain
    landscape page)."""
    import io

    from reportlab import rl_config
    from reportlab.lib.pagesizes import landscape, letter
    from reportlab.pdfgen.canvas import Canvas

    rl_config.invariant = 1
    out = io.BytesIO()
    width, height = landscape(letter)
    canvas = Canvas(out, pagesize=letter if turn else (width, height))
    if turn:
        canvas.setPageRotation(turn)
        if turn == 90:
            canvas.translate(letter[0], 0)
            canvas.rotate(90)
        else:
            canvas.translate(0, letter[1])
            canvas.rotate(-90)
    lines = [
        (50, 560, "Vantor Industrial Group, Inc. Reports First Quarter 2025 Results", ()),
        (50, 540, "Three Months Ended March 31, 2025 (In millions)", ()),
        (50, 500, "", ("Americas", "EMEA", "Consolidated")),
        (50, 485, "Net sales", ("$612.4", "$388.9", "$1,001.3")),
        (50, 470, "Operating income", ("88.1", "41.7", "129.8")),
    ]
    for x, y, label, cells in lines:
        canvas.setFont("Helvetica", 9.5)
        canvas.drawString(x, y, label)
        for right, text in zip((420, 520, 640), cells, strict=False):
            canvas.drawRightString(right, y, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize("turn", [0, 90, 270])
def test_a_page_turned_by_its_rotation_reads_as_displayed(tmp_path: Path, turn: int) -> None:
    path = tmp_path / "vantor-2025q1.pdf"
    path.write_bytes(_turned_statement(turn))
    (table,) = read_document(path).tables
    assert row_with(table, "Net sales") == ["Net sales", "$612.4", "$388.9", "$1,001.3"]
    assert row_with(table, "Operating income") == ["Operating income", "88.1", "41.7", "129.8"]


def _two_statements(title: str) -> Page:
    """A quarter's statement ending a page's first half, then the six months' under its
    own title, caption and year headers (the title centred, or run across the columns,
    or wrapped leaving "30" on a line of its own)."""
    page = Page()
    page.text(60, 40, "Silverline Medical Reports Second Quarter 2025 Results", 10)
    page.text(60, 54, "MINNEAPOLIS, Minnesota, August 6, 2025 -- Silverline today reported.", SIZE)
    top = 90
    heads = ["For the Quarters Ended June 30", "For the Six Months Ended June 30"]
    rows = [
        (("Total revenue", "$ 292,634", "$ 272,232"), ("Net income", "30,847", "24,149")),
        (("Total revenue", "$ 571,392", "$ 532,218"), ("Net income", "51,889", "42,226")),
    ]
    for head, body in zip(heads, rows, strict=True):
        words = f"Condensed Consolidated Statements of Operations (Unaudited) — {head}"
        if title == "centred":  # each line centred: the period's line over the columns
            page.centred(306, top - 11, "SILVERLINE MEDICAL DEVICES, INC.", SIZE)
            page.centred(306, top, "Condensed Consolidated Statements of Operations", SIZE)
            page.centred(306, top + 11, head, SIZE)
        elif title == "across":
            page.text(70, top, "SILVERLINE MEDICAL DEVICES, INC.", SIZE)
            page.text(70, top + 11, words, SIZE)
        else:  # wrapped across the page: the date's day centred on a line of its own
            page.text(
                70, top, f"Silverline Medical Devices, Inc. {words.removesuffix(' 30')}", SIZE
            )
            page.centred(306, top + 10, "30", SIZE)
        page.centred(306, top + 22, "(in thousands, except per share amounts)", SIZE)
        for right, year in zip(_RIGHTS[1:], ("2025", "2024"), strict=True):
            page.right(right, top + 34, year, SIZE)
        for i, (label, *values) in enumerate(body):
            page.text(70, top + 46 + i * 12.5, label, SIZE)
            for right, value in zip(_RIGHTS[1:], values, strict=True):
                page.right(right, top + 46 + i * 12.5, value, SIZE)
        # The next title a blank row below the last row (the gap of a blank row or two
        # does not end a table by itself).
        top += 46 + 12.5 + 22
    return page


@pytest.mark.parametrize("title", ["centred", "across", "wrapped"])
def test_a_title_and_headers_below_a_statements_rows_start_the_next_table(
    tmp_path: Path, title: str
) -> None:
    from test_ingest_pdf import build_pdf

    from exporter.options import ConvertOptions
    from exporter.pipeline import convert

    path = tmp_path / "silverline-2025q2.pdf"
    path.write_bytes(build_pdf([_two_statements(title)]))
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    contexts = {c.id: c.period for c in conversion.facts.contexts}
    facts = {
        (f.concept, str(contexts[f.context].start), f.value)
        for f in conversion.facts.facts
        if f.concept in ("Revenues", "NetIncomeLoss", "ProfitLoss")
    }
    assert ("Revenues", "2025-04-01", Decimal("292634000")) in facts
    assert ("Revenues", "2025-01-01", Decimal("571392000")) in facts
    assert ("Revenues", "2024-01-01", Decimal("532218000")) in facts
    assert len(conversion.report.tables) == 2


_LEFT = (
    ("Revenue", "$ 189,544", "$ 169,559"),
    ("Cost of revenue", "88,675", "81,012"),
    ("Gross profit", "100,869", "88,547"),
    ("Operating expenses", "61,210", "57,406"),
    ("Operating income", "39,659", "31,141"),
    ("Income tax expense", "8,328", "6,540"),
    ("Net income", "$ 31,331", "$ 24,601"),
)
_RIGHT = (
    ("Cash and cash equivalents", "$ 212,450", "$ 188,306"),
    ("Accounts receivable, net", "118,604", "109,233"),
    ("Inventories", "86,915", "81,442"),
    ("Total current assets", "417,969", "378,981"),
    ("Property and equipment, net", "74,260", "71,518"),
    ("Total assets", "$ 492,229", "$ 450,499"),
    ("Total liabilities", "$ 201,400", "$ 188,212"),
)


def _side_by_side(offset: float) -> Page:
    """An income statement on the left half of the page and a balance sheet on the right,
    each with its own title and headers; the right one's rows `offset` points lower."""
    size = 7.0
    page = Page()
    page.text(30, 40, "Cobalt Ridge Reports Second Quarter 2025 Results", 10)
    page.text(30, 54, "AUSTIN, Texas, August 5, 2025 -- Cobalt Ridge today reported.", size)
    halves = (
        (30, (222, 282), "Statements of Income", ("June 30,", "June 30,"), _LEFT, 0),
        (322, (522, 582), "Balance Sheets", ("June 30,", "Dec. 31,"), _RIGHT, offset),
    )
    for x, rights, title, heads, rows, shift in halves:
        top = 80 + shift
        page.text(x, top, f"Condensed Consolidated {title}", size)
        page.text(x, top + 9, "(in thousands)", size)
        if title.startswith("Statements"):
            page.centred((rights[0] + rights[1]) / 2 - 10, top + 18, "Three Months Ended", size)
        for right, head, year in zip(rights, heads, ("2025", "2024"), strict=True):
            page.right(right, top + 27, head, size)
            page.right(right, top + 36, year, size)
        for i, (label, *values) in enumerate(rows):
            y = top + 47 + i * 9.5
            page.text(x, y, label, size)
            for right, value in zip(rights, values, strict=True):
                page.right(right, y, value, size)
    return page


@pytest.mark.parametrize("offset", [0.0, 4.0], ids=["rows-aligned", "rows-offset"])
def test_two_statements_side_by_side_are_two_tables(tmp_path: Path, offset: float) -> None:
    from test_ingest_pdf import build_pdf

    from exporter.options import ConvertOptions
    from exporter.pipeline import convert

    path = tmp_path / "cobalt-2025q2.pdf"
    path.write_bytes(build_pdf([_side_by_side(offset)]))
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    contexts = {c.id: c.period for c in conversion.facts.contexts}
    facts = {(f.source.label, str(contexts[f.context])): f.value for f in conversion.facts.facts}
    assert facts[("Revenue", "2025-04-01..2025-06-30")] == Decimal("189544000")
    assert facts[("Net income", "2024-04-01..2024-06-30")] == Decimal("24601000")
    assert facts[("Cash and cash equivalents", "2025-06-30")] == Decimal("212450000")
    assert facts[("Total assets", "2024-12-31")] == Decimal("450499000")
    assert len(conversion.report.tables) == 2


_LEFT_COLUMN = (
    "DENVER, Colo., February 18, 2026 -- Alder",
    "Aggregates, Inc. (NYSE: ALD) today reported",
    "fourth quarter 2025 net sales of $486.3",
    "million, up 5.2% from $462.1 million in the",
    "prior-year quarter.",
)
_RIGHT_COLUMN = (
    "For the full year, net sales were $1,902.7",
    "million. Cash from operations was $244.9",
    "million for the full year, said the Chief",
    "Executive Officer of the company.",
)
_FULL_WIDTH_ROWS = (
    ("Net sales", "$ 486,318", "$ 462,105", "$ 1,902,744", "$ 1,811,420"),
    ("Operating income", "61,794", "52,332", "235,607", "199,168"),
    ("Net income", "$ 38,208", "$ 31,587", "$ 143,597", "$ 118,084"),
)


def _two_text_columns(gutter: float) -> Page:
    """A headline across the page, prose in two text columns `gutter` points apart, and
    a full-width income statement below them."""
    size = 9.0
    page = Page()
    page.text(60, 40, "Alder Aggregates Reports Fourth Quarter and Full Year 2025 Results", 12)
    right_x = 50 + 230 + gutter
    for column, x in ((_LEFT_COLUMN, 50.0), (_RIGHT_COLUMN, right_x)):
        for i, line in enumerate(column):
            page.text(x, 70 + i * 12, line, size)
    page.centred(306, 150, "CONSOLIDATED STATEMENTS OF INCOME", size)
    page.centred(306, 162, "(In thousands)", size)
    for centre, span in ((375, "Three Months Ended"), (515, "Year Ended")):
        page.centred(centre, 180, span, size)
        page.centred(centre, 191, "December 31,", size)
    rights = (340, 410, 480, 550)
    for right, year in zip(rights, ("2025", "2024", "2025", "2024"), strict=True):
        page.right(right, 202, year, size)
    for i, (label, *values) in enumerate(_FULL_WIDTH_ROWS):
        y = 216 + i * 12
        page.text(50, y, label, size)
        for right, value in zip(rights, values, strict=True):
            page.right(right, y, value, size)
    return page


@pytest.mark.parametrize("gutter", [40.0, 18.0])
def test_prose_in_two_text_columns_reads_each_column_top_to_bottom(
    tmp_path: Path, gutter: float
) -> None:
    from test_ingest_pdf import build_pdf

    from exporter.options import ConvertOptions
    from exporter.pipeline import convert

    document = read([_two_text_columns(gutter)])
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert (
        "DENVER, Colo., February 18, 2026 -- Alder Aggregates, Inc. (NYSE: ALD) today"
        " reported fourth quarter 2025 net sales of $486.3 million, up 5.2% from $462.1"
        " million in the prior-year quarter."
    ) in texts
    assert (
        "For the full year, net sales were $1,902.7 million. Cash from operations was"
        " $244.9 million for the full year, said the Chief Executive Officer of the company."
    ) in texts
    path = tmp_path / "alder-2025q4.pdf"
    path.write_bytes(build_pdf([_two_text_columns(gutter)]))
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    contexts = {c.id: str(c.period) for c in conversion.facts.contexts}
    facts = {(f.concept, contexts[f.context]): f.value for f in conversion.facts.facts}
    year, quarter = "2025-01-01..2025-12-31", "2025-10-01..2025-12-31"
    cash = "NetCashProvidedByUsedInOperatingActivities"
    assert facts[(cash, year)] == Decimal("244900000")
    assert facts[("RevenuesPercentChangeFromPriorYear", quarter)] == Decimal("0.052")
    assert facts[("RevenueFromContractWithCustomerExcludingAssessedTax", quarter)] == Decimal(
        "486318000"
    )
    assert facts[("NetIncomeLoss", year)] == Decimal("143597000")
    assert not [f for f in conversion.report.findings if f.code == "check.text-vs-table"]


def _wide_statement_then_balance_sheet() -> Page:
    """An income statement four columns wide (its values reach left of the page's middle),
    then the balance sheet under its own page head, title and caption, all centred on the
    page, and its two dates."""
    page = Page()
    rights = (330.0, 400.0, 470.0, 540.0)
    page.centred(306, 60, "Condensed Consolidated Statements of Earnings", SIZE)
    for right, year in zip(rights, ("2025", "2024", "2025", "2024"), strict=True):
        page.right(right, 80, year, SIZE)
    rows = (
        ("Revenue", "$ 212,604", "$ 188,311", "$ 598,420", "$ 541,907"),
        ("Net earnings", "$ 18,912", "$ 12,501", "$ 47,008", "$ 31,531"),
    )
    for i, (label, *values) in enumerate(rows):
        page.text(60, 93 + i * 12.5, label, SIZE)
        for right, value in zip(rights, values, strict=True):
            page.right(right, 93 + i * 12.5, value, SIZE)
    top = 93 + 12.5 + 22
    page.centred(306, top, "NORTHWIND SERVICES INC.", SIZE)
    page.centred(306, top + 11, "Condensed Consolidated Balance Sheets", SIZE)
    page.centred(306, top + 22, "(in thousands of dollars)", SIZE)
    page.right(440, top + 34, "September 30, 2025", SIZE)
    page.right(540, top + 34, "December 31, 2024", SIZE)
    sheet = (("Cash", "41,605", "28,377"), ("Total assets", "921,330", "880,217"))
    for i, (label, *values) in enumerate(sheet):
        page.text(60, top + 46 + i * 12.5, label, SIZE)
        for right, value in zip((440.0, 540.0), values, strict=True):
            page.right(right, top + 46 + i * 12.5, value, SIZE)
    return page


def test_a_title_centred_over_a_wide_statement_starts_the_next_table() -> None:
    """The page head and title centred on the page stand over the wide statement's value
    columns, yet start left of them: a title, so the balance sheet is a table of its own
    and its title and caption text above it."""
    doc = read([_wide_statement_then_balance_sheet()])
    statement, sheet = doc.tables
    assert [c.text for c in statement.rows[-1].cells if c.text] == [
        "Net earnings",
        "$ 18,912",
        "$ 12,501",
        "$ 47,008",
        "$ 31,531",
    ]
    assert [c.text for c in sheet.rows[0].cells if c.text] == [
        "September 30, 2025",
        "December 31, 2024",
    ]
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph | Heading)]
    assert any(t.endswith("Condensed Consolidated Balance Sheets") for t in texts)


_IS_RIGHTS = (340.0, 410.0, 490.0, 560.0)
_BS_RIGHTS = (340.0, 430.0)
_IS_TITLE = "Condensed Consolidated Statements of Operations"
_BS_TITLE = "Condensed Consolidated Balance Sheets"


def _rows(page: Page, top: float, rows: tuple[tuple[str, ...], ...], rights: tuple) -> float:
    """Rows of labels and right-aligned figures from `top`; where the next line goes."""
    for i, (label, *values) in enumerate(rows):
        page.text(60, top + i * 12, label, SIZE)
        for right, value in zip(rights, values, strict=True):
            page.right(right, top + i * 12, value, SIZE)
    return top + len(rows) * 12


def _titled(page: Page, top: float, title: str, caption: str) -> float:
    page.text(60, top, title, 9, "F2")
    page.text(60, top + 12, caption, SIZE)
    return top + 26


def _quarter_heads(page: Page, top: float) -> float:
    for centre, head in ((375, "Three Months Ended"), (525, "Nine Months Ended")):
        page.centred(centre, top, head, SIZE)
        page.centred(centre, top + 11, "September 30,", SIZE)
    for right, year in zip(_IS_RIGHTS, ("2025", "2024", "2025", "2024"), strict=True):
        page.right(right, top + 22, year, SIZE)
    return top + 36


def _sheet_heads(page: Page, top: float) -> float:
    for right, date, year in zip(
        _BS_RIGHTS, ("September 30,", "December 31,"), ("2025", "2024"), strict=True
    ):
        page.right(right, top, date, SIZE)
        page.right(right, top + 11, year, SIZE)
    return top + 25


def _statements_across_pages(headers: bool) -> list[Page]:
    """An income statement in four columns broken onto page 2, where the balance sheet
    starts below its last rows with two columns at other positions (one shared with the
    income statement's first), and goes on to page 3; the continued pieces repeat their
    column headers or not."""
    first = _prose(Page(), 60, 30)
    first.text(60, 420, "Halvorsen Pump Works Reports Third Quarter 2025 Results", 10)
    top = _quarter_heads(first, _titled(first, 450, _IS_TITLE, "(In thousands)"))
    _rows(
        first,
        top,
        (
            ("Net sales", "$ 318,412", "$ 299,816", "$ 941,207", "$ 884,530"),
            ("Cost of sales", "205,118", "195,244", "607,930", "578,102"),
            ("Operating income", "113,294", "104,572", "333,277", "306,428"),
            ("Income before income taxes", "32,401", "33,723", "102,863", "94,486"),
        ),
        _IS_RIGHTS,
    )
    second = Page()
    top = _titled(second, 80, f"{_IS_TITLE} (continued)", "(In thousands)")
    top = _quarter_heads(second, top) if headers else top
    top = _rows(
        second,
        top,
        (
            ("Provision for income taxes", "7,452", "7,756", "23,658", "21,732"),
            ("Net income", "$ 24,949", "$ 25,967", "$ 79,205", "$ 72,754"),
        ),
        _IS_RIGHTS,
    )
    top = _sheet_heads(second, _titled(second, top + 12, _BS_TITLE, "(In thousands)"))
    _rows(
        second,
        top,
        (
            ("Cash and cash equivalents", "$ 88,315", "$ 102,660"),
            ("Inventories", "233,910", "219,438"),
            ("Total current assets", "548,772", "579,120"),
        ),
        _BS_RIGHTS,
    )
    third = Page()
    top = _titled(third, 80, f"{_BS_TITLE} (continued)", "(In thousands)")
    top = _sheet_heads(third, top) if headers else top
    _rows(
        third,
        top,
        (
            ("Goodwill", "418,330", "418,330"),
            ("Total assets", "$ 1,402,118", "$ 1,421,064"),
            ("Total liabilities", "821,655", "868,904"),
        ),
        _BS_RIGHTS,
    )
    return [first, second, third]


@pytest.mark.parametrize("headers", [True, False], ids=["headers-repeated", "no-headers"])
def test_a_statement_continued_above_another_with_other_columns_keeps_its_own(
    tmp_path: Path, headers: bool
) -> None:
    """The continued rows keep the columns of the page they continue, and the balance
    sheet starting below them (and carried on to the next page) keeps its own."""
    from test_ingest_pdf import build_pdf

    from exporter.options import ConvertOptions
    from exporter.pipeline import convert

    path = tmp_path / "halvorsen-2025q3.pdf"
    path.write_bytes(build_pdf(_statements_across_pages(headers)))
    conversion = convert(path, ConvertOptions(formats=("xml",)))
    assert conversion.facts is not None
    contexts = {c.id: str(c.period) for c in conversion.facts.contexts}
    found: dict[tuple[str, str], set[Decimal]] = {}
    for fact in conversion.facts.facts:
        found.setdefault((fact.concept, contexts[fact.context]), set()).add(fact.value)
    nine_months, year_before = "2025-01-01..2025-09-30", "2024-01-01..2024-09-30"
    assert found[("IncomeTaxExpenseBenefit", nine_months)] == {Decimal("23658000")}
    assert found[("IncomeTaxExpenseBenefit", year_before)] == {Decimal("21732000")}
    assert found[("NetIncomeLoss", nine_months)] == {Decimal("79205000")}
    assert found[("NetIncomeLoss", year_before)] == {Decimal("72754000")}
    assert found[("NetIncomeLoss", "2024-07-01..2024-09-30")] == {Decimal("25967000")}
    assert found[("CashAndCashEquivalentsAtCarryingValue", "2024-12-31")] == {Decimal("102660000")}
    assert found[("InventoryNet", "2025-09-30")] == {Decimal("233910000")}
    assert found[("Assets", "2025-09-30")] == {Decimal("1402118000")}
    assert found[("Liabilities", "2024-12-31")] == {Decimal("868904000")}


def _grid(index: int, page: int, rows: tuple[tuple[str, ...], ...]) -> Table:
    """A table on `page` under the headers "Three Months Ended April 30," / "2023 2022"."""
    headers = (
        Row(
            cells=(
                Cell(text="", column=0),
                Cell(text="Three Months Ended April 30,", column=1, span=2),
            ),
            line=1,
            page=page,
        ),
        Row(
            cells=(
                Cell(text="", column=0),
                Cell(text="2023", column=1),
                Cell(text="2022", column=2),
            ),
            line=2,
            page=page,
        ),
    )
    body = tuple(
        Row(cells=tuple(Cell(text=t, column=c) for c, t in enumerate(r)), line=3 + i, page=page)
        for i, r in enumerate(rows)
    )
    return Table(index=index, rows=headers + body, line=1, page=page)


_RECONCILIATION = (
    ("GAAP income from operations", "$412", "$20"),
    ("Amortization of purchased intangibles (1)", "471", "512"),
    ("Non-GAAP income from operations", "$883", "$532"),
)
_AMORTIZATION = (
    ("Cost of revenues", "$248", "$275"),
    ("Marketing and sales", "223", "237"),
    ("", "$471", "$512"),
)


@pytest.mark.parametrize(
    ("between", "tables"),
    [
        # A footnote of the reconciliation introduces a table under the same headers on
        # the next page: the note's own table, not the reconciliation continued.
        ("(1) Amortization of purchased intangibles was as follows:", 2),
        # Nothing between: the reconciliation continued under its headers repeated.
        ("", 1),
    ],
)
def test_a_footnote_introducing_a_table_under_repeated_headers_heads_a_table_of_its_own(
    between: str, tables: int
) -> None:
    above = Heading(text="GAAP Results Reconciled to non-GAAP Results", line=1, page=1)
    note = (Paragraph(text=between, line=20, page=2),) if between else ()
    blocks = (above, _grid(1, 1, _RECONCILIATION), *note, _grid(2, 2, _AMORTIZATION))
    raws = raw_tables(Document(source="release.pdf", format="pdf", blocks=blocks))
    assert len(raws) == tables
    assert [r.cells[0].text for r in raws[-1].rows[-3:]] == [
        "Cost of revenues",
        "Marketing and sales",
        "",
    ]
    if between:
        assert raws[-1].lead == between
