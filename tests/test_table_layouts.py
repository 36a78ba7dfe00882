"""Layouts of PDF tables (cells placed by position, no spans) that releases share.

Each test builds a page as a PDF reader hands it over (a grid of cells, every cell one
column wide) and asserts the periods and kinds the headers give, with expected values
written by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from exporter.document import Cell, Document, Heading, Paragraph, Row, Table
from exporter.periods import Period
from exporter.tables import understand_tables
from exporter.tables.model import StatementTable
from exporter.taxonomy import load_taxonomy

Q1_2023 = Period(start=date(2023, 1, 1), end=date(2023, 3, 31))
Q1_2022 = Period(start=date(2022, 1, 1), end=date(2022, 3, 31))


def _row(line: int, *texts: str, page: int = 1) -> Row:
    return Row(
        cells=tuple(Cell(text=t, column=i) for i, t in enumerate(texts)), line=line, page=page
    )


def _table(index: int, rows: list[Row], page: int = 1) -> Table:
    return Table(index=index, rows=tuple(rows), line=rows[0].line, page=page, positional=True)


def _understand(*blocks: Heading | Table | Paragraph) -> tuple[StatementTable, ...]:
    document = Document(source="layout.pdf", format="pdf", blocks=blocks)
    return understand_tables(document, load_taxonomy(), "USD")


def _headers(page: int) -> list[Row]:
    """'Three months ended March 31' over the years; '% Change' printed over the middle one
    of the three change columns it spans."""
    return [
        _row(3, "", "Three Months Ended March 31,", "", "", "", "", page=page),
        _row(4, "", "", "", "", "% Change", "", page=page),
        _row(5, "", "2023", "2022", "Reported", "Operational", "Currency", page=page),
    ]


def _segment_rows(first_line: int, page: int) -> list[Row]:
    return [
        _row(first_line, "Consumer", "3,852", "3,586", "7.4%", "11.3", "(3.9)", page=page),
        _row(first_line + 1, "Industrial", "7,481", "6,971", "7.3", "11.0", "(3.7)", page=page),
        _row(first_line + 2, "Total", "11,333", "10,557", "7.4%", "11.1", "(3.7)", page=page),
    ]


def test_a_change_group_header_covers_the_columns_beside_it() -> None:
    heading = Heading(text="Segment Sales Results", line=1, page=1)
    (table,) = _understand(heading, _table(1, _headers(1) + _segment_rows(6, 1)))
    columns = table.blocks[0].columns
    assert [c.period for c in columns] == [Q1_2023, Q1_2022, Q1_2023, Q1_2023, Q1_2023]
    assert [c.change for c in columns] == [False, False, True, True, True]
    assert table.unplaced == ()


def test_a_header_beside_other_cells_is_its_own_column_line() -> None:
    """'% Change,' printed in two columns of one row: lines of those columns' headers."""
    rows = [
        _row(3, "", "Three Months Ended March 31, 2023", "", "", ""),
        _row(4, "", "Reported", "Impact of", "Organic", ""),
        _row(5, "", "% Change,", "Foreign", "% Change,", ""),
        _row(6, "", "GAAP", "exchange", "Non-GAAP", "Volume"),
        _row(7, "Beverages", "14 %", "0.5", "14 %", "9.0"),
        _row(8, "Snacks", "1 %", "1", "2 %", "2.4"),
    ]
    (table,) = _understand(Heading(text="Growth Rates", line=1, page=1), _table(1, rows))
    columns = table.blocks[0].columns
    assert columns[3].header.endswith("Volume")
    assert "% Change" not in columns[3].header


def test_a_statement_continued_on_the_next_page_keeps_its_group_headers() -> None:
    """The next page repeats all three header rows, the group header among them."""
    first = _table(1, _headers(1) + _segment_rows(6, 1), page=1)
    second = _table(2, _headers(2) + _segment_rows(6, 2), page=2)
    heading = Heading(text="Supplementary Sales Data", line=1, page=1)
    again = Heading(text="Supplementary Sales Data", line=1, page=2)
    (table,) = _understand(heading, first, again, second)
    assert len(table.blocks) == 1
    assert len(table.blocks[0].rows) == 6
    assert table.unplaced == ()


def test_adjustment_columns_between_two_columns_of_one_period_share_it() -> None:
    """A reconciliation prints the period over its GAAP and non-GAAP columns only."""
    rows = [
        _row(3, "", "First Quarter", "", "", "First Quarter"),
        _row(4, "", "March 31, 2023", "Intangible asset", "Litigation", "March 31, 2023"),
        _row(5, "", "GAAP", "amortization", "related", "Non-GAAP"),
        _row(6, "Cost of products sold", "8,395", "(1,200)", "", "7,195"),
        _row(7, "Selling expenses", "6,138", "", "(38)", "6,100"),
    ]
    heading = Heading(text="Reconciliation of Non-GAAP Financial Measures", line=1, page=1)
    (table,) = _understand(heading, _table(1, rows))
    columns = table.blocks[0].columns
    assert [c.period for c in columns] == [Q1_2023] * 4
    assert [c.member for c in columns][1:3] == [
        "Intangible asset amortization",
        "Litigation related",
    ]
    assert table.unplaced == ()


def test_an_unlabelled_row_after_a_section_is_its_total() -> None:
    """'Consumer / U.S. / International / <numbers>': the numbers are the segment's total."""
    rows = [
        _row(3, "", "Three Months Ended March 31,", ""),
        _row(4, "", "2023", "2022"),
        _row(5, "Consumer", "", ""),
        _row(6, "U.S.", "1,600", "1,500"),
        _row(7, "International", "2,252", "2,086"),
        _row(8, "", "3,852", "3,586"),
        _row(9, "Industrial", "7,481", "6,971"),
    ]
    (table,) = _understand(Heading(text="Segment Sales", line=1, page=1), _table(1, rows))
    labelled = [(r.label, r.sections) for r in table.blocks[0].rows if r.cells]
    assert labelled == [
        ("U.S.", ("Consumer",)),
        ("International", ("Consumer",)),
        ("Total Consumer", ()),
        ("Industrial", ()),
    ]
    assert table.unplaced == ()


def test_a_heading_comparing_two_periods_makes_the_columns_changes() -> None:
    """A growth table: the heading above its title compares two periods, the columns
    name segments only. Each column is a change of the later period, for its segment."""
    rows = [
        _row(3, "", "Consumer", "Industrial", "Total"),
        _row(4, "WW As Reported", "7.4%", "4.2%", "5.6%"),
        _row(5, "U.S.", "11.4%", "5.9%", "9.7%"),
        _row(6, "International", "4.4%", "2.4%", "1.8%"),
        _row(7, "WW Currency", "(3.9)", "(3.0)", "(3.4)"),
        _row(8, "U.S.", "-", "-", "-"),
        _row(9, "International", "(6.9)", "(6.2)", "(6.5)"),
    ]
    comparison = Heading(
        text="Sales Growth Three Months Ended March 31, 2023 vs. 2022", line=1, page=1
    )
    (table,) = _understand(comparison, Heading(text="Segments", line=2, page=1), _table(1, rows))
    (block,) = table.blocks
    assert [(c.period, c.change, c.member) for c in block.columns] == [
        (Q1_2023, True, "Consumer"),
        (Q1_2023, True, "Industrial"),
        (Q1_2023, True, None),
    ]
    # The repeated regions are components of the line printed once above them.
    assert [(r.sections, r.label) for r in block.rows if r.label == "International"] == [
        (("WW As Reported",), "International"),
        (("WW Currency",), "International"),
    ]
    assert table.unplaced == ()


def _silent_headers_table() -> list[Row]:
    """A growth summary: change columns that name no period, then a second header of words
    for a second group of rows (operating profit under net revenue)."""
    return [
        _row(3, "", "Reported", "Foreign", "Organic"),
        _row(4, "", "% Change", "Exchange", "% Change"),
        _row(5, "Beverages", "14", "(1)", "15"),
        _row(6, "Snacks", "9", "2", "7"),
        _row(7, "", "", "Items Affecting", ""),
        _row(8, "", "Reported", "Comparability", "Core"),
        _row(9, "Beverages", "23", "—", "24"),
        _row(10, "Snacks", "(5)", "3", "(2)"),
    ]


def test_columns_naming_no_period_take_the_one_period_of_the_title() -> None:
    for title in (
        "Summary of Results for the Three Months Ended March 31, 2023",
        "Growth Summary: Quarter Ended 3/31/2023",
        "First-Quarter Results, Three Months Ended March 31, 2023",
    ):
        heading = Heading(text=title, line=1, page=1)
        (table,) = _understand(heading, _table(1, _silent_headers_table()))
        assert len(table.blocks) == 2, title
        for block in table.blocks:
            assert [c.period for c in block.columns] == [Q1_2023] * 3, title
        assert [r.label for r in table.blocks[1].rows] == ["Beverages", "Snacks"]
        assert table.unplaced == (), title


def test_a_title_joining_two_periods_gives_no_period_to_silent_columns() -> None:
    for title in (
        "Summary of Results for the Three and Six Months Ended June 30, 2023",
        "Growth Summary: Quarters Ended March 31, 2023 and March 31, 2022",
    ):
        heading = Heading(text=title, line=1, page=1)
        (table,) = _understand(heading, _table(1, _silent_headers_table()))
        assert all(c.period is None for b in table.blocks for c in b.columns), title


def test_a_table_on_its_side_names_its_periods_in_the_rows() -> None:
    """Dates as row labels, what is counted as column headers: read as dated columns."""
    rows = [
        _row(3, "", "Current", "Noncurrent", "Total"),
        _row(4, "As of March 31, 2023", "$24.1", "$22.5", "$46.6"),
        _row(5, "As of December 31, 2022", "24.6", "24.0", "48.6"),
        _row(6, "As of March 31, 2022", "21.5", "20.1", "41.6"),
    ]
    heading = Heading(text="Remaining Performance Obligation (in billions)", line=1, page=1)
    (table,) = _understand(heading, _table(1, rows))
    (block,) = table.blocks
    assert [c.period for c in block.columns] == [
        Period(end=date(2023, 3, 31)),
        Period(end=date(2022, 12, 31)),
        Period(end=date(2022, 3, 31)),
    ]
    assert [(r.label, [c.number.text for c in r.cells]) for r in block.rows] == [
        ("Current", ["$24.1", "24.6", "21.5"]),
        ("Noncurrent", ["$22.5", "24.0", "20.1"]),
        ("Total", ["$46.6", "48.6", "41.6"]),
    ]
    assert table.unplaced == ()


def _spanned(line: int, *cells: tuple[int, int, str]) -> Row:
    return Row(cells=tuple(Cell(text=t, column=c, span=s) for c, s, t in cells), line=line, page=1)


def test_pieces_of_a_centred_header_name_every_column_under_them() -> None:
    """'Earnings | per' over 'Common' over 'Share', each spanning an amount column pair:
    the per-share columns say so whole, as the amount columns say "Earnings"."""
    rows = [
        _spanned(3, (0, 1, ""), (1, 4, "Three Months Ended March 31,")),
        _spanned(4, (0, 1, ""), (3, 1, "Earnings"), (4, 1, "per")),
        _spanned(5, (0, 1, ""), (3, 2, "Common")),
        _spanned(6, (0, 1, ""), (1, 2, "Earnings"), (3, 2, "Share")),
        _row(7, "", "2023", "2022", "2023", "2022"),
        _row(8, "Net income", "$406", "$356", "$ 0.19", "$ 0.17"),
        _row(9, "Legal costs", "2", "3", "—", "—"),
    ]
    (table,) = _understand(Heading(text="Earnings Reconciliation", line=1, page=1), _table(1, rows))
    headers = [c.header for c in table.blocks[0].columns]
    assert headers[2:] == [
        "Three Months Ended March 31, Earnings per Common Share 2023",
        "Three Months Ended March 31, Earnings per Common Share 2022",
    ]


def test_a_month_split_from_its_day_heads_only_its_own_columns() -> None:
    """ "December" printed a line above its "31," among quarter ends that print their
    month and day on one line: the columns of "June 30," and "September 30," are not
    December's, though "December" stands centred over the run of years."""
    rows = [
        _spanned(3, (0, 1, ""), (1, 6, "Three Months Ended")),
        _spanned(4, (0, 1, ""), (3, 2, "December")),
        _spanned(5, (0, 1, ""), (1, 2, "March 31,"), (3, 2, "31,"), (5, 2, "September 30,")),
        _row(6, "", "2023", "2023", "2022", "2022", "2022", "2022"),
        _row(7, "Gross merchandise volume", "9,010", "8,972", "8,830", "8,720", "8,640", "8,540"),
        _row(8, "Active buyers", "133", "132", "134", "133", "135", "134"),
    ]
    (table,) = _understand(Heading(text="Business Metrics", line=1, page=1), _table(1, rows))
    headers = [c.header for c in table.blocks[0].columns]
    assert headers == [
        "Three Months Ended March 31, 2023",
        "Three Months Ended March 31, 2023",
        "Three Months Ended December 31, 2022",
        "Three Months Ended December 31, 2022",
        "Three Months Ended September 30, 2022",
        "Three Months Ended September 30, 2022",
    ]


def test_the_same_table_under_another_period_heading_is_a_table_of_its_own() -> None:
    """Page 1: quarter; page 2: the same title and headers for the year to date."""

    def page(number: int, heading: str) -> list[Heading | Table]:
        rows = [
            _row(3, "", "Consumer", "Industrial", "Total", page=number),
            _row(4, "Net sales", "3,852", "7,481", "11,333", page=number),
        ]
        return [
            Heading(text="Segment Sales", line=1, page=number),
            Heading(text=heading, line=2, page=number),
            _table(number, rows, page=number),
        ]

    first = page(1, "Three Months Ended March 31, 2023")
    second = page(2, "Twelve Months Ended March 31, 2023")
    tables = _understand(*first, *second)
    assert [{c.period for c in t.blocks[0].columns} for t in tables] == [
        {Q1_2023},
        {Period(start=date(2022, 4, 1), end=date(2023, 3, 31))},
    ]


def test_a_note_in_the_label_column_among_the_rows_is_not_a_new_header() -> None:
    rows = [
        _row(3, "", "March 31,", "December 31,"),
        _row(4, "", "2023", "2022"),
        _row(5, "Assets"),
        _row(6, "(unaudited)"),
        _row(7, "Cash and cash equivalents", "12,056", "13,568"),
        _row(8, "Total assets", "20,000", "21,000"),
    ]
    heading = Heading(text="Consolidated Balance Sheets", line=1, page=1)
    (table,) = _understand(heading, _table(1, rows))
    (block,) = table.blocks
    assert [c.period for c in block.columns] == [
        Period(end=date(2023, 3, 31)),
        Period(end=date(2022, 12, 31)),
    ]
    assert table.unplaced == ()


def _dated_table(note: str) -> list[Heading | Table | Paragraph]:
    rows = [
        _row(3, "", "March 31, 2023¹", "March 31, 2022¹"),
        _row(4, "Operating income", "1,621", "2,306"),
        _row(5, "Total assets", "16,130", "17,702"),
    ]
    return [
        Heading(text="Return on Investment", line=1, page=1),
        _table(1, rows),
        Paragraph(text=note, line=8, page=1),
    ]


def test_a_footnote_on_a_date_can_say_the_column_is_twelve_months_to_it() -> None:
    note = (
        "(1) Income statement accounts represent the activity for the trailing 12 months "
        "ended as of each of the balance sheet dates."
    )
    (table,) = _understand(*_dated_table(note))
    assert [c.period for c in table.blocks[0].columns] == [
        Period(start=date(2022, 4, 1), end=date(2023, 3, 31)),
        Period(start=date(2021, 4, 1), end=date(2022, 3, 31)),
    ]


def test_a_footnote_about_something_else_leaves_the_date_alone() -> None:
    note = "(1) Amounts for 2022 were recast for the change in segments over 12 months."
    (table,) = _understand(*_dated_table(note))
    assert [c.period for c in table.blocks[0].columns] == [
        Period(end=date(2023, 3, 31)),
        Period(end=date(2022, 3, 31)),
    ]


def test_a_scale_printed_above_the_title_is_the_tables_scale() -> None:
    rows = [
        _row(3, "", "Three Months Ended March 31, 2023", "Three Months Ended March 31, 2022"),
        _row(4, "Cost of products sold", "8,212", "7,919"),
    ]
    (table,) = _understand(
        Heading(text="$ in Millions", line=1, page=1),
        Heading(text="Quarter to Date", line=2, page=1),
        _table(1, rows),
    )
    assert table.title == "Quarter to Date"
    assert table.scale.money == 6


def test_an_amount_column_beside_a_percent_of_sales_column_is_the_statement_itself() -> None:
    rows = [
        _row(
            3, "", "Three Months Ended March 31, 2023", "", "Three Months Ended March 31, 2022", ""
        ),
        _row(4, "", "Amount", "Percent to Sales", "Amount", "Percent to Sales"),
        _row(5, "Sales to customers", "25,530", "100.0", "24,020", "100.0"),
        _row(6, "Cost of products sold", "8,212", "32.2", "7,919", "33.0"),
    ]
    heading = Heading(text="Condensed Consolidated Statement of Earnings", line=1, page=1)
    (table,) = _understand(heading, _table(1, rows))
    valued = [c for c in table.blocks[0].columns if not c.share_of]
    assert [(c.period, c.member) for c in valued] == [(Q1_2023, None), (Q1_2022, None)]


_SHARE_ROWS = (
    ("Revenue", "212,614", "100.0", "191,198", "100.0"),
    ("Cost of revenue", "96,318", "45.3", "89,480", "46.8"),
    ("Gross profit", "116,296", "54.7", "101,718", "53.2"),
    ("Operating income", "29,974", "14.1", "21,797", "11.4"),
    ("Net income", "23,175", "10.9", "16,252", "8.5"),
)


@pytest.mark.parametrize("mark", ["", "%"], ids=["bare-figures", "percent-signs"])
@pytest.mark.parametrize("header", ["%", "% Change"])
def test_a_percent_column_of_one_lines_shares_beside_each_period_is_a_share_column(
    mark: str, header: str
) -> None:
    """ "2023 | % | 2022 | %": each percent column holds the amounts to its left divided by
    revenue's (the 100.0 row), whatever its header says: shares, not changes."""
    rows = [
        _row(
            3,
            "",
            "Three Months Ended March 31, 2023",
            header,
            "Three Months Ended March 31, 2022",
            header,
        ),
        *(
            _row(4 + i, label, a, s + mark, b, t + mark)
            for i, (label, a, s, b, t) in enumerate(_SHARE_ROWS)
        ),
    ]
    heading = Heading(text="Condensed Consolidated Statements of Income", line=1, page=1)
    (table,) = _understand(heading, _table(1, rows))
    columns = table.blocks[0].columns
    assert [(c.period, c.share_of, c.change) for c in columns] == [
        (Q1_2023, False, False),
        (None, True, False),
        (Q1_2022, False, False),
        (None, True, False),
    ]


def test_a_percent_column_of_changes_beside_the_periods_stays_a_change() -> None:
    """The control: figures that are (2023 - 2022) / 2022 share no base; a change."""
    changes = ("11.2", "7.6", "14.3", "37.5", "42.6")
    rows = [
        _row(3, "", "Three Months Ended March 31, 2023", "Three Months Ended March 31, 2022", "%"),
        *(
            _row(4 + i, label, a, b, change)
            for i, ((label, a, _, b, _), change) in enumerate(
                zip(_SHARE_ROWS, changes, strict=True)
            )
        ),
    ]
    (table,) = _understand(Heading(text="Statements of Income", line=1, page=1), _table(1, rows))
    columns = table.blocks[0].columns
    assert [(c.period, c.share_of, c.change) for c in columns] == [
        (Q1_2023, False, False),
        (Q1_2022, False, False),
        (Q1_2023, False, True),
    ]


Q2_2025 = Period(start=date(2025, 7, 1), end=date(2025, 9, 30))
Q2_2024 = Period(start=date(2024, 7, 1), end=date(2024, 9, 30))


def _summary(index: int, line: int, caption: str, stub: str) -> Table:
    """A summary whose first row captions the table over all its columns and whose header
    row names the label column ("Particulars") or states the unit there."""
    rows = [
        Row(cells=(Cell(text=caption, column=0, span=3),), line=line),
        _row(
            line + 1, stub, "Quarter ended September 30, 2025", "Quarter ended September 30, 2024"
        ),
        _row(line + 2, "Revenue from operations", "12,486", "11,532"),
        _row(line + 3, "Net profit", "2,245", "2,040"),
    ]
    return Table(index=index, rows=tuple(rows), line=line, page=None, positional=True)


@pytest.mark.parametrize(
    "stub", ["Particulars", "Sr. No.", "Description", "(₹ in crore)", "₹ crore", ""]
)
def test_a_caption_over_the_label_column_leaves_the_row_a_header(stub: str) -> None:
    heading = Heading(text="Consolidated financial summary", line=1, page=None)
    (table,) = _understand(heading, _summary(1, 2, "(₹ in crore, except per share data)", stub))
    assert [c.period for c in table.blocks[0].columns] == [Q2_2025, Q2_2024]
    assert table.scale.money == 7


def test_a_tables_own_unit_wins_over_the_caption_of_the_table_above() -> None:
    """A second summary in another currency under the same heading: "(US$ million)" in its
    own first row, not the crore of the table above."""
    heading = Heading(text="Consolidated financial summary", line=1, page=None)
    note = Paragraph(text="The summary in US$ terms is given below for information.", line=8)
    first = _summary(1, 2, "(₹ in crore, except per share data)", "Particulars")
    second = _summary(2, 9, "(US$ million)", "Particulars")
    rupees, dollars = _understand(heading, first, note, second)
    assert rupees.scale.money == 7
    assert dollars.scale.money == 6
    assert [c.period for c in dollars.blocks[0].columns] == [Q2_2025, Q2_2024]


@pytest.mark.parametrize(
    "heading", ["Results for the next fiscal year", "FY2025 (April 1, 2025 to March 31, 2026)"]
)
def test_a_period_ending_after_the_release_is_a_forecast(heading: str) -> None:
    """A release dated May 13, 2025 prints a table for the year to March 31, 2026 under a
    heading that says nothing of a forecast: no period it reports has ended after its own
    date, so the column is guidance, not facts."""
    dateline = Paragraph(text="TOKYO, May 13, 2025 -- Hoshizora today announced results.", line=1)
    balance = _table(
        1,
        [
            _row(3, "", "As of March 31, 2024", "As of March 31, 2025"),
            _row(4, "Total assets", "1,652,308", "1,745,921"),
        ],
    )
    title = Heading(text=heading, line=18, page=1)
    next_year = _table(
        2,
        [
            _row(19, "", "April 1, 2025 to March 31, 2026", "April 1, 2025 to March 31, 2026"),
            _row(20, "", "Net sales", "Operating income"),
            _row(21, "Full year", "1,420,000", "124,000"),
        ],
    )
    sheet = Heading(text="Consolidated Balance Sheets", line=2, page=1)
    tables = _understand(dateline, sheet, balance, title, next_year)
    forecast = tables[-1]
    assert all(c.outlook for c in forecast.blocks[0].columns)
    assert not any(r.cells for r in forecast.blocks[0].rows)
    assert all("forecast" in u.reason for u in forecast.unplaced)
    assert not any(c.outlook for c in tables[0].blocks[0].columns)


_NINE_MONTHS_2025 = Period(start=date(2025, 1, 1), end=date(2025, 9, 30))
_NINE_MONTHS_2024 = Period(start=date(2024, 1, 1), end=date(2024, 9, 30))


@pytest.mark.parametrize(
    "above",
    [
        "HALDANE MARINE INC. CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS -- For the Nine"
        " Months Ended September 30",
        "Haldane Marine Inc. Condensed Consolidated Statements of Comprehensive Income (Nine"
        " months ended September 30)",
    ],
    ids=["dash", "brackets"],
)
def test_a_long_title_ending_with_its_period_dates_the_years_below(above: str) -> None:
    """A title over twelve words once its period is counted (the reader joined the issuer's
    name to it) still heads the table: "2025 | 2024" are the nine months it names."""
    rows = [
        _row(3, "", "2025", "2024"),
        _row(4, "Revenue", "1,198,341", "1,112,806"),
        _row(5, "Net income", "51,021", "40,226"),
    ]
    (table,) = _understand(Paragraph(text=above, line=1, page=1), _table(1, rows))
    assert [c.period for c in table.blocks[0].columns] == [_NINE_MONTHS_2025, _NINE_MONTHS_2024]


def test_a_line_of_period_headers_printed_as_text_is_no_title() -> None:
    """ "SEK m  Q3 2025  Q3 2024  Jan-Sep 2025 ..." printed as a line of text above the
    rows names several periods: a row of headers the reader missed, not the title."""
    headers = "SEK m  Q3 2025  Q3 2024  Jan-Sep 2025  Jan-Sep 2024  Rolling 12 months  Jan-Dec 2024"
    rows = [_row(4, "Order intake", "1,310", "1,213", "3,905", "3,620", "5,096", "4,811")]
    (table,) = _understand(
        Heading(text="Key figures", line=1, page=1),
        Paragraph(text=headers, line=3, page=1),
        _table(1, rows),
    )
    assert table.title == "Key figures"


def _spaced(line: int, label: str, cells: dict[int, str], page: int) -> Row:
    """A row whose values stand at the given columns of a wider grid."""
    texts = (Cell(text=label, column=0), *(Cell(text=t, column=c) for c, t in cells.items()))
    return Row(cells=texts, line=line, page=page)


def _first_page() -> list[Heading | Table | Paragraph]:
    rows = [
        _row(3, "", "Three Months Ended March 31,", ""),
        _row(4, "", "2023", "2022"),
        _row(5, "Revenue", "1,250", "1,100"),
        _row(6, "Operating income", "300", "240"),
    ]
    return [
        Heading(text="Condensed Statements of Earnings", line=1, page=1),
        Paragraph(text="(in thousands)", line=2, page=1),
        _table(1, rows, page=1),
    ]


def _carried_on(title: str) -> list[Heading | Table | Paragraph]:
    """The next page: the page head, the title, the caption, and the rows alone, their
    numbers on a grid of that page's own (columns 2 and 4, not 1 and 2)."""
    rows = [
        _spaced(10, "Earnings before income taxes", {2: "280", 4: "215"}, page=2),
        _spaced(11, "Net earnings", {2: "210", 4: "160"}, page=2),
    ]
    return [
        Paragraph(text="EXAMPLE CORP.", line=7, page=2),
        Heading(text=title, line=8, page=2),
        Paragraph(text="(in thousands)", line=9, page=2),
        _table(2, rows, page=2),
    ]


def _net_earnings(tables: tuple[StatementTable, ...]) -> dict[Period | None, str]:
    """The 'Net earnings' numbers by the period of their column."""
    return {
        block.columns[cell.column].period: cell.number.text
        for table in tables
        for block in table.blocks
        for row in block.rows
        if row.label == "Net earnings"
        for cell in row.cells
    }


@pytest.mark.parametrize(
    "title",
    [
        "Condensed Statements of Earnings (continued)",
        "CONDENSED STATEMENTS OF EARNINGS (Cont'd)",
    ],
)
def test_a_statement_continued_without_its_headers_takes_the_earlier_columns(title: str) -> None:
    """The second page repeats only the title, with a continuation word: its rows are
    the same statement's, for the same periods as the first page's columns."""
    tables = _understand(*_first_page(), *_carried_on(title))
    assert _net_earnings(tables) == {Q1_2023: "210", Q1_2022: "160"}
    assert all(t.unplaced == () for t in tables)


def test_a_headerless_table_under_another_title_takes_no_columns() -> None:
    """A title that is not the earlier one carried on is no evidence: no periods."""
    tables = _understand(*_first_page(), *_carried_on("Segment Information (continued)"))
    assert Q1_2023 not in _net_earnings(tables)


def test_a_continued_title_over_its_own_headers_keeps_them() -> None:
    """The piece repeats the title and prints its own column headers (other years): its
    own headers name its periods."""
    rows = [
        _row(10, "", "Three Months Ended March 31,", "", page=2),
        _row(11, "", "2022", "2021", page=2),
        _row(12, "Net earnings", "160", "120", page=2),
    ]
    title = Heading(text="Condensed Statements of Earnings (continued)", line=8, page=2)
    tables = _understand(*_first_page(), title, _table(2, rows, page=2))
    q1_2021 = Period(start=date(2021, 1, 1), end=date(2021, 3, 31))
    assert _net_earnings(tables) == {Q1_2022: "160", q1_2021: "120"}


def _quarter_statement(
    page: int, label: str, values: tuple[str, ...], gap: bool, group: int = 2
) -> list[Row]:
    """An income statement's headers (three and nine months, two years each) and a row;
    with `gap` the reader left an empty column between the two groups, as where a
    statement starting lower on the page sets a column there; `group` is how many columns
    the nine months' header spans."""
    nine = 4 if gap else 3
    width = nine + 2
    line = 20 * page

    def cells(line: int, placed: dict[int, tuple[str, int]]) -> Row:
        row, column = [], 0
        while column < width:
            text, span = placed.get(column, ("", 1))
            row.append(Cell(text=text, column=column, span=span))
            column += span
        return Row(cells=tuple(row), line=line, page=page)

    period = ("Three Months Ended September 30,", "Nine Months Ended September 30,")
    years = {1: ("2025", 1), 2: ("2024", 1), nine: ("2025", 1), nine + 1: ("2024", 1)}
    figures = {1: values[0], 2: values[1], nine: values[2], nine + 1: values[3]}
    return [
        cells(line, {1: (period[0], 2), nine: (period[1], group)}),
        cells(line + 1, years),
        cells(line + 2, {0: (label, 1)} | {c: (v, 1) for c, v in figures.items()}),
    ]


def test_headers_repeated_over_other_columns_continue_no_table() -> None:
    """The next page prints the same header words, but its nine months' figures sit one
    column further right: appended under the first page's headers they would be read as
    the prior year's. The piece keeps its own headers, so each figure keeps its period."""
    nine_months = Period(start=date(2025, 1, 1), end=date(2025, 9, 30))
    year_before = Period(start=date(2024, 1, 1), end=date(2024, 9, 30))
    title = Heading(text="Condensed Consolidated Statements of Operations", line=1, page=1)
    again = Heading(
        text="Condensed Consolidated Statements of Operations (continued)", line=1, page=2
    )
    first = _quarter_statement(
        1, "Operating income", ("41,918", "41,978", "130,753", "120,002"), False
    )
    second = _quarter_statement(2, "Net income", ("24,949", "25,967", "79,205", "72,754"), True)
    periods = {}
    for table in _understand(title, _table(1, first), again, _table(2, second, page=2)):
        for block in table.blocks:
            for row in block.rows:
                for cell in row.cells:
                    periods[(row.label, cell.number.text)] = block.columns[cell.column].period
    assert periods[("Net income", "79,205")] == nine_months
    assert periods[("Net income", "72,754")] == year_before
    assert periods[("Operating income", "130,753")] == nine_months


def test_a_group_header_read_a_column_narrower_still_continues_the_table() -> None:
    """The next page's years stand over the same columns; only its group header was read
    over one of them: the same headers, so the page continues the table."""
    title = Heading(text="Condensed Consolidated Statements of Operations", line=1, page=1)
    first = _quarter_statement(
        1, "Operating income", ("41,918", "41,978", "130,753", "120,002"), False
    )
    second = _quarter_statement(
        2, "Net income", ("24,949", "25,967", "79,205", "72,754"), False, group=1
    )
    (table,) = _understand(title, _table(1, first), _table(2, second, page=2))
    (block,) = table.blocks
    assert [row.label for row in block.rows] == ["Operating income", "Net income"]
    assert block.columns[block.rows[1].cells[2].column].period == Period(
        start=date(2025, 1, 1), end=date(2025, 9, 30)
    )
