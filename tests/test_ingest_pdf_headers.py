"""Column-header lines above a PDF table's body reach the table as header rows.

Releases set the lines that head the value columns ("March 31," over "2023") in many
ways: in the larger type of the surrounding text above rows in a smaller one, with the
scale caption at the left of the years line or wrapped over two lines above the values,
under a blank row, wider than a narrow first column, with footnote markers set between
the rows below. Whatever the setting, the header words stand over the value columns and
become header cells placed by position, while captions and titles stay before the table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ingest_pdf import Page, _width, grid, read, row_with

from exporter.document import Document, Heading, Paragraph, Table
from exporter.ingest import read_document

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
BODY = 7.5
HEAD = 10.0
_ROWS = (
    ("Cash and cash equivalents", "$2,082", "$2,154"),
    ("Short-term investments", "1,922", "2,625"),
    ("Other current assets", "949", "1,056"),
    ("Total current assets", "4,953", "5,835"),
)


def _body(page: Page, top: float, rows=_ROWS, pitch: float = 8.0) -> Page:
    """Rows in a smaller type than the headers, values right-aligned at 430 and 530."""
    for i, (label, first, second) in enumerate(rows):
        y = top + i * pitch
        page.text(50, y, label, BODY)
        page.right(430, y, first, BODY)
        page.right(530, y, second, BODY)
    return page


def _before(doc: Document, table: Table) -> list[Heading | Paragraph]:
    index = doc.blocks.index(table)
    return [b for b in doc.blocks[:index] if isinstance(b, Heading | Paragraph)]


def _caption_at_the_left() -> Page:
    """The scale caption printed at the left of the years line."""
    page = Page()
    page.centred(306, 60, "Condensed Consolidated Balance Sheet", HEAD)
    page.centred(405, 84, "March 31,", HEAD)
    page.centred(505, 84, "December 31,", HEAD)
    page.text(50, 96, "(In millions)", HEAD)
    page.centred(405, 96, "2023", HEAD)
    page.centred(505, 96, "2022", HEAD)
    page.text(50, 108, "ASSETS", HEAD)
    return _body(page, 120)


def _caption_over_the_values() -> Page:
    """The scale caption on a line of its own over the values, under the years."""
    page = Page()
    page.centred(306, 60, "Condensed Consolidated Balance Sheet", HEAD)
    page.centred(405, 78, "March 31,", HEAD)
    page.centred(505, 78, "December 31,", HEAD)
    page.centred(405, 89, "2023", HEAD)
    page.centred(505, 89, "2022", HEAD)
    page.centred(460, 100, "(In millions)", HEAD)
    page.text(50, 108, "ASSETS", HEAD)
    return _body(page, 120)


@pytest.mark.parametrize(
    "page", [_caption_at_the_left(), _caption_over_the_values()], ids=["left", "over"]
)
def test_headers_in_larger_type_than_the_rows_head_the_columns(page):
    doc = read([page])
    (table,) = doc.tables
    assert grid(table)[:3] == [
        ["", "March 31,", "December 31,"],
        ["", "2023", "2022"],
        ["ASSETS", "", ""],
    ]
    assert row_with(table, "Cash and cash equivalents") == [
        "Cash and cash equivalents",
        "$2,082",
        "$2,154",
    ]
    before = _before(doc, table)
    assert before[-1] == Paragraph(text="(In millions)", line=before[-1].line, page=1)
    assert isinstance(before[0], Heading)
    assert before[0].text == "Condensed Consolidated Balance Sheet"


def test_a_title_in_larger_type_centred_over_a_narrow_table_stays_a_title():
    """A narrow table centred on the page: its title falls over the value columns."""
    page = Page()
    page.centred(306, 60, "SEGMENT INFORMATION", HEAD)
    page.centred(306, 72, "($ in millions)", HEAD)
    page.right(430, 90, "2023", BODY)
    page.right(530, 90, "2022", BODY)
    rows = [("Revenue", "8,890", "9,569"), ("Gross profit", "2,052", "2,109")]
    for i, (label, first, second) in enumerate(rows):
        page.text(330, 100 + 8 * i, label, BODY)
        page.right(430, 100 + 8 * i, first, BODY)
        page.right(530, 100 + 8 * i, second, BODY)
    doc = read([page])
    (table,) = doc.tables
    assert grid(table)[0] == ["", "2023", "2022"]
    assert [b.text for b in _before(doc, table)] == ["SEGMENT INFORMATION", "($ in millions)"]


def test_a_caption_wrapped_over_two_lines_above_the_values_is_one_caption():
    page = Page()
    page.centred(465, 70, "Three Months Ended", HEAD)
    page.centred(465, 81, "March 31,", HEAD)
    page.centred(415, 92, "2023", HEAD)
    page.centred(515, 92, "2022", HEAD)
    page.centred(465, 103, "(In millions, except per share", HEAD)
    page.centred(465, 114, "amounts)", HEAD)
    doc = read([_body(page, 126)])
    (table,) = doc.tables
    assert grid(table)[:3] == [
        ["", "Three Months Ended[+2]"],
        ["", "March 31,[+2]"],
        ["", "2023", "2022"],
    ]
    assert _before(doc, table)[-1].text == "(In millions, except per share amounts)"


def test_headers_under_a_blank_row_head_a_body_that_leaves_blank_rows():
    """Rows in groups with a blank row between them, and one under the headers."""
    page = Page()
    page.right(430, 80, "2023", BODY)
    page.right(530, 80, "2022", BODY)
    rows = (("U.S.", "12,516", "12,163"), ("International", "11,190", "12,641"))
    _body(page, 104, rows, pitch=12)
    _body(page, 141, (("Worldwide", "23,706", "24,804"),))
    (table,) = read([page]).tables
    assert grid(table) == [
        ["", "2023", "2022"],
        ["U.S.", "12,516", "12,163"],
        ["International", "11,190", "12,641"],
        ["Worldwide", "23,706", "24,804"],
    ]


def test_a_header_wider_than_its_narrow_column_may_start_left_of_the_labels_end():
    """'Reported' centred over a column of two-digit values starts before the longest
    label ends; '53rd' prints its ordinal suffix raised and small."""
    page = Page()
    page.centred(200, 80, "Reported", 9)
    page.right(300, 80, "53", 9, sup="rd")
    page.centred(200, 91, "% Change", 9)
    page.right(300, 91, "Week", 9)
    rows = (("Frito-Lay North America", "25", "(7)"), ("Quaker Foods North America", "16", "—"))
    for i, (label, first, second) in enumerate(rows):
        page.text(50, 104 + 13 * i, label, 9)
        page.right(205, 104 + 13 * i, first, 9)
        page.right(300, 104 + 13 * i, second, 9)
    (table,) = read([page]).tables
    assert grid(table)[:2] == [["", "Reported", "53rd"], ["", "% Change", "Week"]]
    assert row_with(table, "Quaker Foods North America") == [
        "Quaker Foods North America",
        "16",
        "—",
    ]


def test_a_footnote_marker_set_high_between_two_rows_stays_with_its_label():
    """A marker overlapping the row it belongs to by less than half its height would be a
    line of one number: a value column of its own left of the real ones."""
    page = Page()
    page.text(50, 80, "(Dollars in Millions)", 7.3)
    page.right(430, 80, "2022", 7.3)
    page.right(530, 80, "2021", 7.3)
    rows = (
        ("Litigation related", "262", "274"),
        ("Medical Device Regulation", "88", "73"),
        ("Restructuring related", "140", "140"),
    )
    for i, (label, first, second) in enumerate(rows):
        y = 92 + 12 * i
        page.text(50, y, label, 7.3)
        page.right(430, y, first, 7.3)
        page.right(530, y, second, 7.3)
    # "Medical Device Regulation" in 7.3-point Helvetica ends at x = 136.4
    page.text(138.5, 99.7, "2", 6.7)
    doc = read([page])
    (table,) = doc.tables
    assert grid(table)[0] == ["", "2022", "2021"]
    assert [row.cells[0].text for row in table.rows[1:]] == [
        "Litigation related",
        "Medical Device Regulation ²",  # two points after the word: a superscript apart
        "Restructuring related",
    ]
    assert _before(doc, table)[-1].text == "(Dollars in Millions)"


def test_a_page_number_just_above_the_footer_zone_joins_no_table():
    page = _body(Page(), 678, pitch=8.0)
    page.right(430, 664, "2023", BODY)
    page.right(530, 664, "2022", BODY)
    page.right(480, 718.8, "7", 8.2)  # its top 1.7 points above the 9% footer zone
    (table,) = read([page, Page().text(50, 80, "Next page")]).tables
    assert grid(table)[0] == ["", "2023", "2022"]
    assert all(len(row.cells) == 3 for row in table.rows)


# --- a release that sets its headers in the text type above smaller rows ----------------


@pytest.fixture(scope="module")
def ebay() -> Document:
    return read_document(CORPUS / "ebay-2023q1.pdf")


def _table_after(doc: Document, caption: str, page: int) -> Table:
    for previous, block in zip(doc.blocks, doc.blocks[1:], strict=False):
        if isinstance(block, Table) and block.page == page and previous.text == caption:
            return block
    raise AssertionError(f"no table after {caption!r} on page {page}")


def test_ebay_balance_sheet_headers_head_its_columns(ebay):
    table = _table_after(ebay, "(In millions)", 7)
    assert grid(table)[:3] == [
        ["", "March 31,", "December 31,"],
        ["", "2023", "2022"],
        ["ASSETS", "", ""],
    ]
    assert row_with(table, "Total assets") == ["Total assets", "$20,004", "$20,850"]


def test_ebay_income_statement_headers_head_its_columns(ebay):
    table = _table_after(ebay, "(In millions, except per share amounts)", 8)
    assert grid(table)[:3] == [
        ["", "Three Months Ended[+2]"],
        ["", "March 31,[+2]"],
        ["", "2023", "2022"],
    ]
    assert row_with(table, "Net revenues") == ["Net revenues", "$2,510", "$2,483"]


def test_a_line_heading_every_column_heads_them_across_a_blank_row():
    """Each phrase of the line over a value column of its own, a blank row above the
    first section label: the line heads the columns, as a data line continues a body."""
    page = Page()
    size = 5.8
    for x1, text in ((244, "2022"), (292, "2021"), (341, "Reported"), (395, "Operational")):
        page.right(x1, 98.5, text, size)
    page.text(52, 118.6, "IMMUNOLOGY", size)
    rows = (
        ("US", "$2,805", "2,912", "-3.6%", "-3.6%"),
        ("Intl", "1,312", "1,443", "-9.1%", "2.1%"),
    )
    for i, (label, *values) in enumerate(rows):
        y = 126.1 + 7.5 * i
        page.text(52, y, label, size)
        for x1, value in zip((244, 292, 341, 395), values, strict=True):
            page.right(x1, y, value, size)
    (table,) = read([page]).tables
    assert grid(table)[:2] == [
        ["", "2022", "2021", "Reported", "Operational"],
        ["IMMUNOLOGY", "", "", "", ""],
    ]
    assert row_with(table, "Intl") == ["Intl", "1,312", "1,443", "-9.1%", "2.1%"]


def test_a_page_number_on_the_baseline_of_a_tables_last_line_is_dropped():
    """Where the other pages print their number alone, at the same place."""
    first = Page().text(50, 80, "Highlights of the quarter.")
    first.right(560, 718, "1", 8.2)
    second = Page()
    second.right(430, 694, "2023", BODY)
    second.right(530, 694, "2022", BODY)
    rows = (("Goodwill", "4,287", "4,262"), ("Other assets", "630", "581"))
    _body(second, 706, rows, pitch=12)  # the last row in the footer zone
    second.right(560, 718, "2", 8.2)
    (table,) = read([first, second, Page().text(50, 80, "Next page")]).tables
    assert grid(table) == [
        ["", "2023", "2022"],
        ["Goodwill", "4,287", "4,262"],
        ["Other assets", "630", "581"],
    ]


def test_a_stub_heading_a_blank_row_above_the_first_section_heads_it_with_the_headers():
    """Loose leading (rows twelve points apart in 6.4-point type): the stub heading under
    the years and the first section label stand a blank row apart."""
    page = Page()
    size = 6.4
    page.right(430, 119.3, "2023", size)
    page.right(530, 119.3, "2022", size)
    page.text(49, 131.3, "Sales to customers by", size)
    page.text(49, 143.3, "segment of business", size)
    page.text(49, 167.3, "Consumer Health", size)
    rows = (
        (179.3, "U.S.", "$1,787", "1,687"),
        (191.3, "International", "2,224", "2,118"),
        (202.6, "", "4,011", "3,805"),
        (239.3, "U.S.", "7,818", "7,159"),
    )
    page.text(49, 225.4, "Pharmaceutical", size)
    for y, label, first, second in rows:
        if label:
            page.text(57, y, label, size)
        page.right(430, y, first, size)
        page.right(530, y, second, size)
    (table,) = read([page]).tables
    assert grid(table)[:5] == [
        ["", "2023", "2022"],
        ["Sales to customers by", "", ""],  # a row apart: two label rows
        ["segment of business", "", ""],
        ["Consumer Health", "", ""],
        ["U.S.", "$1,787", "1,687"],
    ]


def test_a_month_wrapped_over_the_middle_column_heads_that_column_only():
    """Five quarter columns under "Three Months Ended"; the middle one's date wraps
    ("December" over "31,") and so stands centred under the span: it heads its own
    column, not all five."""
    page = Page()
    columns = (250, 320, 390, 460, 530)
    page.centred(390, 70, "Three Months Ended", HEAD)
    page.centred(390, 82, "December", HEAD)
    dates = ("June 30,", "March 31,", "31,", "September 30,", "June 30,")
    years = ("2023", "2023", "2022", "2022", "2022")
    for x, date, year in zip(columns, dates, years, strict=True):
        page.centred(x, 94, date, HEAD)
        page.centred(x, 106, year, HEAD)
    for i, (label, *values) in enumerate(
        (
            ("Active buyers", "132", "133", "134", "135", "138"),
            ("Orders", "41", "42", "43", "44", "45"),
        )
    ):
        y = 120 + 8 * i
        page.text(50, y, label, BODY)
        for x, value in zip(columns, values, strict=True):
            page.right(x + 12, y, value, BODY)
    (table,) = read([page]).tables
    rows = grid(table)
    december = next(r for r in rows if "December" in r)
    dates_row = next(r for r in rows if "31," in r)
    # "December" sits in the column of "31," alone
    assert december.index("December") == dates_row.index("31,")
    assert [c for c in december if c] == ["December"]


def _spans_set_close(gap: float) -> Page:
    """ "Three Months Ended September 30," and "Nine Months Ended September 30," each centred
    over its two year columns, the first ending `gap` points before the second starts."""
    page = Page()
    size = 8.0
    page.centred(306, 60, "Condensed Consolidated Statements of Operations", HEAD)
    first, second = "Three Months Ended September 30,", "Nine Months Ended September 30,"
    width = _width(first, size)
    page.text(420 - width - gap / 2, 84, first, size)
    page.text(420 + gap / 2, 84, second, size)
    for x, year in ((350, "2025"), (410, "2024"), (470, "2025"), (530, "2024")):
        page.right(x, 96, year, size)
    rows = (("Total revenue", "94,188", "82,317", "270,455", "238,190"),)
    for i, (label, *values) in enumerate(rows):
        page.text(50, 110 + 10 * i, label, BODY)
        for x, value in zip((350, 410, 470, 530), values, strict=True):
            page.right(x, 110 + 10 * i, value, BODY)
    return page


@pytest.mark.parametrize("gap", [2.5, 3.0, 6.0])
def test_two_span_headers_set_close_together_head_their_own_columns(gap: float) -> None:
    (table,) = read([_spans_set_close(gap)]).tables
    assert grid(table)[0] == [
        "",
        "Three Months Ended September 30,[+2]",
        "Nine Months Ended September 30,[+2]",
    ]


def _european_key_figures(gap: float) -> Page:
    """A key figures table in EUR million: "Q3 2025 | Q3 2024 | Change | 9M 2025 | 9M 2024 |
    Change", the second period and its change heading set `gap` points apart (run
    together below 3 points); margin rows whose change is in percentage points, a cash
    flow row whose change is a bound. (A column mixing "+4.6%" and "+0.6 pp" is still read
    as two: the digits' right edges differ by the marks' widths.)"""
    page = Page()
    size = 8.0
    page.centred(306, 60, "Key figures", HEAD)
    xs = (300, 350, 400, 450, 500, 550)
    heads = ("Q3 2025", "Q3 2024", "Change", "9M 2025", "9M 2024", "Change")
    for x, head in zip(xs, heads, strict=True):
        if head != "9M 2024":
            page.right(x, 84, head, size)
    # "9M 2024" ends `gap` points before "Change" starts, off its own column's right edge.
    page.right(550 - _width("Change", size) - gap, 84, "9M 2024", size)
    page.text(50, 84, "EUR million", size)
    rows = (
        ("Gross margin (%)", ("31.2", "30.4", "+0.8 pp", "30.9", "30.1", "+0.8 pp")),
        ("EBIT margin (%)", ("10.3", "9.7", "+0.6 pp", "9.9", "9.2", "+0.7 pp")),
        ("Free cash flow", ("94.2", "-12.6", ">100%", "187.5", "41.3", ">100%")),
    )
    for i, (label, values) in enumerate(rows):
        page.text(50, 100 + 10 * i, label, BODY)
        for x, value in zip(xs, values, strict=True):
            page.right(x, 100 + 10 * i, value, BODY)
    return page


@pytest.mark.parametrize("gap", [1.5, 3.0])
def test_a_period_and_its_change_heading_set_close_head_two_columns(gap: float) -> None:
    (table,) = read([_european_key_figures(gap)]).tables
    head = [cell.split("[")[0] for cell in grid(table)[0]]
    assert head[-3:] == ["9M 2025", "9M 2024", "Change"]

    def printed(label: str) -> list[str]:
        return [text for text in row_with(table, label) if text]

    assert printed("EBIT margin (%)") == [
        "EBIT margin (%)",
        "10.3",
        "9.7",
        "+0.6 pp",
        "9.9",
        "9.2",
        "+0.7 pp",
    ]
    assert printed("Free cash flow") == [
        "Free cash flow",
        "94.2",
        "-12.6",
        ">100%",
        "187.5",
        "41.3",
        ">100%",
    ]
