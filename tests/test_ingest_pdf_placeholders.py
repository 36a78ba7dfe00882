"""Placeholders and approximate figures in a PDF table's value columns.

A column with no figure for a row may print a placeholder ("N/A", "n/a", "**") where the
figure would stand; a guidance table may print "~" before its figures ("~ $1.00"). Such a
row is still a row of the table: the placeholder is a cell of its column, and an
approximate figure is a cell kept as printed, in the column of its figure.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ingest_pdf import Page, grid, read, row_with

from exporter.document import Document
from exporter.ingest import read_document

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
SIZE = 9.0
_RIGHTS = (300.0, 380.0, 460.0, 540.0)


def _mix(other: tuple[str, str, str, str]) -> Page:
    """A revenue mix and comparable sales table whose "Other" row is `other`."""
    page = Page()
    page.text(50, 60, "REVENUE CATEGORY SUMMARY", SIZE)
    for right, text in zip(_RIGHTS, ("2023", "2022", "2023", "2022"), strict=True):
        page.right(right, 80, text, SIZE)
    rows = (
        ("Computing", ("41 %", "42 %", "(10.0)%", "(6.0)%")),
        ("Services", ("5 %", "3 %", "12.4 %", "(14.8)%")),
        ("Other", other),
        ("Total", ("100 %", "100 %", "(9.6)%", "(2.1)%")),
    )
    for i, (label, values) in enumerate(rows):
        page.text(50, 95 + i * 12, label, SIZE)
        for right, value in zip(_RIGHTS, values, strict=True):
            page.right(right, 95 + i * 12, value, SIZE)
    return page


@pytest.mark.parametrize("mark", ["N/A", "n/a", "**", "NM", "n.m.", "N.M."])
def test_a_placeholder_in_value_columns_is_a_cell_of_its_column(mark):
    (table,) = read([_mix(("-%", "-%", mark, mark))]).tables
    assert grid(table)[0] == ["", "2023", "2022", "2023", "2022"]
    assert row_with(table, "Other") == ["Other", "-%", "-%", mark, mark]
    assert row_with(table, "Total") == ["Total", "100 %", "100 %", "(9.6)%", "(2.1)%"]


@pytest.mark.parametrize("mark", ["**", "n.m."])
def test_a_placeholder_in_the_last_column_keeps_the_row_in_the_table(mark):
    (table,) = read([_mix(("1 %", "2 %", "3.0 %", mark))]).tables
    assert row_with(table, "Other") == ["Other", "1 %", "2 %", "3.0 %", mark]
    assert len(table.rows) == 5


def test_a_header_line_of_years_and_a_percent_sign_stays_a_header():
    page = Page()
    page.right(300, 60, "2022", SIZE).right(380, 60, "2021", SIZE).right(460, 60, "%", SIZE)
    page.right(460, 72, "Change", SIZE)
    for i, (label, a, b, c) in enumerate(
        (("Casino revenue", "$554", "$541", "2 %"), ("Slots win", "$625", "$485", "29 %"))
    ):
        page.text(50, 86 + i * 12, label, SIZE)
        page.right(300, 86 + i * 12, a, SIZE).right(380, 86 + i * 12, b, SIZE)
        page.right(460, 86 + i * 12, c, SIZE)
    (table,) = read([page]).tables
    assert grid(table)[:2] == [["", "2022", "2021", "%"], ["", "", "", "Change"]]
    assert row_with(table, "Slots win") == ["Slots win", "$625", "$485", "29 %"]


def test_a_short_scrap_before_the_first_number_stays_with_the_label():
    page = Page()
    page.right(380, 60, "2023", SIZE).right(460, 60, "2022", SIZE)
    page.text(50, 74, "Net revenues", SIZE).right(380, 74, "2,510", SIZE)
    page.right(460, 74, "2,483", SIZE)
    page.text(50, 86, "Gross pro", SIZE).text(110, 86, "t", SIZE)
    page.right(380, 86, "1,810", SIZE).right(460, 86, "1,794", SIZE)
    (table,) = read([page]).tables
    assert row_with(table, "Gross pro t") == ["Gross pro t", "1,810", "1,794"]


def _guidance() -> Page:
    """Guidance with "~" printed before each figure, apart from it."""
    page = Page()
    page.right(431, 60, "Low", SIZE).right(491, 60, "High", SIZE)
    rows = (
        ("Estimated EPS on a GAAP basis", "$", "1.00", "1.13"),
        ("Amortization of Wildfire Fund contribution", "", "0.16", "0.16"),
        ("Fire Victim Trust tax benefit", "", "(0.05)", "(0.11)"),
        ("Estimated EPS on a non-GAAP basis", "$", "1.19", "1.23"),
    )
    for i, (label, dollar, low, high) in enumerate(rows):
        y = 74 + i * 12
        page.text(120, y, label, SIZE)
        for left, figure, right in ((380, low, 431), (440, high, 491)):
            page.text(left, y, "~", SIZE)
            if dollar:
                page.text(left + 8, y, dollar, SIZE)
            page.right(right, y, figure, SIZE)
    return page


def test_approximate_figures_are_cells_kept_as_printed():
    (table,) = read([_guidance()]).tables
    assert grid(table)[0] == ["", "Low", "High"]
    assert row_with(table, "Estimated EPS on a GAAP basis")[1:] == ["~ $1.00", "~ $1.13"]
    assert row_with(table, "Fire Victim Trust tax benefit")[1:] == ["~ (0.05)", "~ (0.11)"]
    assert len(table.rows) == 5


def test_a_tilde_printed_close_after_a_figure_starts_the_next_cell():
    page = Page()
    page.right(431, 60, "Low", SIZE).right(491, 60, "High", SIZE)
    for i, (low, high) in enumerate((("$470", "$470"), ("(132)", "(132)"))):
        y = 74 + i * 12
        page.text(132, y, "Tax impacts" if i else "Amortization", SIZE)
        page.text(379, y, "~", SIZE).right(434 if i else 431, y, low, SIZE)
        page.text(439, y, "~", SIZE).right(494 if i else 491, y, high, SIZE)
    (table,) = read([page]).tables
    assert row_with(table, "Tax impacts") == ["Tax impacts", "~ (132)", "~ (132)"]


@pytest.fixture(scope="module")
def bestbuy() -> Document:
    return read_document(CORPUS / "bestbuy-fy2023q4.pdf")


def test_bestbuy_other_revenue_row_with_n_a_comparable_sales(bestbuy):
    table = next(t for t in bestbuy.tables if t.page == 10)
    assert row_with(table, "Other") == ["Other", "-%", "-%", "N/A", "N/A"]
    assert row_with(table, "Total")[1:] == ["100 %", "100 %", "(9.6)%", "(2.1)%"]


def test_pge_guidance_figures_are_approximate_cells():
    doc = read_document(CORPUS / "pge-2023q1.pdf")
    table = next(t for t in doc.tables if t.page == 9)
    assert row_with(table, "Estimated EPS on a GAAP basis")[1:] == ["~ $1.00", "~ $1.13"]
    assert row_with(table, "Bankruptcy and legal costs ³")[1:] == ["~ 0.03", "~ 0.02"]


def test_a_hanging_bracket_close_to_the_next_columns_dollar_sign() -> None:
    """A negative's ')' hangs past its column to within a few points of the `$` printed
    before the next column's figure: the sign opens the next cell."""
    page = Page()
    page.text(50, 60, "RECONCILIATION OF GAAP TO NON-GAAP", SIZE)
    for right, text in zip((300.0, 380.0), ("GAAP", "Non-GAAP"), strict=True):
        page.right(right, 80, text, SIZE)
    for i, (label, gaap, adjusted) in enumerate(
        (("Revenue", "1,204.1", "1,204.1"), ("SG&A", "(6.1)", "(1.4)"), ("Total", "318.2", "312.5"))
    ):
        y = 95 + i * 12
        page.text(50, y, label, SIZE)
        page.right(300, y, gaap, SIZE)
        # the dollar sign set so close after the bracket that a word gap would join them
        page.text(302.5, y, "$", SIZE)
        page.right(380, y, adjusted, SIZE)
    (table,) = read([page]).tables
    assert row_with(table, "SG&A") == ["SG&A", "(6.1)", "$(1.4)"]
